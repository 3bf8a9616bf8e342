/**
 * The outbox: a message is a row, written in the same D1 batch as the change that causes it (an
 * order placed: src/checkout/order-writes.ts), so none is lost and none is sent for a change that
 * did not happen. The queue carries row ids; `deliver` sends one row through the transport and
 * records the Outcome on it. A row keeps what the message is about (e.g. {"orderId": 12}); the
 * template's text is made when it is sent, from that shop's own rows. A push the push service
 * answers "gone" (404/410) deletes that phone's subscription in the shop.
 */
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { liveCode } from "../auth/codes";
import type { Db } from "../db/client";
import { orders, outbox, products, pushSubscriptions, shops, variants } from "../db/schema";
import { formatMoney, language } from "../i18n";
import { originFor } from "../tenancy/host";
import type { Message, Outcome, Transport } from "./transport";

export type OutboxRow = typeof outbox.$inferSelect;

/** A pending row untouched this long lost its queue message: the cron enqueues it again. */
export const STUCK_AFTER_MS = 10 * 60_000;
/** Rows the cron re-enqueues at most per run, and the dev outbox lists. */
const OUTBOX_PAGE = 50;

/** Where links in messages lead: the platform's origin (https in production). */
export const platformOrigin = (env: { ROOT_DOMAIN: string; ENVIRONMENT: string }) =>
  `${env.ENVIRONMENT === "production" ? "https" : "http"}://${env.ROOT_DOMAIN}`;

/**
 * A template's text parameters from what its row is about, read in the row's shop; null when
 * that is gone (the order deleted with its shop). Templates without a reader carry their text
 * parameters in the row itself.
 */
type Reader = (db: Db, row: OutboxRow, origin: string) => Promise<Record<string, string> | null>;

/** The order a row is about ({"orderId": n}), in the row's shop, with its shop's name and address; null when gone. */
async function orderOf(db: Db, row: OutboxRow) {
  const { orderId } = JSON.parse(row.params) as { orderId?: number };
  if (row.shopId === null || typeof orderId !== "number") return null;
  const o = await db
    .select({
      number: orders.number,
      total: orders.total,
      currency: orders.currency,
      city: orders.city,
      token: orders.token,
      status: orders.status,
      confirmation: orders.confirmation,
      shopName: shops.name,
      slug: shops.slug,
    })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(and(eq(orders.shopId, row.shopId), eq(orders.id, orderId)))
    .get();
  return o ? { ...o, orderId } : null;
}

/** An order's number, total, city and admin link, in the row's shop. */
async function orderFacts(db: Db, row: OutboxRow, origin: string) {
  const o = await orderOf(db, row);
  if (!o) return null;
  const { orderId } = o;
  return {
    shopName: o.shopName,
    orderNumber: `#${o.number}`,
    total: formatMoney(o.total, o.currency, row.locale),
    city: o.city,
    link: `${origin}/admin/${o.slug}/orders/${orderId}`,
  };
}

const READERS: Record<string, Reader> = {
  new_order: orderFacts,
  async order_cancelled_by_customer(db, row, origin) {
    const o = await orderFacts(db, row, origin);
    return o && { shopName: o.shopName, orderNumber: o.orderNumber, link: o.link };
  },
  /**
   * The customer's "please confirm or cancel" (src/orders/confirmation.ts), with the link to her
   * order page on the shop's host; not sent once she or the seller settled the order meanwhile.
   */
  async cod_confirm_request(db, row, origin) {
    const o = await orderOf(db, row);
    // Still new and awaiting her (customerMayConfirm's rule, src/orders/confirmation.ts; messages import no feature).
    if (!o || o.status !== "new" || o.confirmation !== "awaiting") return null;
    const shopOrigin = originFor(origin, new URL(origin).host, o.slug);
    return { orderNumber: `#${o.number}`, total: formatMoney(o.total, o.currency, row.locale), shopName: o.shopName, link: `${shopOrigin}/orders/${o.token}` };
  },
  /** The variant's stock when the message is sent (a restock meanwhile shows). */
  async low_stock(db, row, origin) {
    const { variantId } = JSON.parse(row.params) as { variantId?: number };
    if (row.shopId === null || typeof variantId !== "number") return null;
    const v = await db
      .select({ stock: variants.stock, variant: variants.title, productId: products.id, product: products.title, shopName: shops.name, slug: shops.slug })
      .from(variants)
      .innerJoin(products, and(eq(products.id, variants.productId), eq(products.shopId, variants.shopId)))
      .innerJoin(shops, eq(shops.id, variants.shopId))
      .where(and(eq(variants.shopId, row.shopId), eq(variants.id, variantId)))
      .get();
    if (!v) return null;
    return {
      shopName: v.shopName,
      product: v.variant === "Default" ? v.product : `${v.product} - ${v.variant}`,
      stock: new Intl.NumberFormat(language(row.locale).intl).format(v.stock),
      link: `${origin}/admin/${v.slug}/products/${v.productId}`,
    };
  },
  /** A one-time code (src/auth/codes.ts): sent only while it can still be typed. */
  async verification_code(db, row) {
    const { codeId, code } = JSON.parse(row.params) as { codeId?: number; code?: string };
    if (typeof codeId !== "number" || typeof code !== "string") return null;
    return (await liveCode(db, codeId)) ? { code } : null;
  },
};

/** The message a row stands for, or null when what it is about is gone. */
export async function messageOf(db: Db, row: OutboxRow, origin: string): Promise<Message | null> {
  const read = READERS[row.template];
  const params = read ? await read(db, row, origin) : (JSON.parse(row.params) as Record<string, string>);
  if (!params) return null;
  const base = { template: row.template as Message["template"], params, locale: row.locale, id: String(row.id) };
  if (row.channel === "push") return { ...base, channel: "push", to: JSON.parse(row.recipient) };
  return { ...base, channel: row.channel, to: row.recipient };
}

/** What the queue does with the message after a delivery: done, or again after a delay. */
export type Next = { ack: true } | { ack: false; delaySeconds: number };

/** 30 s, 1 min, 2 min, 4 min... at most 15 min, unless the provider said when. */
export const backoff = (attempts: number, retryAfterSeconds?: number) =>
  retryAfterSeconds ?? Math.min(30 * 2 ** Math.max(0, attempts - 1), 900);

const oneLine = (o: Exclude<Outcome, { status: "sent" }>) => `${o.status} ${o.reason}: ${o.detail}`.slice(0, 500);

/**
 * Sends one row. A row that is not pending (sent, failed, dead, gone) is done. The row is claimed
 * first (its attempts counted, only if no other delivery touched it since it was read), so two
 * deliveries of one row never send it twice at once.
 */
export async function deliver(db: Db, transport: Transport, id: number, origin: string, now = Date.now()): Promise<Next> {
  const row = await db.select().from(outbox).where(eq(outbox.id, id)).get();
  if (!row || row.state !== "pending") return { ack: true };
  const claimed = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, updatedAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.state, "pending"), eq(outbox.updatedAt, row.updatedAt)))
    .returning({ attempts: outbox.attempts })
    .get();
  if (!claimed) return { ack: true };
  const message = await messageOf(db, row, origin);
  if (!message) {
    await db.update(outbox).set({ state: "failed", lastError: "permanent gone: what the message was about is gone", updatedAt: now }).where(eq(outbox.id, id));
    return { ack: true };
  }
  const outcome = await transport.send(message);
  if (outcome.status === "sent") {
    await db.update(outbox).set({ state: "sent", providerId: outcome.providerId, sentAt: now, updatedAt: now, lastError: null }).where(eq(outbox.id, id));
    return { ack: true };
  }
  if (outcome.status === "permanent") {
    const failed = db.update(outbox).set({ state: "failed", lastError: oneLine(outcome), updatedAt: now }).where(eq(outbox.id, id));
    const endpoint = outcome.reason === "gone" && message.channel === "push" && row.shopId !== null && typeof message.to?.endpoint === "string" ? message.to.endpoint : null;
    // The push service forgot this phone (404/410): so does the shop, in the same batch.
    if (endpoint !== null) {
      await db.batch([failed, db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.shopId, row.shopId!), eq(pushSubscriptions.endpoint, endpoint)))]);
    } else await failed;
    return { ack: true };
  }
  await db.update(outbox).set({ lastError: oneLine(outcome), updatedAt: now }).where(eq(outbox.id, id));
  return { ack: false, delaySeconds: backoff(claimed.attempts, outcome.retryAfterSeconds) };
}

/** Rows the dead-letter queue received: the queue gave up on them. */
export async function markDead(db: Db, ids: number[], now = Date.now()): Promise<void> {
  if (!ids.length) return;
  await db
    .update(outbox)
    .set({ state: "dead", updatedAt: now, lastError: sql`coalesce(${outbox.lastError}, 'no answer') || ' (gave up after ' || ${outbox.attempts} || ' attempts)'` })
    .where(and(inArray(outbox.id, ids), eq(outbox.state, "pending")));
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

/** Puts row ids on the queue; a failure is left to the cron (the rows stay pending). */
export async function enqueue(queue: Queue, ids: number[]): Promise<void> {
  if (!ids.length) return;
  try {
    await queue.sendBatch(ids.map((id) => ({ body: { id } })));
  } catch (err) {
    console.error("outbox: enqueue failed, the cron will retry", ids, err);
  }
}
