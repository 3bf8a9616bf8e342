/**
 * Where each gateway lives, per shop: a shop chooses sandbox or live (saved with its sealed
 * credentials), and the Worker's env says where the sandbox and live gateways are
 * (JAZZCASH_SANDBOX_URL / JAZZCASH_LIVE_URL, EASYPAY_SANDBOX_URL / EASYPAY_LIVE_URL). In
 * development `npm start` points the sandbox URLs at the local sandboxes (scripts/sandboxes).
 */
import { z } from "zod";
import type { Scope } from "../db/client";
import type { Bindings } from "../env";
import { credentialsKey, type CredentialsEnv } from "../credentials/seal";
import { readCredentials } from "../credentials/store";
import type { JazzCashCredentials } from "./jazzcash/fields";
import type { EasypayCredentials } from "./easypay/fields";

export interface GatewaysEnv extends CredentialsEnv {
  JAZZCASH_SANDBOX_URL?: string;
  JAZZCASH_LIVE_URL?: string;
  EASYPAY_SANDBOX_URL?: string;
  EASYPAY_LIVE_URL?: string;
  ENVIRONMENT?: string;
}
export type GatewayBindings = Bindings & GatewaysEnv;

/** The gateways' own hosts, used when the env names none. */
const JAZZCASH_DEFAULTS = { sandbox: "https://sandbox.jazzcash.com.pk", live: "https://payments.jazzcash.com.pk" } as const;
const EASYPAY_DEFAULTS = { sandbox: "https://easypaystg.easypaisa.com.pk", live: "https://easypay.easypaisa.com.pk" } as const;

export const MODES = ["sandbox", "live"] as const;
export type Mode = (typeof MODES)[number];

/** The gateway's base URL for a shop's mode (no trailing slash). */
function baseUrl(set: string | undefined, fallback: string): string {
  return (set?.trim() || fallback).replace(/\/+$/, "");
}
const jazzcashBase = (env: GatewaysEnv, mode: Mode) => baseUrl(mode === "live" ? env.JAZZCASH_LIVE_URL : env.JAZZCASH_SANDBOX_URL, JAZZCASH_DEFAULTS[mode]);
const easypayBase = (env: GatewaysEnv, mode: Mode) => baseUrl(mode === "live" ? env.EASYPAY_LIVE_URL : env.EASYPAY_SANDBOX_URL, EASYPAY_DEFAULTS[mode]);

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

/** Caps of the store's fields as the Easypay merchant portal issues them (declared once, here). */
const EASYPAY_CAPS = { storeId: 20, hashKey: 16, username: 64, password: 64, accountNum: 20 } as const;

/**
 * The seller's Easypaisa (Easypay) form: the store ID and its 16-character hash key (the hosted
 * checkout's merchantHashedReq), and the API username, password and account number the
 * transaction inquiry needs. Secrets are never shown back: an empty field keeps what was saved.
 */
export const easypaySchema = z.object({
  storeId: z.string().trim().max(EASYPAY_CAPS.storeId, "gateways.digits.invalid").regex(/^\d*$/, "gateways.digits.invalid"),
  hashKey: z.string().trim().max(EASYPAY_CAPS.hashKey, "gateways.hashKey.invalid").regex(/^(.{16})?$/, "gateways.hashKey.invalid"),
  username: z.string().trim().max(EASYPAY_CAPS.username, "gateways.secret.tooLong"),
  password: z.string().trim().max(EASYPAY_CAPS.password, "gateways.secret.tooLong"),
  accountNum: z.string().trim().max(EASYPAY_CAPS.accountNum, "gateways.digits.invalid").regex(/^\d*$/, "gateways.digits.invalid"),
  mode: z.enum(MODES, { message: "gateways.mode.invalid" }),
});

/**
 * Where the server-to-server inquiry goes: the env's URL for the mode, or Easypay's own host in
 * production only (development and tests never call the internet: unset, nothing is asked).
 */
export function easypayApiBase(env: GatewaysEnv, mode: Mode): string | null {
  const set = (mode === "live" ? env.EASYPAY_LIVE_URL : env.EASYPAY_SANDBOX_URL)?.trim();
  return set || env.ENVIRONMENT === "production" ? easypayBase(env, mode) : null;
}

/** A shop's Easypay store in clear, for the code that calls the gateway; null when not configured (or the key is missing). */
export async function easypayAccount(scope: Scope, env: GatewaysEnv): Promise<{ creds: EasypayCredentials; base: string; mode: Mode } | null> {
  const key = await credentialsKey(env);
  if (!key) return null;
  const f = await readCredentials(scope, key, "easypay");
  if (!f?.storeId || !f.hashKey || !f.username || !f.password || !f.accountNum) return null;
  const mode: Mode = f.mode === "live" ? "live" : "sandbox";
  return { creds: { storeId: f.storeId, hashKey: f.hashKey, username: f.username, password: f.password, accountNum: f.accountNum }, base: easypayBase(env, mode), mode };
}
