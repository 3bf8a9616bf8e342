/**
 * The home page's data in ONE statement, however many sections it has: every instance's
 * declared need (src/storefront/section.ts) becomes one JSON column of the shop's row, a
 * collection's title and products folded together, collections picked by slug resolved in the
 * same statement. Needs are capped at MAX_SECTIONS before any SQL is built. The statement's SQL
 * depends only on the kinds of the needs, in order (slugs and limits are bound), so it is built
 * once per isolate for each such shape.
 */
import { alias } from "drizzle-orm/sqlite-core";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { collectionProducts, collections, products, shops } from "../db/schema";
import { ph, runTemplates, template, type Template, type Values } from "../db/template";
import { cardColumns, cardsJson, parseCards, type CardRow } from "../products/cards";
import type { Scope } from "../db/client";
import { MAX_SECTIONS, type SectionNeed } from "./section";

/** What one need brought back (nothing for an instance without one). */
export interface NeedResult {
  collection: { title: string; slug: string } | null;
  cards: CardRow[];
}

export interface HomeData {
  /** The shop has no active product. */
  empty: boolean;
  /** One result per need, in the needs' order. */
  results: NeedResult[];
}

/** A need's shape: f = the first collection, c = a collection by slug, p = product, n = newest, - = none. */
const shapeOf = (n: SectionNeed | null) => (!n ? "-" : n.kind === "collection" ? (n.slug ? "c" : "f") : n.kind === "product" ? "p" : "n");

const shopId = sql`${shops.id}`;

function collectionColumn(db: Parameters<Parameters<typeof template>[0]>[0], i: number, bySlug: boolean): SQL {
  const c = alias(collections, `c${i}`);
  const items = db
    .select({ ...cardColumns, pos: sql<number>`${collectionProducts.position}`.as("pos") })
    .from(collectionProducts)
    .innerJoin(products, eq(products.id, collectionProducts.productId))
    .where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, c.id), eq(products.shopId, shopId), eq(products.status, "active")))
    .orderBy(asc(collectionProducts.position), desc(products.id))
    .limit(ph(`l${i}`));
  // Columns of the alias spelled out: drizzle's sql tag leaves an alias's columns unqualified.
  const col = (name: string) => sql`${sql.identifier(`c${i}`)}.${sql.identifier(name)}`;
  const which = bySlug ? sql`${col("slug")} = ${ph(`s${i}`)}` : sql`1 ORDER BY ${col("position")}, ${col("id")} LIMIT 1`;
  // `|| ''` makes the cards plain text inside the array (parseCards reads text), not nested JSON.
  return sql`(SELECT json_array(${col("title")}, ${col("slug")}, ${cardsJson(items, "position")} || '') FROM ${collections} AS ${sql.identifier(`c${i}`)} WHERE ${col("shop_id")} = ${shopId} AND ${which})`;
}

function build(shape: string) {
  return template((db) => {
    const columns: Record<string, SQL.Aliased> = {
      any: sql<number>`EXISTS (SELECT 1 FROM ${products} AS "p" WHERE "p"."shop_id" = ${shopId} AND "p"."status" = 'active')`.as("any"),
    };
    [...shape].forEach((kind, i) => {
      if (kind === "f" || kind === "c") columns[`n${i}`] = collectionColumn(db, i, kind === "c").as(`n${i}`);
      else if (kind === "p") {
        const one = db
          .select(cardColumns)
          .from(products)
          .where(and(eq(products.shopId, shopId), eq(products.slug, ph(`s${i}`)), eq(products.status, "active")))
          .limit(1);
        columns[`n${i}`] = cardsJson(one, "newest").as(`n${i}`);
      } else if (kind === "n") {
        const newest = db
          .select(cardColumns)
          .from(products)
          .where(and(eq(products.shopId, shopId), eq(products.status, "active")))
          .orderBy(desc(products.createdAt), desc(products.id))
          .limit(ph(`l${i}`));
        columns[`n${i}`] = cardsJson(newest, "newest").as(`n${i}`);
      }
    });
    return db.select(columns).from(shops).where(eq(shops.id, ph("shopId")));
  });
}

/** Statements by shape: a shop's sections change rarely and shops share shapes; kept bounded. */
const byShape = new Map<string, Template<Record<string, unknown>[]>>();
const MAX_SHAPES = 200;

/** The statement of `needs` (capped at MAX_SECTIONS) bound to the shop: exported for tests (SQL, parameters). */
export function homeStatement(id: number, needs: readonly (SectionNeed | null)[]) {
  const capped = needs.slice(0, MAX_SECTIONS);
  const shape = capped.map(shapeOf).join("");
  let t = byShape.get(shape);
  if (!t) {
    if (byShape.size >= MAX_SHAPES) byShape.clear();
    byShape.set(shape, (t = build(shape) as unknown as Template<Record<string, unknown>[]>));
  }
  const values: Values = { shopId: id };
  capped.forEach((n, i) => {
    if (!n) return;
    if (n.kind === "collection" || n.kind === "product") values[`s${i}`] = n.slug;
    if (n.kind === "collection" || n.kind === "newest") values[`l${i}`] = n.limit;
  });
  return { bound: t.bind(values), count: capped.length };
}

const NONE: NeedResult = { collection: null, cards: [] };

function collectionOf(text: unknown): NeedResult {
  if (typeof text !== "string") return NONE;
  const [title, slug, cards] = JSON.parse(text) as [string, string, string | null];
  return { collection: { title, slug }, cards: parseCards(cards) };
}

export async function loadHome({ db, shopId: id }: Scope, needs: readonly (SectionNeed | null)[]): Promise<HomeData> {
  const { bound, count } = homeStatement(id, needs);
  const [[row]] = await runTemplates(db, [bound]);
  const results = Array.from({ length: count }, (_, i): NeedResult => {
    const n = needs[i];
    const v = row?.[`n${i}`];
    if (!n) return NONE;
    return n.kind === "collection" ? collectionOf(v) : { collection: null, cards: parseCards(v as string | null) };
  });
  return { empty: !row?.any, results };
}
