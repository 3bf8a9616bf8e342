/** The boundary suite for the couriers' forms (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { courierCases } from "./couriers.cases";

for (const c of courierCases) describe(c.route, () => boundaryTests(c));
