import script from "../client/photo-upload.gen";
import type { HashedScript } from "../lib/csp";

/** The product page's photo resize/upload island (src/client/photo-upload.ts), allowed by its CSP hash. */
export const photoScript: HashedScript = script;
