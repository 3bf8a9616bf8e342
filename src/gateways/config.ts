/**
 * Where each gateway lives, per shop: a shop chooses sandbox or live (saved with its sealed
 * credentials), and the Worker's env says where the sandbox and live gateways are
 * (JAZZCASH_SANDBOX_URL / JAZZCASH_LIVE_URL; EASYPAY_SANDBOX_URL for Easypaisa's sandbox). In
 * development `npm start` points the sandbox URLs at the local sandboxes (scripts/sandboxes).
 */
import { z } from "zod";
import type { Scope } from "../db/client";
import type { Bindings } from "../env";
import { credentialsKey, type CredentialsEnv } from "../credentials/seal";
import { readCredentials } from "../credentials/store";
import type { JazzCashCredentials } from "./jazzcash/fields";

export interface GatewaysEnv extends CredentialsEnv {
  JAZZCASH_SANDBOX_URL?: string;
  JAZZCASH_LIVE_URL?: string;
}
export type GatewayBindings = Bindings & GatewaysEnv;

/** JazzCash's own hosts, used when the env names none. */
const JAZZCASH_DEFAULTS = { sandbox: "https://sandbox.jazzcash.com.pk", live: "https://payments.jazzcash.com.pk" } as const;

export const MODES = ["sandbox", "live"] as const;
export type Mode = (typeof MODES)[number];

/** The gateway's base URL for a shop's mode (no trailing slash). */
function jazzcashBase(env: GatewaysEnv, mode: Mode): string {
  const set = mode === "live" ? env.JAZZCASH_LIVE_URL : env.JAZZCASH_SANDBOX_URL;
  return (set?.trim() || JAZZCASH_DEFAULTS[mode]).replace(/\/+$/, "");
}

/** Caps of the merchant fields as the JazzCash portal issues them (declared once, here). */
const JAZZCASH_CAPS = { merchantId: 30, password: 64, salt: 64 } as const;

/**
 * The seller's JazzCash form. Secrets are never shown back, so an empty password or salt keeps
 * what was saved (src/credentials/store.ts); the first save needs all three.
 */
export const jazzcashSchema = z.object({
  merchantId: z
    .string()
    .trim()
    .max(JAZZCASH_CAPS.merchantId, "gateways.merchantId.invalid")
    .regex(/^[A-Za-z0-9_-]*$/, "gateways.merchantId.invalid"),
  password: z.string().trim().max(JAZZCASH_CAPS.password, "gateways.secret.tooLong"),
  salt: z.string().trim().max(JAZZCASH_CAPS.salt, "gateways.secret.tooLong"),
  mode: z.enum(MODES, { message: "gateways.mode.invalid" }),
});

/** A shop's JazzCash account in clear, for the code that calls the gateway; null when not configured (or the key is missing). */
export async function jazzcashAccount(scope: Scope, env: GatewaysEnv): Promise<{ creds: JazzCashCredentials; base: string; mode: Mode } | null> {
  const key = await credentialsKey(env);
  if (!key) return null;
  const f = await readCredentials(scope, key, "jazzcash");
  if (!f?.merchantId || !f.password || !f.salt) return null;
  const mode: Mode = f.mode === "live" ? "live" : "sandbox";
  return { creds: { merchantId: f.merchantId, password: f.password, salt: f.salt }, base: jazzcashBase(env, mode), mode };
}
