/** The boundary suite for the customer's forms (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { storefrontCases } from "./storefront.cases";

for (const c of storefrontCases) describe(c.route, () => boundaryTests(c));
