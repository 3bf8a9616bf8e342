/**
 * URL slugs of products, collections and pages: readable (Latin words of the title, cut at a
 * word boundary) and unique per shop (`base`, `base-2`, `base-3`, ...). The taken ones are
 * found with one range over the shop's unique (shop_id, slug) index, never with a LIKE pattern
 * built from the title (D1 refuses a pattern over 50 bytes).
 */
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { latinSlug } from "../lib/latin-slug";

/** The longest slug made from a title (a numbered one adds "-2" ... "-999" to it). */
const SLUG_MAX = 60;

/**
 * A URL slug from a title: at most SLUG_MAX characters, cut after the last whole word that
 * fits (a single longer word is cut at SLUG_MAX). Titles with no Latin letters (Urdu) get
 * `<prefix>-<random>`.
 */
export function slugify(title: string, prefix = "p"): string {
  const full = latinSlug(title, SLUG_MAX + 1);
  const cut = full.length <= SLUG_MAX ? full : full.slice(0, SLUG_MAX);
  const base = full.length > SLUG_MAX && full[SLUG_MAX] !== "-" && cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut.replace(/-+$/, "");
  return base.length >= 2 ? base : `${prefix}-${randomSuffix()}`;
}

type SlugTable = SQLiteTable & { shopId: SQLiteColumn; slug: SQLiteColumn };

/**
 * The slugs of the shop among `base` and `base-<digits>`: the range [base, base + ".") holds
 * exactly `base` and every `base-...` ("." follows "-" in byte order), read from the
 * (shop_id, slug) index; the digits test is a constant GLOB, not built from the title.
 */
export function takenSlugsQuery(db: Db, table: SlugTable, shopId: number, base: string) {
  return db
    .select({ slug: sql<string>`${table.slug}` })
    .from(table)
    .where(
      and(
        eq(table.shopId, shopId),
        gte(table.slug, base),
        lt(table.slug, `${base}.`),
        sql`(${table.slug} = ${base} OR substr(${table.slug}, ${base.length + 2}) NOT GLOB '*[^0-9]*')`,
      ),
    );
}

/** The first free slug of `base`, `base-2`, ... `base-999`, then `base-<random>`. */
export async function uniqueSlug(db: Db, table: SlugTable, shopId: number, base: string): Promise<string> {
  const taken = new Set((await takenSlugsQuery(db, table, shopId, base).all()).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; i < 1000; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  return `${base}-${randomSuffix()}`;
}

/** Six random base-36 characters: what makes a slug unique when its title is taken. */
export function randomSuffix(): string {
  const b = crypto.getRandomValues(new Uint8Array(4));
  return [...b].map((x) => x.toString(36).padStart(2, "0")).join("").slice(0, 6);
}
