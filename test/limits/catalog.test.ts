/** The boundary suite for the catalogue's forms (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { catalogCases } from "./catalog.cases";

for (const c of catalogCases) describe(c.route, () => boundaryTests(c));
