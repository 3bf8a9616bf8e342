/**
 * A shop's credentials for a provider, kept sealed in D1 (shop_credentials): saved whole (a form
 * posts every field; a field left empty keeps what was saved), read in clear only by the code that
 * calls the provider (a queue consumer, a callback's check), and shown to the seller as hints.
 */
import { and, eq } from "drizzle-orm";
import type { Scope } from "../db/client";
import { shopCredentials } from "../db/schema";
import { now } from "../db/schema/columns";
import { hint, open, seal } from "./seal";

/**
 * Seals and saves `fields` for the provider; an empty field keeps its saved value (the form never
 * shows secrets back, so an untouched field arrives empty). Returns the hints now shown.
 */
export async function saveCredentials({ db, shopId }: Scope, key: CryptoKey, provider: string, fields: Record<string, string>): Promise<Record<string, string>> {
  const saved = (await readCredentials({ db, shopId }, key, provider)) ?? {};
  const merged = { ...saved, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== "")) };
  const hints = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, hint(v)]));
  const sealed = await seal(key, shopId, provider, merged);
  await db
    .insert(shopCredentials)
    .values({ shopId, provider, sealed, hints: JSON.stringify(hints) })
    .onConflictDoUpdate({
      target: [shopCredentials.shopId, shopCredentials.provider],
      set: { sealed, hints: JSON.stringify(hints), updatedAt: now },
    });
  return hints;
}

/** The provider's fields in clear, or null when none are saved (or they do not open with this key). */
export async function readCredentials({ db, shopId }: Scope, key: CryptoKey, provider: string): Promise<Record<string, string> | null> {
  const row = await db
    .select({ sealed: shopCredentials.sealed })
    .from(shopCredentials)
    .where(and(eq(shopCredentials.shopId, shopId), eq(shopCredentials.provider, provider)))
    .get();
  return row ? open(key, shopId, provider, row.sealed) : null;
}

/** What the admin shows: each saved field's hint (never the value). */
export async function credentialHints({ db, shopId }: Scope, provider: string): Promise<Record<string, string>> {
  const row = await db
    .select({ hints: shopCredentials.hints })
    .from(shopCredentials)
    .where(and(eq(shopCredentials.shopId, shopId), eq(shopCredentials.provider, provider)))
    .get();
  return row ? (JSON.parse(row.hints) as Record<string, string>) : {};
}

/** Forgets the provider's credentials. */
export async function deleteCredentials({ db, shopId }: Scope, provider: string): Promise<void> {
  await db.delete(shopCredentials).where(and(eq(shopCredentials.shopId, shopId), eq(shopCredentials.provider, provider)));
}
