// For `npm start`: start the sandboxes on fixed ports (SANDBOX_BASE_PORT, default 8790; free
// ports when those are taken) and write into .dev.vars what points the Worker at them, plus
// development credentials and VAPID keys where none are set. Entries already in .dev.vars are
// kept; only a sandbox URL from an earlier run (a loopback URL) is replaced.
// Messages still go to the dev transport (the dev outbox) unless .dev.vars says
// MESSAGES_TRANSPORT=live, which sends them through these sandboxes instead.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { isLoopbackUrl, mergeDevVars } from "./dev-vars.mjs";
import { magic } from "./magic.mjs";
import { sandboxEnv, startSandboxes } from "./index.mjs";

const URL_KEYS = new Set(["WHATSAPP_API_BASE", "TWILIO_API_BASE", "RESEND_API_BASE", "PUSH_ALLOWED_ORIGINS", "JAZZCASH_SANDBOX_URL", "EASYPAY_SANDBOX_URL", "POSTEX_API_BASE", "LEOPARDS_API_BASE", "TRAX_API_BASE", "CF_API_BASE"]);

async function vapidKeys() {
  const { subtle } = globalThis.crypto;
  const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const publicRaw = Buffer.from(await subtle.exportKey("raw", pair.publicKey));
  const jwk = await subtle.exportKey("jwk", pair.privateKey);
  return { VAPID_PUBLIC_KEY: publicRaw.toString("base64url"), VAPID_PRIVATE_KEY: jwk.d };
}

export async function startDevSandboxes({ file = ".dev.vars", basePort = Number(process.env.SANDBOX_BASE_PORT ?? 8790) } = {}) {
  let sandboxes;
  try {
    sandboxes = await startSandboxes({ basePort });
  } catch (err) {
    if (err?.code !== "EADDRINUSE") throw err;
    sandboxes = await startSandboxes({ basePort: 0 });
  }
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const has = (key) => new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`, "m").test(current);
  const entries = {
    ...sandboxEnv(sandboxes.urls),
    WHATSAPP_TOKEN: "dev-whatsapp-token",
    WHATSAPP_PHONE_NUMBER_ID: "100000000000001",
    TWILIO_ACCOUNT_SID: `AC${"de".repeat(16)}`,
    TWILIO_AUTH_TOKEN: "dev-twilio-token",
    TWILIO_FROM: "Hatti",
    RESEND_API_KEY: "re_dev_key",
    EMAIL_FROM: "Hatti <orders@hatti.test>",
    ...(has("VAPID_PUBLIC_KEY") || has("VAPID_PRIVATE_KEY") ? {} : await vapidKeys()),
    VAPID_SUBJECT: "mailto:dev@hatti.test",
    // Custom domains (src/domains) through the Cloudflare sandbox.
    CF_API_TOKEN: magic.cloudflare.dev.token,
    CF_ZONE_ID: magic.cloudflare.dev.zoneId,
    // The key shops' provider credentials are sealed with (src/credentials): kept once written,
    // or what was saved with it would no longer open.
    ...(has("CREDENTIALS_KEY") ? {} : { CREDENTIALS_KEY: randomBytes(32).toString("base64url") }),
    // The operator's token for /ops (src/shards/routes.ts: `npm run shard:move` reads it from here).
    ...(has("OPS_TOKEN") ? {} : { OPS_TOKEN: randomBytes(24).toString("base64url") }),
  };
  const merged = mergeDevVars(current, entries, {
    replace: (key, value) => URL_KEYS.has(key) && isLoopbackUrl(value),
    header: "# Message providers: the local sandboxes (scripts/sandboxes) and development credentials, written by npm start.",
  });
  if (merged.text !== current) writeFileSync(file, merged.text);
  return { ...sandboxes, file, added: merged.added, replaced: merged.replaced };
}
