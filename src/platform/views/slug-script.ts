import code from "../../client/slug-check.gen";
import { inlineScript } from "../../lib/csp";

/** The wizard's address-field enhancement (src/client/slug-check.ts), allowed by its CSP hash. */
export const slugScript = inlineScript(code);
