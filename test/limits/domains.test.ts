/** The boundary suite for the custom domain form (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { domainCases } from "./domains.cases";

for (const c of domainCases) describe(c.route, () => boundaryTests(c));
