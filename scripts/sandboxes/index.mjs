#!/usr/bin/env node
// Local stand-ins for the message providers (WhatsApp Cloud API, Twilio SMS, Resend email, a Web
// Push service), the payment gateways (JazzCash, Easypaisa), the couriers (PostEx, Leopards,
// Trax) and Cloudflare for SaaS's custom hostnames API, for development and the contract tests. `startSandboxes()` starts them all and
// gives their base URLs; run directly (`node scripts/sandboxes/index.mjs`) it starts them and
// prints the URLs and the .dev.vars lines that point the Worker at them.
// Ports: SANDBOX_BASE_PORT=8790 gives whatsapp 8790, sms 8791, email 8792, push 8793, jazzcash 8794,
// easypay (Easypaisa) 8795, postex 8796, leopards 8797, trax 8798, cloudflare 8799; 0 (the default for tests) picks free ports.
import { createCloudflareSandbox } from "./cloudflare.mjs";
import { createEmailSandbox } from "./email.mjs";
import { createEasypaisaSandbox } from "./easypay.mjs";
import { createJazzCashSandbox } from "./jazzcash.mjs";
import { createLeopardsSandbox } from "./leopards.mjs";
import { createPostExSandbox } from "./postex.mjs";
import { createPushSandbox } from "./push.mjs";
import { createSmsSandbox } from "./sms.mjs";
import { createTraxSandbox } from "./trax.mjs";
import { createWhatsAppSandbox } from "./whatsapp.mjs";

export const SANDBOX_NAMES = ["whatsapp", "sms", "email", "push", "jazzcash", "easypay", "postex", "leopards", "trax", "cloudflare"];

/** Starts the sandboxes; `basePort` 0 picks free ports. Returns { urls, close }. */
export async function startSandboxes({ basePort = 0, host = "127.0.0.1" } = {}) {
  const sandboxes = [
    createWhatsAppSandbox(),
    createSmsSandbox(),
    createEmailSandbox(),
    createPushSandbox(),
    createJazzCashSandbox(),
    createEasypaisaSandbox(),
    createPostExSandbox(),
    createLeopardsSandbox(),
    createTraxSandbox(),
    createCloudflareSandbox(),
  ];
  const urls = {};
  try {
    for (const [i, sandbox] of sandboxes.entries()) {
      urls[sandbox.name] = await sandbox.listen(basePort ? basePort + i : 0, host);
    }
  } catch (err) {
    await Promise.all(sandboxes.map((s) => s.close().catch(() => {})));
    throw err;
  }
  return {
    urls,
    close: () => Promise.all(sandboxes.map((s) => s.close())).then(() => undefined),
  };
}

/** The env entries that point the Worker's transports and gateways at the sandboxes. */
export function sandboxEnv(urls) {
  return {
    WHATSAPP_API_BASE: urls.whatsapp,
    TWILIO_API_BASE: urls.sms,
    RESEND_API_BASE: urls.email,
    PUSH_ALLOWED_ORIGINS: urls.push,
    JAZZCASH_SANDBOX_URL: urls.jazzcash,
    EASYPAY_SANDBOX_URL: urls.easypay,
    POSTEX_API_BASE: `${urls.postex}/services/integration/api/order`,
    LEOPARDS_API_BASE: `${urls.leopards}/api`,
    TRAX_API_BASE: `${urls.trax}/api`,
    CF_API_BASE: `${urls.cloudflare}/client/v4`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const basePort = Number(process.env.SANDBOX_BASE_PORT ?? 8790);
  const { urls, close } = await startSandboxes({ basePort });
  console.log("Provider sandboxes:");
  for (const [name, url] of Object.entries(urls)) console.log(`  ${name.padEnd(9)}${url}   (${url}/__sandbox/requests)`);
  console.log("\n.dev.vars lines:");
  for (const [k, v] of Object.entries(sandboxEnv(urls))) console.log(`  ${k}=${v}`);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => close().then(() => process.exit(0)));
}
