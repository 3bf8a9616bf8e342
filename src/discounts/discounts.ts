/**
 * The seller's discounts: the list with each one's uses and revenue, the form's picker, create,
 * edit and on/off. No HTTP here. Each write is ONE statement whose guards (the code free in the
 * shop, the targets the shop's own, the uses not above a new limit) are checked in SQL, so a
 * refused save writes nothing; why it was refused is read after, only then.
 */
import { and, asc, desc, eq, is, lt, ne, SQL, sql, type SQLWrapper } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { jsonList } from "../db/batch";
import { insertWhere } from "../db/capped";
import { AUTOMATIC_MAX } from "../pricing/facts";
import { isUniqueViolation } from "../db/errors";
import { collections, discounts, orderDiscounts, orders, products, type DISCOUNT_KINDS } from "../db/schema";
import { now } from "../db/schema/columns";
import type { DiscountInput } from "./schema";
import { PICK_RESULTS } from "./schema";

export type DiscountKind = (typeof DISCOUNT_KINDS)[number];
export type DiscountRow = typeof discounts.$inferSelect;

/** Discounts a page of the list shows. */
const LIST_PAGE = 20;

/** Orders that are not sales: their totals are not a discount's revenue. */
const NOT_SALES = ["cancelled", "returned"] as const;

/**
 * A page of the shop's discounts, newest first (keyset: ids below `after`), each with the
 * orders that used it and their revenue (orders neither cancelled nor returned), and how many
 * discounts the shop has: one round trip.
 */
/** The list page's read: a page of the shop's discounts (newest first, keyset) with their sales, and how many there are. */
export const discountListRead = (after?: number) =>
  pageRead(
    (db, shopId) => {
      const used = sql`SELECT ${orderDiscounts.orderId} FROM ${orderDiscounts} WHERE ${orderDiscounts.shopId} = ${shopId} AND ${orderDiscounts.discountId} = ${discounts.id}`;
      const sales = sql`FROM ${orders} WHERE ${orders.shopId} = ${shopId} AND ${orders.status} NOT IN ${jsonList(NOT_SALES)} AND ${orders.id} IN (${used})`;
      return [
        db
          .select({
            row: discounts,
            orders: sql<number>`(SELECT count(*) ${sales})`.mapWith(Number),
            revenue: sql<number>`(SELECT coalesce(sum(${orders.total}), 0) ${sales})`.mapWith(Number),
          })
          .from(discounts)
          .where(and(eq(discounts.shopId, shopId), after ? lt(discounts.id, after) : undefined))
          .orderBy(desc(discounts.id))
          .limit(LIST_PAGE + 1),
        db.select({ n: sql<number>`count(*)` }).from(discounts).where(eq(discounts.shopId, shopId)),
      ] as const;
    },
    ([rows, count]) => {
      const page = rows.slice(0, LIST_PAGE);
      return {
        rows: page.map((r) => ({ ...r.row, orders: r.orders, revenue: r.revenue })),
        total: count[0]?.n ?? 0,
        nextAfter: rows.length > LIST_PAGE ? page[page.length - 1]!.row.id : null,
      };
    },
  );

export function listDiscounts(db: Db, shopId: number, after?: number) {
  return runRead(db, shopId, discountListRead(after));
}
export type DiscountPage = Awaited<ReturnType<typeof listDiscounts>>;
export type DiscountListRow = DiscountPage["rows"][number];

const discountQuery = (db: Db, shop: ShopRef, id: number) => db.select().from(discounts).where(and(eq(discounts.shopId, shop), eq(discounts.id, id)));

export async function discountById(db: Db, shopId: number, id: number): Promise<DiscountRow | null> {
  return (await discountQuery(db, shopId, id).get()) ?? null;
}

/** The targets a discount names, as the form's lists of ids. */
export function targetsOf(row: Pick<DiscountRow, "targets">): number[] {
  try {
    const v: unknown = JSON.parse(row.targets);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x) && x > 0) : [];
  } catch {
    return [];
  }
}

export interface Choice {
  id: number;
  title: string;
}

export interface Picker {
  products: { chosen: Choice[]; found: Choice[] };
  collections: { chosen: Choice[]; found: Choice[] };
}

/** Title contains the search, case-insensitively (instr: no LIKE pattern to grow past D1's limit). */
const titleHas = (col: SQLWrapper, q: string) => sql`instr(lower(${col}), lower(${q})) > 0`;

/** A set of ids to pick from: a list (one bound JSON parameter) or a subquery of them. */
type IdSet = readonly number[] | SQL;
const idSet = (ids: IdSet): SQL => (is(ids, SQL) ? sql`(${ids})` : jsonList(ids as readonly number[]));

/**
 * The picker's four statements: the chosen products and collections (only the shop's own: an id
 * of another shop's is not found) and up to PICK_RESULTS of each matching the search, newest first.
 */
function pickerStatements(db: Db, shop: ShopRef, q: string, chosenProducts: IdSet, chosenCollections: IdSet) {
  const ps = idSet(chosenProducts);
  const cs = idSet(chosenCollections);
  return [
    db.select({ id: products.id, title: products.title }).from(products).where(and(eq(products.shopId, shop), sql`${products.id} IN ${ps}`)).orderBy(asc(products.title)),
    db
      .select({ id: products.id, title: products.title })
      .from(products)
      .where(and(eq(products.shopId, shop), sql`${products.id} NOT IN ${ps}`, q ? titleHas(products.title, q) : undefined))
      .orderBy(desc(products.id))
      .limit(PICK_RESULTS),
    db.select({ id: collections.id, title: collections.title }).from(collections).where(and(eq(collections.shopId, shop), sql`${collections.id} IN ${cs}`)).orderBy(asc(collections.title)),
    db
      .select({ id: collections.id, title: collections.title })
      .from(collections)
      .where(and(eq(collections.shopId, shop), sql`${collections.id} NOT IN ${cs}`, q ? titleHas(collections.title, q) : undefined))
      .orderBy(asc(collections.position), asc(collections.id))
      .limit(PICK_RESULTS),
  ] as const;
}

type PickerRows = BatchResponse<ReturnType<typeof pickerStatements>>;
const pickerOf = ([pc, pf, cc, cf]: PickerRows): Picker => ({ products: { chosen: pc, found: pf }, collections: { chosen: cc, found: cf } });

/** The picker as a form shows it (what she searched and chose), one round trip. */
export function pickerData(db: Db, shopId: number, view: { q: string; products: number[]; collections: number[] }): Promise<Picker> {
  return runRead(
    db,
    shopId,
    pageRead(
      (d, shop) => pickerStatements(d, shop, view.q.trim(), view.products, view.collections),
      (rows) => pickerOf(rows),
    ),
  );
}

/** The new discount's form: the picker with nothing chosen, nothing searched; read in the batch of the session check. */
export const newDiscountRead = pageRead(
  (db, shop) => pickerStatements(db, shop, "", [], []),
  (rows) => pickerOf(rows),
);

/**
 * A saved discount's form: the discount (null: not this shop's) and the picker with its targets
 * chosen (read from the discount's row in SQL, as targetsOf reads them), one round trip.
 */
export const discountEditRead = (id: number) =>
  pageRead(
    (db, shop) => {
      const targets = (scope: DiscountRow["scope"]) =>
        sql`SELECT value FROM json_each((SELECT ${discounts.targets} FROM ${discounts} WHERE ${discounts.shopId} = ${shop} AND ${discounts.id} = ${id} AND ${discounts.scope} = ${scope}))`;
      return [discountQuery(db, shop, id), ...pickerStatements(db, shop, "", targets("products"), targets("collections"))] as const;
    },
    ([d, ...picker]) => (d[0] ? { discount: d[0], picker: pickerOf(picker) } : null),
  );

/** The targets are all the shop's own products or collections (true for a whole-order discount). */
function targetsOwned(shopId: number, input: DiscountInput): SQL {
  if (input.scope === "order") return sql`1`;
  const table = input.scope === "products" ? products : collections;
  return sql`(SELECT count(*) FROM ${table} WHERE ${table.shopId} = ${shopId} AND ${table.id} IN ${jsonList(input.targets)}) = ${input.targets.length}`;
}

/**
 * Room for this discount among the shop's active automatic ones (the quote considers at most
 * AUTOMATIC_MAX of them: src/pricing/facts.ts); always room for a code or one turned off.
 */
function automaticRoom(shopId: number, d: { code: string | null; active: boolean }, id: number | null): SQL {
  if (d.code !== null || !d.active) return sql`1`;
  return sql`(SELECT count(*) FROM ${discounts} d3 WHERE d3.shop_id = ${shopId} AND d3.code IS NULL AND d3.active AND d3.id <> ${id ?? 0}) < ${AUTOMATIC_MAX}`;
}

/** The columns a save writes. */
function columns(input: DiscountInput) {
  return {
    code: input.code,
    title: input.title,
    kind: input.kind,
    value: input.value,
    scope: input.scope,
    targets: JSON.stringify(input.scope === "order" ? [] : input.targets),
    minSubtotal: input.minSubtotal,
    minQuantity: input.minQuantity,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    maxUses: input.maxUses,
    oncePerPhone: input.oncePerPhone,
    combines: input.combines,
    active: input.active,
  };
}

/** Why a save was refused: the code is another discount's, a target is not the shop's, too many automatic ones are on, or the limit is below the uses counted. */
export type Refusal = "codeTaken" | "targetGone" | "automaticFull" | "belowUses";

/** Why the guarded statement wrote nothing (read only after it did). */
async function refusal(db: Db, shopId: number, input: DiscountInput, id: number | null): Promise<Refusal | "notFound"> {
  const [taken, owned, row, room] = await db.batch([
    db
      .select({ id: discounts.id })
      .from(discounts)
      .where(and(eq(discounts.shopId, shopId), eq(discounts.code, input.code ?? ""), id ? ne(discounts.id, id) : undefined))
      .limit(1),
    db.select({ ok: sql<number>`${targetsOwned(shopId, input)}` }).from(sql`(SELECT 1)`),
    db.select({ uses: discounts.uses }).from(discounts).where(and(eq(discounts.shopId, shopId), eq(discounts.id, id ?? 0))),
    db.select({ ok: sql<number>`${automaticRoom(shopId, input, id)}` }).from(sql`(SELECT 1)`),
  ]);
  if (input.code && taken.length) return "codeTaken";
  if (!owned[0]?.ok) return "targetGone";
  if (id !== null && !row.length) return "notFound";
  if (!room[0]?.ok) return "automaticFull";
  return "belowUses";
}

/** Creates a discount; the code free in the shop and the targets its own, checked in the same statement. */
export async function createDiscount(db: Db, shopId: number, input: DiscountInput): Promise<{ id: number } | Refusal> {
  try {
    const created = await insertWhere(db, discounts, { shopId, ...columns(input) }, and(targetsOwned(shopId, input), automaticRoom(shopId, input, null))!)
      .onConflictDoNothing()
      .returning({ id: discounts.id })
      .all();
    if (created[0]) return created[0];
  } catch (err) {
    if (!isUniqueViolation(err, "discounts.code")) throw err;
  }
  return (await refusal(db, shopId, input, null)) as Refusal;
}

/**
 * Saves an edit. A total of uses below the uses already counted is refused (uses only grow, in
 * the orders' own batches: the guard is in the statement, so an order counted meanwhile counts).
 */
export async function updateDiscount(db: Db, shopId: number, id: number, input: DiscountInput): Promise<"saved" | "notFound" | Refusal> {
  const codeFree = input.code
    ? sql`NOT EXISTS (SELECT 1 FROM ${discounts} d2 WHERE d2.shop_id = ${shopId} AND d2.code = ${input.code} AND d2.id <> ${id})`
    : sql`1`;
  const usesFit = input.maxUses === null ? sql`1` : sql`${discounts.uses} <= ${input.maxUses}`;
  try {
    const saved = await db
      .update(discounts)
      .set({ ...columns(input), updatedAt: now })
      .where(and(eq(discounts.shopId, shopId), eq(discounts.id, id), codeFree, usesFit, targetsOwned(shopId, input), automaticRoom(shopId, input, id)))
      .returning({ id: discounts.id })
      .all();
    if (saved.length) return "saved";
  } catch (err) {
    if (!isUniqueViolation(err, "discounts.code")) throw err;
  }
  return refusal(db, shopId, input, id);
}

/** Turns a discount on or off: "full" when it is automatic and AUTOMATIC_MAX automatic ones are on already. */
export async function setActive(db: Db, shopId: number, id: number, active: boolean): Promise<"saved" | "notFound" | "full"> {
  const room = active ? sql`(${discounts.code} IS NOT NULL OR ${automaticRoom(shopId, { code: null, active: true }, id)})` : sql`1`;
  const [rows, exists] = await db.batch([
    db.update(discounts).set({ active, updatedAt: now }).where(and(eq(discounts.shopId, shopId), eq(discounts.id, id), room)).returning({ id: discounts.id }),
    db.select({ id: discounts.id }).from(discounts).where(and(eq(discounts.shopId, shopId), eq(discounts.id, id))),
  ]);
  return rows.length ? "saved" : exists.length ? "full" : "notFound";
}
