/**
 * A shop's credentials for a provider, kept sealed in D1 (shop_credentials): saved whole (a form
 * posts every field; a field left empty keeps what was saved), read in clear only by the code that
 * calls the provider (a queue consumer, a callback's check), and shown to the seller as hints.
 */
import { and, eq } from "drizzle-orm";
import { inList } from "../db/batch";
import type { Scope } from "../db/client";
import { pageRead, runRead } from "../db/page-read";
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

/** What a provider's admin page reads of her saved credentials: each field's hint, and the sealed blob (opened, if at all, with `openSaved`: WebCrypto, no D1 trip). */
export interface SavedCredentials {
  hints: Record<string, string>;
  sealed: string;
}

/**
 * The saved credentials of these providers (those with none are absent), as a page's read: one
 * statement, so an admin page reads them in the batch of the seller's session check.
 */
export const savedCredentialsRead = (providers: readonly string[]) =>
  pageRead(
    (db, shop) =>
      [
        db
          .select({ provider: shopCredentials.provider, hints: shopCredentials.hints, sealed: shopCredentials.sealed })
          .from(shopCredentials)
          .where(and(eq(shopCredentials.shopId, shop), inList(shopCredentials.provider, providers))),
      ] as const,
    ([rows]) => new Map<string, SavedCredentials>(rows.map((r) => [r.provider, { hints: JSON.parse(r.hints) as Record<string, string>, sealed: r.sealed }])),
  );

/** A saved row's fields in clear (null when it does not open with this key, or for another shop or provider). */
export const openSaved = (key: CryptoKey, shopId: number, provider: string, saved: SavedCredentials) => open(key, shopId, provider, saved.sealed);

/** What the admin shows: each saved field's hint (never the value). */
export async function credentialHints({ db, shopId }: Scope, provider: string): Promise<Record<string, string>> {
  return (await runRead(db, shopId, savedCredentialsRead([provider]))).get(provider)?.hints ?? {};
}

/** Forgets the provider's credentials. */
export async function deleteCredentials({ db, shopId }: Scope, provider: string): Promise<void> {
  await db.delete(shopCredentials).where(and(eq(shopCredentials.shopId, shopId), eq(shopCredentials.provider, provider)));
}
