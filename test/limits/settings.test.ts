/** The boundary suite for the shop settings forms (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { settingsCases } from "./settings.cases";

for (const c of settingsCases) describe(c.route, () => boundaryTests(c));
