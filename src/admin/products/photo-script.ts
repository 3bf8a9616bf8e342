import code from "../../client/photo-upload.gen";
import { inlineScript } from "../../lib/csp";

/** The product page's photo resize/upload island (src/client/photo-upload.ts), allowed by its CSP hash. */
export const photoScript = inlineScript(code);
