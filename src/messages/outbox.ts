/**
 * The outbox: a message is a row, written in the same D1 batch as the change that causes it (an
 * order placed: src/checkout/order-writes.ts), so none is lost and none is sent for a change that
 * did not happen. The queue carries row ids; `deliverAll` sends a queue batch's rows through the
 * transport and records each Outcome on its row, in two D1 round trips a batch. A row keeps what
 * the message is about (e.g. {"orderId": 12}); the template's text is made when it is sent, from
 * that shop's own rows. A push the push service
 * answers "gone" (404/410) deletes that phone's subscription in the shop.
 */
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { isLive } from "../auth/codes";
import { inList } from "../db/batch";
import type { Db } from "../db/client";
import { orders, outbox, products, pushSubscriptions, shops, variants, verificationCodes } from "../db/schema";
import { formatMoney, language } from "../i18n";
import { originFor } from "../tenancy/host";
import type { Message, Outcome, Transport } from "./transport";
import { notMoving } from "../shards/frozen";

export type OutboxRow = typeof outbox.$inferSelect;

/** A pending row untouched this long lost its queue message: the cron enqueues it again. */
export const STUCK_AFTER_MS = 10 * 60_000;
/** Rows the cron re-enqueues at most per run, and the dev outbox lists. */
export const OUTBOX_PAGE = 50;

/** Where links in messages lead: the platform's origin (https in production). */
export const platformOrigin = (env: { ROOT_DOMAIN: string; ENVIRONMENT: string }) =>
  `${env.ENVIRONMENT === "production" ? "https" : "http"}://${env.ROOT_DOMAIN}`;

/**
 * What the messages of a batch are about, read for all its rows at once (in the claim's own D1
 * batch: one round trip for the batch, not three a message), keyed by outbox row id. A row whose
 * order, variant or code is gone has no entry.
 */
interface Facts {
  orders: Map<number, OrderFact>;
  variants: Map<number, VariantFact>;
  liveCodes: Set<number>;
}
type Queries = ReturnType<typeof factQueries>;
type OrderFact = Awaited<Queries["orders"]>[number];
type VariantFact = Awaited<Queries["variants"]>[number];

/** The value under `key` of a row's params, only when it is an integer (as the row was written). */
const about = (key: string) => sql`(CASE json_type(${outbox.params}, ${`$.${key}`}) WHEN 'integer' THEN json_extract(${outbox.params}, ${`$.${key}`}) END)`;

/** A column under its own name: a batch's rows are objects, where two columns named alike (id, title) would be one. */
const as = <T>(column: SQLiteColumn, name: string) => sql<T>`${column}`.as(name);

/** The three reads behind every template, for the rows `ids`, each in the row's own shop. */
function factQueries(db: Db, ids: number[], now: number) {
  return {
    orders: db
      .select({
        rowId: as<number>(outbox.id, "row_id"),
        orderId: orders.id,
        number: orders.number,
        total: orders.total,
        currency: orders.currency,
        city: orders.city,
        token: orders.token,
        status: orders.status,
        confirmation: orders.confirmation,
        paymentState: orders.paymentState,
        shopName: shops.name,
        slug: shops.slug,
      })
      .from(outbox)
      .innerJoin(orders, and(eq(orders.shopId, outbox.shopId), eq(orders.id, about("orderId"))))
      .innerJoin(shops, eq(shops.id, orders.shopId))
      .where(inList(outbox.id, ids)),
    variants: db
      .select({
        rowId: as<number>(outbox.id, "row_id"),
        stock: variants.stock,
        variant: as<string>(variants.title, "variant"),
        productId: as<number>(products.id, "product_id"),
        product: as<string>(products.title, "product"),
        shopName: shops.name,
        slug: shops.slug,
      })
      .from(outbox)
      .innerJoin(variants, and(eq(variants.shopId, outbox.shopId), eq(variants.id, about("variantId"))))
      .innerJoin(products, and(eq(products.id, variants.productId), eq(products.shopId, variants.shopId)))
      .innerJoin(shops, eq(shops.id, variants.shopId))
      .where(inList(outbox.id, ids)),
    liveCodes: db
      .select({ rowId: outbox.id })
      .from(outbox)
      .innerJoin(verificationCodes, and(eq(verificationCodes.id, about("codeId")), isLive(now)))
      .where(inList(outbox.id, ids)),
  };
}

const factsFrom = (o: OrderFact[], v: VariantFact[], c: { rowId: number }[]): Facts => ({
  orders: new Map(o.map((r) => [r.rowId, r])),
  variants: new Map(v.map((r) => [r.rowId, r])),
  liveCodes: new Set(c.map((r) => r.rowId)),
});

/**
 * A template's text parameters from what its row is about; null when that is gone (the order
 * deleted with its shop). Templates without a reader carry their text parameters in the row.
 */
type Reader = (facts: Facts, row: OutboxRow, origin: string) => Record<string, string> | null;

/** An order's number, total, city and admin link, in the row's shop. */
function orderFacts({ orders }: Facts, row: OutboxRow, origin: string) {
  const o = orders.get(row.id);
  if (!o) return null;
  return {
    shopName: o.shopName,
    orderNumber: `#${o.number}`,
    total: formatMoney(o.total, o.currency, row.locale),
    city: o.city,
    link: `${origin}/admin/${o.slug}/orders/${o.orderId}`,
  };
}

const READERS: Record<string, Reader> = {
  new_order: orderFacts,
  order_cancelled_by_customer(facts, row, origin) {
    const o = orderFacts(facts, row, origin);
    return o && { shopName: o.shopName, orderNumber: o.orderNumber, link: o.link };
  },
  /**
   * The customer's "please confirm or cancel" (src/orders/confirmation.ts), with the link to her
   * order page on the shop's host; not sent once she or the seller settled the order meanwhile.
   */
  cod_confirm_request({ orders }, row, origin) {
    const o = orders.get(row.id);
    // Still new and awaiting her (customerMayConfirm's rule, src/orders/confirmation.ts; messages import no feature).
    if (!o || o.status !== "new" || o.confirmation !== "awaiting") return null;
    const shopOrigin = originFor(origin, new URL(origin).host, o.slug);
    return { orderNumber: `#${o.number}`, total: formatMoney(o.total, o.currency, row.locale), shopName: o.shopName, link: `${shopOrigin}/orders/${o.token}` };
  },
  /** A gateway's payment of the order (src/gateways): the amount is the order's total, which the gateway's return had to match. */
  payment_received(facts, row, origin) {
    const o = orderFacts(facts, row, origin);
    return o && { shopName: o.shopName, orderNumber: o.orderNumber, amount: o.total, link: o.link };
  },
  /** The seller's "proof sent" (src/orders/payment.ts): the order's number, total and admin link. */
  payment_proof_sent(facts, row, origin) {
    const o = orderFacts(facts, row, origin);
    return o && { shopName: o.shopName, orderNumber: o.orderNumber, total: o.total, link: o.link };
  },
  /** The customer's "not received", with the link to her order page; not sent once the seller marked it paid meanwhile. */
  payment_not_received({ orders }, row, origin) {
    const o = orders.get(row.id);
    if (!o || o.paymentState !== "awaiting_proof") return null;
    const shopOrigin = originFor(origin, new URL(origin).host, o.slug);
    return { orderNumber: `#${o.number}`, total: formatMoney(o.total, o.currency, row.locale), shopName: o.shopName, link: `${shopOrigin}/orders/${o.token}` };
  },
  /** The variant's stock when the message is sent (a restock meanwhile shows). */
  low_stock({ variants }, row, origin) {
    const v = variants.get(row.id);
    if (!v) return null;
    return {
      shopName: v.shopName,
      product: v.variant === "Default" ? v.product : `${v.product} - ${v.variant}`,
      stock: new Intl.NumberFormat(language(row.locale).intl).format(v.stock),
      link: `${origin}/admin/${v.slug}/products/${v.productId}`,
    };
  },
  /** A one-time code (src/auth/codes.ts): sent only while it can still be typed. */
  verification_code({ liveCodes }, row) {
    const { code } = JSON.parse(row.params) as { code?: string };
    return liveCodes.has(row.id) && typeof code === "string" ? { code } : null;
  },
};

function messageFrom(facts: Facts, row: OutboxRow, origin: string): Message | null {
  const read = READERS[row.template];
  const params = read ? read(facts, row, origin) : (JSON.parse(row.params) as Record<string, string>);
  if (!params) return null;
  const base = { template: row.template as Message["template"], params, locale: row.locale, id: String(row.id) };
  if (row.channel === "push") return { ...base, channel: "push", to: JSON.parse(row.recipient) };
  return { ...base, channel: row.channel, to: row.recipient };
}

/** The message a row stands for, or null when what it is about is gone. */
export async function messageOf(db: Db, row: OutboxRow, origin: string, now = Date.now()): Promise<Message | null> {
  const q = factQueries(db, [row.id], now);
  const [o, v, c] = await db.batch([q.orders, q.variants, q.liveCodes]);
  return messageFrom(factsFrom(o, v, c), row, origin);
}

/** What the queue does with the message after a delivery: done, or again after a delay. */
export type Next = { ack: true } | { ack: false; delaySeconds: number };

/** 30 s, 1 min, 2 min, 4 min... at most 15 min, unless the provider said when. */
export const backoff = (attempts: number, retryAfterSeconds?: number) =>
  retryAfterSeconds ?? Math.min(30 * 2 ** Math.max(0, attempts - 1), 900);

/** A JSON list as rows `j` (one bound parameter), and the i-th value of a row. */
const each = (list: unknown[]) => sql`json_each(${JSON.stringify(list)}) j`;
const at = (i: number) => sql.raw(`j.value ->> '$[${i}]'`);

const oneLine = (o: Exclude<Outcome, { status: "sent" }>) => `${o.status} ${o.reason}: ${o.detail}`.slice(0, 500);
const DONE: Next = { ack: true };

/**
 * Sends the rows `ids` (a queue batch's), each once, in two D1 round trips whatever their number:
 * one claims the pending rows (their attempts counted, atomically, so two deliveries of one row
 * never both send it) and reads what they are about; the sends run side by side; one statement
 * records every Outcome. A row that is not pending (sent, failed, dead, gone) is done.
 */
export async function deliverAll(db: Db, transport: Transport, ids: number[], origin: string, now = Date.now()): Promise<Map<number, Next>> {
  const next = new Map<number, Next>(ids.map((id) => [id, DONE]));
  if (!ids.length) return next;
  const unique = [...new Set(ids)];
  const q = factQueries(db, unique, now);
  const [claimed, o, v, c] = await db.batch([
    db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, updatedAt: now })
      .where(and(inList(outbox.id, unique), eq(outbox.state, "pending"), notMoving(outbox.shopId)))
      .returning(),
    q.orders,
    q.variants,
    q.liveCodes,
  ]);
  const facts = factsFrom(o, v, c);
  // Each claimed row's outcome, [id, state, providerId, lastError, sentAt] (null keeps the column), and the push
  // subscriptions the push service forgot (404/410: so does the shop), [shopId, endpoint].
  const outcomes: [number, OutboxRow["state"], string | null, string | null, number | null][] = [];
  const forgotten: [number, string][] = [];
  await Promise.all(
    claimed.map(async (row) => {
      const message = messageFrom(facts, row, origin);
      if (!message) return void outcomes.push([row.id, "failed", null, "permanent gone: what the message was about is gone", null]);
      const outcome = await transport.send(message);
      if (outcome.status === "sent") return void outcomes.push([row.id, "sent", outcome.providerId, null, now]);
      if (outcome.status === "permanent") {
        outcomes.push([row.id, "failed", null, oneLine(outcome), null]);
        if (outcome.reason === "gone" && message.channel === "push" && row.shopId !== null && typeof message.to?.endpoint === "string") forgotten.push([row.shopId, message.to.endpoint]);
        return;
      }
      outcomes.push([row.id, "pending", null, oneLine(outcome), null]);
      next.set(row.id, { ack: false, delaySeconds: backoff(row.attempts, outcome.retryAfterSeconds) });
    }),
  );
  if (!outcomes.length) return next;
  const recorded = db
    .update(outbox)
    .set({
      state: sql`${at(1)}`,
      providerId: sql`coalesce(${at(2)}, ${outbox.providerId})`,
      lastError: sql`${at(3)}`,
      sentAt: sql`coalesce(${at(4)}, ${outbox.sentAt})`,
      updatedAt: now,
    })
    .from(each(outcomes))
    .where(and(sql`${outbox.id} = ${at(0)}`, notMoving(outbox.shopId)));
  const unsubscribed = db.delete(pushSubscriptions).where(sql`(${pushSubscriptions.shopId}, ${pushSubscriptions.endpoint}) IN (SELECT ${at(0)}, ${at(1)} FROM ${each(forgotten)})`);
  await (forgotten.length ? db.batch([recorded, unsubscribed]) : recorded);
  return next;
}

/** Sends one row: deliverAll of one. */
export async function deliver(db: Db, transport: Transport, id: number, origin: string, now = Date.now()): Promise<Next> {
  return (await deliverAll(db, transport, [id], origin, now)).get(id)!;
}

/** Rows the dead-letter queue received: the queue gave up on them. */
export async function markDead(db: Db, ids: number[], now = Date.now()): Promise<void> {
  if (!ids.length) return;
  await db
    .update(outbox)
    .set({ state: "dead", updatedAt: now, lastError: sql`coalesce(${outbox.lastError}, 'no answer') || ' (gave up after ' || ${outbox.attempts} || ' attempts)'` })
    .where(and(inList(outbox.id, ids), eq(outbox.state, "pending")));
}

/** Pending rows nobody touched for STUCK_AFTER_MS (their queue message was lost), oldest first. */
export async function stuckRows(db: Db, now = Date.now()): Promise<number[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.state, "pending"), lt(outbox.updatedAt, now - STUCK_AFTER_MS)))
    .orderBy(outbox.updatedAt)
    .limit(OUTBOX_PAGE)
    .all();
  return rows.map((r) => r.id);
}

/** The newest rows, for the dev outbox. */
export async function recentRows(db: Db): Promise<OutboxRow[]> {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(OUTBOX_PAGE).all();
}

/** Row ids one queue message carries at most (a consumer batch of 10 messages delivers at most 100 rows). */
export const IDS_A_MESSAGE = 10;
/** Messages one sendBatch() takes at most (the Queues API's limit). */
const MESSAGES_A_SEND = 100;
/** How long ids wait in an isolate for others to share their queue message. */
const GATHER_MS = 20;

/**
 * Puts row ids on the queue, IDS_A_MESSAGE to a message. A failure is left to the cron (the rows
 * stay pending).
 */
export async function enqueue(queue: Queue, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const bodies = [];
  for (let i = 0; i < ids.length; i += IDS_A_MESSAGE) bodies.push({ body: { ids: ids.slice(i, i + IDS_A_MESSAGE) } });
  try {
    for (let i = 0; i < bodies.length; i += MESSAGES_A_SEND) await queue.sendBatch(bodies.slice(i, i + MESSAGES_A_SEND));
  } catch (err) {
    console.error("outbox: enqueue failed, the cron will retry", ids, err);
  }
}

/** Ids gathered in this isolate for each queue, not yet sent. */
const gathering = new Map<Queue, number[]>();

/**
 * enqueue(), sharing queue messages with the changes of the next GATHER_MS in this isolate: a
 * busy shop's orders (or many shops') travel ten rows to a message rather than two. The queue's
 * work (and its price) is per message, and so is the consumer's. The first change to gather
 * sends for all: its request waits for the send (`waitUntil` this), the others return at once.
 * If that send never happens (the isolate evicted meanwhile), the rows stay pending and the cron
 * puts them back on the queue, as for any failed enqueue.
 */
export function enqueueGathered(queue: Queue, ids: number[]): Promise<void> {
  if (!ids.length) return Promise.resolve();
  const waiting = gathering.get(queue);
  if (waiting) {
    waiting.push(...ids);
    return Promise.resolve();
  }
  gathering.set(queue, [...ids]);
  return new Promise<void>((resolve) => setTimeout(resolve, GATHER_MS)).then(() => {
    const all = gathering.get(queue) ?? [];
    gathering.delete(queue);
    return enqueue(queue, all);
  });
}
