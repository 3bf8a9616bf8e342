import script from "../../client/slug-check.gen";
import type { HashedScript } from "../../lib/csp";

/** The wizard's address-field enhancement (src/client/slug-check.ts), allowed by its CSP hash. */
export const slugScript: HashedScript = script;
