// What vitest's globalSetup (scripts/sandboxes/vitest-setup.mjs) provides to the Worker tests:
// the base URLs of the provider sandboxes, read with inject("sandboxes").
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    sandboxes: { whatsapp: string; sms: string; email: string; push: string; jazzcash: string; easypay: string; postex: string; leopards: string; trax: string; cloudflare: string };
  }
}
