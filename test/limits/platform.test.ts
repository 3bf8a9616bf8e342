/** The boundary suite for the platform's forms (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { platformCases } from "./platform.cases";

for (const c of platformCases) describe(c.route, () => boundaryTests(c));
