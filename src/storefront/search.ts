/**
 * Search within a shop through the products_fts index (title, description, tags), whose terms
 * carry their shop (migrations/0005_search_per_shop.sql): a search reads only its own shop's
 * part of the index, however many shops there are. Results come newest first by default: the
 * most recently added, read from the index in descending rowid (product id) order, which it
 * keeps itself, and stopping after one page, so a word found in thousands of products costs no
 * more than a rare one. By price, or by relevance (bm25) on request, every match is read:
 * relevance scores them all. Every order is paged by keyset: the newest cursor is the last
 * card's id, the relevance cursor its integer score and id.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { products } from "../db/schema";
import { ph, runTemplates, templates } from "../db/template";
import { cardColumns } from "../products/cards";
import type { Scope } from "../db/client";
import { cardsPage, cursorValues, page, pageOf, PAGE_SIZE, SORTS, type Cursor, type Listing } from "./listing";

/** The first is the default. */
export const SEARCH_SORTS = [...SORTS, "relevance"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The FTS5 table of migrations/0005_search_per_shop.sql, for joins (not in schema.ts: drizzle-kit must not manage it). */
const productsFts = sqliteTable("products_fts", { rowid: integer("rowid") });

/**
 * Turns what a customer typed into an FTS5 query on the shop's own terms: words (letters and
 * digits of any script) each matched as a prefix of a term of this shop ("s{id}x" + word),
 * all required. Nothing typed reaches FTS5 syntax unquoted.
 */
export function ftsQuery(shopId: number, q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const picked = [...new Set(words)].slice(0, 8).map((w) => `"s${shopId}x${w.slice(0, 40)}"*`);
  return picked.length ? picked.join(" ") : null;
}

/** bm25 as a non-negative integer, higher is better (an exact, orderable cursor value). */
const score = sql<number>`CAST(-products_fts.rank * 1000000 AS INTEGER)`;

/** The shop's active products matching the words, after the cursor's condition if any. */
const matching = (after: SQL | undefined) =>
  and(sql`products_fts MATCH ${ph("match")}`, eq(products.shopId, ph("shopId")), eq(products.status, "active"), after);

const byRelevance = templates((db, from: "first" | "after") =>
  db
    .select({ ...cardColumns, score: score.as("score") })
    .from(products)
    .innerJoin(productsFts, eq(productsFts.rowid, products.id))
    .where(matching(from === "after" ? sql`(${score}, ${products.id}) < (${ph("afterValue")}, ${ph("afterId")})` : undefined))
    .orderBy(desc(score), desc(products.id))
    .limit(PAGE_SIZE + 1),
);

/**
 * Newest first, driven by the index: FTS5 hands over its matches in descending rowid order as
 * they are asked for (the ORDER BY is its own, no sort), each one a primary-key look-up of the
 * product, until a page of active products is found. A product's id is its place in the order
 * of adding, as created_at is (both are set when the row is inserted, and never changed).
 */
export const byNewest = templates((db, from: "first" | "after") =>
  db
    .select(cardColumns)
    .from(productsFts)
    .innerJoin(products, eq(products.id, productsFts.rowid))
    .where(matching(from === "after" ? sql`${productsFts.rowid} < ${ph("afterId")}` : undefined))
    .orderBy(desc(productsFts.rowid))
    .limit(PAGE_SIZE + 1),
);

/** One page of results; no query to run when nothing searchable was typed. */
export async function loadSearch({ db, shopId }: Scope, q: string, sort: SearchSort, cursor: Cursor | null): Promise<Listing> {
  const match = ftsQuery(shopId, q);
  if (!match) return { cards: [], next: null };
  if (sort === "relevance") {
    const [rows] = await runTemplates(db, [byRelevance(cursor ? "after" : "first").bind({ shopId, match, ...cursorValues(cursor) })]);
    return pageOf(rows, (last) => ({ value: last.score, id: last.id }));
  }
  if (sort === "newest") {
    const [rows] = await runTemplates(db, [byNewest(cursor ? "after" : "first").bind({ shopId, match, afterId: cursor?.id })]);
    return pageOf(rows, (last) => ({ value: last.id, id: last.id }));
  }
  const [rows] = await runTemplates(db, [cardsPage(shopId, sort, cursor, "search", { match })]);
  return page(sort, rows);
}
