/** The boundary suite for the seller's order forms (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { ordersCases } from "./orders.cases";

for (const c of ordersCases) describe(c.route, () => boundaryTests(c));
