/**
 * A courier's settlement, in SQL: the preview (each row matched to this shop's shipment by the
 * courier and tracking number, with its order's payment state, in ONE statement over the file's
 * rows bound as one JSON), the apply (ONE batch: the settlement's record, an order event for each
 * order marked, the orders marked paid by the seller's own "Payment received" rule,
 * src/orders/payment.ts's moveMany), and what each courier still owes (the page's one round trip).
 *
 * A row's amount must equal the shipment's cash on delivery to be marked: a row that differs is
 * shown and left unpaid (the seller checks it and taps "Payment received" on the order, or asks
 * the courier): marking it paid would hide a shortfall the courier still owes her.
 * No message to the customer: she paid the rider already.
 */
import { desc, eq, sql, type Placeholder } from "drizzle-orm";
import type { Scope } from "../db/client";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { settlements } from "../db/schema";
import { isUniqueViolation } from "../db/errors";
import { ph, runTemplates, sqlTemplate, template, type Builder } from "../db/template";
import type { Actor } from "../orders/actions";
import { moveMany } from "../orders/payment";
import { mayMove, PAYMENT_MOVES, statesSql, type PaymentState } from "../payments/states";
import type { SettlementCourier } from "./formats";
import type { SettlementRow } from "./read";

/**
 * The file's rows (j: JSON [tracking, paisa]) and each row's shipment: this shop's, this courier's,
 * by the row's tracking number. CROSS JOIN keeps the rows the outer loop (SQLite never reorders
 * it): each row looks its shipment up by index, never each shipment walking the rows.
 */
const FILE_SHIPMENTS = sql`json_each(${ph("rows")}) j CROSS JOIN shipments s ON s.shop_id = ${ph("shopId")} AND s.courier = ${ph("courier")} AND s.tracking_number = json_extract(j.value, '$[0]')`;
/** The row's amount is the shipment's cash on delivery. */
const SAME_AMOUNT = sql`s.cod_paisa = json_extract(j.value, '$[1]')`;

const MATCHES = sqlTemplate<{ i: number; orderId: number; number: number; cod: number; state: PaymentState }>(
  () => sql`SELECT CAST(j.key AS INTEGER) AS i, s.order_id AS orderId, o.number AS number, s.cod_paisa AS cod, o.payment_state AS state
FROM ${FILE_SHIPMENTS} JOIN orders o ON o.shop_id = s.shop_id AND o.id = s.order_id`,
);

const IMPORTED = sqlTemplate<{ createdAt: number; marked: number }>(
  () => sql`SELECT created_at AS createdAt, marked FROM settlements WHERE shop_id = ${ph("shopId")} AND file_hash = ${ph("hash")}`,
);

/** The orders a settlement marks: its rows' shipments whose amount agrees. */
const SETTLED = sql`id IN (SELECT s.order_id FROM ${FILE_SHIPMENTS} WHERE ${SAME_AMOUNT})`;
const RECEIVED = moveMany("received", SETTLED);

const RECORD = sqlTemplate<{ id: number; marked: number; amount: number }>(
  () => sql`INSERT INTO settlements (shop_id, courier, file_hash, file_name, rows, marked, amount, actor_user_id, actor_name)
SELECT ${ph("shopId")}, ${ph("courier")}, ${ph("hash")}, ${ph("name")}, CAST(${ph("count")} AS INTEGER), count(*), coalesce(sum(s.cod_paisa), 0), ${ph("actorId")}, ${ph("actorName")}
FROM ${FILE_SHIPMENTS} WHERE ${SAME_AMOUNT} AND s.order_id IN (${RECEIVED.chosen})
RETURNING id, marked, amount`,
);
const EVENTS = sqlTemplate(() => RECEIVED.events);
const MARK = sqlTemplate(() => RECEIVED.orders);

type Outcome = "matched" | "paid" | "differs" | "unknown";

export interface PreviewRow extends SettlementRow {
  outcome: Outcome;
  orderId?: number;
  number?: number;
  /** The shipment's cash on delivery (paisa). */
  expected?: number;
}

export interface Preview {
  rows: PreviewRow[];
  counts: Record<Outcome, number>;
  /** The cash on delivery of the orders the apply would mark (paisa). */
  amount: number;
  /** When this very file was imported before, and how many orders it marked. */
  imported: { createdAt: number; marked: number } | null;
}

/** One row a tracking number (the first): a file that lists a parcel twice settles it once. */
function distinct(rows: SettlementRow[]): SettlementRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.tracking) && seen.add(r.tracking));
}

const rowsJson = (rows: SettlementRow[]) => JSON.stringify(rows.map((r) => [r.tracking, r.amount]));

/** What applying the file would do, row by row, and whether it was applied before: one round trip. */
export async function previewSettlement({ db, shopId }: Scope, courier: SettlementCourier, hash: string, all: SettlementRow[]): Promise<Preview> {
  const rows = distinct(all);
  const [matches, imported] = await runTemplates(db, [MATCHES.bind({ shopId, courier, rows: rowsJson(rows) }), IMPORTED.bind({ shopId, hash })]);
  const byRow = new Map(matches.map((m) => [m.i, m]));
  const counts: Record<Outcome, number> = { matched: 0, paid: 0, differs: 0, unknown: 0 };
  let amount = 0;
  const out = rows.map((r, i): PreviewRow => {
    const m = byRow.get(i);
    const outcome: Outcome = !m ? "unknown" : !mayMove("received", m.state) ? "paid" : r.amount !== m.cod ? "differs" : "matched";
    counts[outcome]++;
    if (outcome === "matched") amount += m!.cod;
    return m ? { ...r, outcome, orderId: m.orderId, number: m.number, expected: m.cod } : { ...r, outcome };
  });
  return { rows: out, counts, amount, imported: imported[0] ?? null };
}

export type ApplyResult = { ok: true; id: number; marked: number; amount: number } | { ok: false; reason: "imported" };

/**
 * Marks the file's orders paid, in ONE batch: the settlement's record (its count taken before the
 * orders change), each order's event, the orders. The same file again is refused whole by the
 * record's unique index: nothing is marked twice.
 */
export async function applySettlement(
  { db, shopId }: Scope,
  file: { courier: SettlementCourier; hash: string; name: string; rows: SettlementRow[] },
  actor: Actor,
  message: string,
): Promise<ApplyResult> {
  const rows = distinct(file.rows);
  const values = {
    shopId,
    courier: file.courier,
    hash: file.hash,
    name: file.name,
    count: file.rows.length,
    rows: rowsJson(rows),
    actorId: actor.userId,
    actorName: actor.name,
    message,
    now: Date.now(),
  };
  try {
    const [record] = await runTemplates(db, [RECORD.bind(values), EVENTS.bind(values), MARK.bind(values)]);
    const r = record[0]!;
    return { ok: true, id: r.id, marked: r.marked, amount: r.amount };
  } catch (err) {
    if (isUniqueViolation(err, "settlements.")) return { ok: false, reason: "imported" };
    throw err;
  }
}

/**
 * Delivered cash-on-delivery orders whose payment is not received yet, per courier: the owed
 * orders from their partial index (INDEXED BY: never every delivered order), each one's shipment
 * by its key (CROSS JOIN keeps the orders the outer loop).
 */
const owedQuery = (db: Builder, shop: ShopRef | Placeholder) =>
  db
    .select({ courier: sql<string>`s.courier`, orders: sql<number>`count(*)`.mapWith(Number), amount: sql<number>`sum(s.cod_paisa)`.mapWith(Number) })
    .from(sql`orders o INDEXED BY orders_shop_owed_idx CROSS JOIN shipments s ON s.shop_id = o.shop_id AND s.order_id = o.id AND s.state = 'delivered' AND s.cod_paisa > 0`)
    .where(sql`o.shop_id = ${shop} AND o.status = 'delivered' AND o.payment_state IN (${statesSql(PAYMENT_MOVES.received.from)})`)
    .groupBy(sql`s.courier`)
    .orderBy(sql`s.courier`);

const RECENT_SETTLEMENTS = 10;

const recentQuery = (db: Builder, shop: ShopRef | Placeholder) =>
  db
    .select({ id: settlements.id, courier: settlements.courier, fileName: settlements.fileName, rows: settlements.rows, marked: settlements.marked, amount: settlements.amount, createdAt: settlements.createdAt })
    .from(settlements)
    .where(eq(settlements.shopId, shop))
    .orderBy(desc(settlements.id))
    .limit(RECENT_SETTLEMENTS);

/** The page's numbers, as a page's read (one round trip, in the batch of the session check): what each courier owes, and the last settlements. */
export const owedAndRecentRead = pageRead(
  (db, shop) => [owedQuery(db, shop), recentQuery(db, shop)] as const,
  ([owed, recent]) => ({ owed, recent }),
);
export type Owed = ReturnType<(typeof owedAndRecentRead)["shape"]>;

/** The page's numbers read alone (a post's path: the session was read first). */
export function owedAndRecent({ db, shopId }: Scope): Promise<Owed> {
  return runRead(db, shopId, owedAndRecentRead);
}

const OWED = template((db) => owedQuery(db, ph("shopId")));
const RECENT = template((db) => recentQuery(db, ph("shopId")));

/** The statements of the page and of a settlement, bound, for the query-plan test. */
export const planned = (shopId: number) => ({
  owed: OWED.bind({ shopId }),
  recent: RECENT.bind({ shopId }),
  matches: MATCHES.bind({ shopId, courier: "postex", rows: '[["PX1",100]]' }),
  record: RECORD.bind({ shopId, courier: "postex", hash: "h", name: "n", count: 1, rows: '[["PX1",100]]', actorId: null, actorName: "", message: "", now: 0 }),
  events: EVENTS.bind({ shopId, courier: "postex", rows: '[["PX1",100]]', actorId: null, actorName: "", message: "" }),
  mark: MARK.bind({ shopId, courier: "postex", rows: '[["PX1",100]]', now: 0 }),
});
