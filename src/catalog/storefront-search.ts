/**
 * Search within a shop through the products_fts index (title, description, tags), whose terms
 * carry their shop (migrations/0005_search_per_shop.sql): a search reads only its own shop's
 * part of the index, however many shops there are. Results come
 * newest first by default (an ordered seek on the shop's index that stops after one page, so a
 * search costs about what a product page does), by price, or by relevance (bm25) on request:
 * relevance scores every match, so a word found in thousands of products costs more. Every
 * order is paged by keyset; the relevance cursor is the integer score and id of the last card.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { products } from "../db/schema";
import { ph, runTemplates, templates } from "../db/template";
import { cardColumns, type CardRow } from "./cards";
import type { Scope } from "./storefront-chrome";
import { cardsPage, cursorValues, page, PAGE_SIZE, SORTS, type Cursor, type Listing } from "./storefront-listing";

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

const byRelevance = templates((db, from: "first" | "after") =>
  db
    .select({ ...cardColumns, score: score.as("score") })
    .from(products)
    .innerJoin(productsFts, eq(productsFts.rowid, products.id))
    .where(
      and(
        sql`products_fts MATCH ${ph("match")}`,
        eq(products.shopId, ph("shopId")),
        eq(products.status, "active"),
        from === "after" ? sql`(${score}, ${products.id}) < (${ph("afterValue")}, ${ph("afterId")})` : undefined,
      ),
    )
    .orderBy(desc(score), desc(products.id))
    .limit(PAGE_SIZE + 1),
);

/** One page of results; no query to run when nothing searchable was typed. */
export async function loadSearch({ db, shopId }: Scope, q: string, sort: SearchSort, cursor: Cursor | null): Promise<Listing> {
  const match = ftsQuery(shopId, q);
  if (!match) return { cards: [], next: null };
  if (sort === "relevance") {
    const [rows] = await runTemplates(db, [byRelevance(cursor ? "after" : "first").bind({ shopId, match, ...cursorValues(cursor) })]);
    const cards: (CardRow & { score: number })[] = rows.slice(0, PAGE_SIZE);
    const last = cards[cards.length - 1];
    return { cards, next: rows.length > PAGE_SIZE && last ? { value: last.score, id: last.id } : null };
  }
  const [rows] = await runTemplates(db, [cardsPage(shopId, sort, cursor, "search", { match })]);
  return page(sort, rows);
}
