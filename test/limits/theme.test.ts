/** The boundary suite for the theme form, in every theme (see harness.ts). */
import { describe } from "vitest";
import { boundaryTests } from "./harness";
import { themeCases } from "./theme.cases";

for (const c of themeCases) describe(`${c.route} (${(c as { name?: string }).name})`, () => boundaryTests(c));
