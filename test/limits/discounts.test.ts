/** The boundary suite for the discount form (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { discountCases } from "./discounts.cases";

for (const c of discountCases) describe(c.route, () => boundaryTests(c));
