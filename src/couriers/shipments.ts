/**
 * Shipments: the seller books, the queue books, the cron tracks.
 *
 * - `requestBooking` (the seller's request): ONE batch writes the shipment (state `booking`) and
 *   its order event, guarded in SQL: the order is this shop's, confirmed or packed, and has no open
 *   shipment (a unique partial index: a double tap writes one row). No courier is called here.
 * - `bookShipment` (the queue consumer, job "courier.book"): reads the shipment, its order and the
 *   shop's credentials, calls the courier, and records the tracking number and label, or the
 *   failure (a Retry on the order); once booked the order moves to shipped through the orders'
 *   own status path (src/orders/actions.ts: its events, its guard) and the customer is told
 *   through the outbox.
 * - `syncTracking` (the cron): the open shipments least recently asked, per courier in batches
 *   within its API's limit, capped per run; delivered and returned move the order through the same
 *   status path (a return restocks by that path's rule), and each change is an order event.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Scope } from "../db/client";
import { causeChainIncludes } from "../db/errors";
import { ph, runTemplates, sqlTemplate } from "../db/template";
import { orderEvents, orderItems, orders, shipments } from "../db/schema";
import { readCredentials } from "../credentials/store";
import { messages } from "../i18n";
import { changeStatus, type Actor } from "../orders/actions";
import { orderForSeller } from "../orders/read";
import type { OrderStatus } from "../orders/status";
import type { Booked, Result, Tracked } from "./courier";
import { courierById, courierContext, type CouriersEnv } from "./index";

export type Shipment = typeof shipments.$inferSelect;

/** Orders a seller may book: confirmed (packed on the way) or packed. */
const BOOKABLE: readonly OrderStatus[] = ["confirmed", "packed"];

export interface BookingInput {
  courier: string;
  weightGrams: number;
  codPaisa: number;
  /** Own rider / other: the number she typed, if any. */
  trackingNumber: string;
}

const INSERT_SHIPMENT = sqlTemplate<{ id: number }>(
  () => sql`INSERT INTO shipments (shop_id, order_id, courier, tracking_number, weight_grams, cod_paisa)
SELECT shop_id, id, ${ph("courier")}, ${ph("tracking")}, CAST(${ph("weight")} AS INTEGER), CAST(${ph("cod")} AS INTEGER) FROM orders
WHERE shop_id = ${ph("shopId")} AND id = CAST(${ph("orderId")} AS INTEGER) AND status IN ('confirmed', 'packed')
RETURNING id`,
);

const BOOKING_EVENT = sqlTemplate(
  () => sql`INSERT INTO order_events (shop_id, order_id, kind, message, actor_user_id, actor_name)
SELECT shop_id, order_id, 'shipping', ${ph("message")}, ${ph("userId")}, ${ph("actor")} FROM shipments
WHERE shop_id = ${ph("shopId")} AND order_id = CAST(${ph("orderId")} AS INTEGER) AND state = 'booking'`,
);

export type BookingRequest = { ok: true; id: number } | { ok: false; reason: "notAllowed" | "open" };

/** Writes the shipment to book (one batch, no courier call); the caller enqueues `{ job: "courier.book", shipmentId }`. */
export async function requestBooking({ db, shopId }: Scope, orderId: number, input: BookingInput, actor: Actor): Promise<BookingRequest> {
  const values = {
    shopId,
    orderId,
    courier: input.courier,
    tracking: input.trackingNumber,
    weight: input.weightGrams,
    cod: input.codPaisa,
    message: `${input.courier}: booking`,
    userId: actor.userId,
    actor: actor.name,
  };
  try {
    const [inserted] = await runTemplates(db, [INSERT_SHIPMENT.bind(values), BOOKING_EVENT.bind(values)]);
    return inserted[0] ? { ok: true, id: inserted[0].id } : { ok: false, reason: "notAllowed" };
  } catch (err) {
    if (causeChainIncludes(err, "UNIQUE constraint failed: shipments")) return { ok: false, reason: "open" };
    throw err;
  }
}

/** A failed shipment goes back to booking (the order's Retry); the caller enqueues it again. */
export async function retryBooking({ db, shopId }: Scope, shipmentId: number): Promise<boolean> {
  const rows = await db
    .update(shipments)
    .set({ state: "booking", updatedAt: Date.now() })
    .where(and(eq(shipments.shopId, shopId), eq(shipments.id, shipmentId), eq(shipments.state, "failed")))
    .returning({ id: shipments.id });
  return rows.length > 0;
}

/** The order's shipments, newest first (the order page). */
export function shipmentsOf({ db, shopId }: Scope, orderId: number): Promise<Shipment[]> {
  return db.select().from(shipments).where(and(eq(shipments.shopId, shopId), eq(shipments.orderId, orderId))).orderBy(sql`${shipments.id} DESC`);
}

/** One shipment of the shop (its label page). */
export async function shipmentOf({ db, shopId }: Scope, id: number): Promise<Shipment | null> {
  return (await db.select().from(shipments).where(and(eq(shipments.shopId, shopId), eq(shipments.id, id))).get()) ?? null;
}

/** What the queue consumer needs besides the bindings. */
export interface CourierRuntime {
  db: Db;
  env: CouriersEnv;
  /** The sealing key (credentialsKey(env)); null: no courier with credentials can be called. */
  key: CryptoKey | null;
  /** Where the courier's label PDF is kept (R2). */
  media: R2Bucket;
}

/** What the queue does with a job after a try: done, or again after a delay (retryable). */
export type JobNext = { ack: true } | { ack: false; delaySeconds: number };

/** Backoff for a retryable courier failure: 30 s doubling, at most an hour, or what the courier asked. */
const backoff = (attempts: number, after?: number) => after ?? Math.min(30 * 2 ** Math.max(attempts - 1, 0), 3600);

/** The courier on behalf of the shop, as order events show it. */
const courierActor = (courier: string): Actor => ({ userId: null, name: messages("en").t(`couriers.name.${courier}` as "couriers.name.postex") });

async function credentialsFor(rt: CourierRuntime, shopId: number, courier: string): Promise<Record<string, string> | null> {
  const c = courierById(courier);
  if (!c) return null;
  if (c.credentialFields.length === 0) return {};
  return rt.key ? readCredentials({ db: rt.db, shopId }, rt.key, courier) : null;
}

/** Moves the order to `to` through the orders' status path, by way of packed when it is still confirmed. */
async function moveOrder(db: Db, shopId: number, orderId: number, to: OrderStatus, actor: Actor, shipping?: { courier: string; tracking: string }): Promise<boolean> {
  for (let step = 0; step < 2; step++) {
    const detail = await orderForSeller(db, shopId, orderId);
    if (!detail) return false;
    const from = detail.order.status;
    if (from === to) return true;
    const next = from === "confirmed" && to === "shipped" ? "packed" : to;
    const r = await changeStatus({ db, shopId }, detail, { from, to: next, ...(next === "shipped" ? shipping : {}) }, actor);
    if (!r.ok) return false;
    if (next === to) return true;
  }
  return false;
}

/**
 * The customer's "on its way" message with its tracking number, on the shop's channel (none when
 * the shop turned messages off), in the order's language; the text parameters are in the row.
 */
const SHIPPED_MESSAGE = sqlTemplate<{ id: number }>(
  () => sql`INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT o.shop_id, s.alert_channel, o.customer_phone, 'order_shipped_tracking',
  json_object('shopName', s.name, 'orderNumber', '#' || o.number, 'courier', ${ph("courier")}, 'trackingNumber', ${ph("tracking")}), o.locale
FROM orders o JOIN shops s ON s.id = o.shop_id
WHERE o.shop_id = ${ph("shopId")} AND o.id = CAST(${ph("orderId")} AS INTEGER) AND s.alert_channel <> 'off' AND ${ph("tracking")} <> ''
RETURNING id`,
);

function failureText(r: Exclude<Result<unknown>, { status: "ok" }>): string {
  return `${r.reason}: ${r.detail}`.slice(0, 300);
}

/**
 * The queue's "courier.book" job: books the shipment with its courier. Returns what the queue
 * does next, and the outbox rows written (for the caller to enqueue).
 */
export async function bookShipment(rt: CourierRuntime, shipmentId: number): Promise<{ next: JobNext; messages: number[] }> {
  const { db } = rt;
  // An environment without the courier's base URL (a test run's background consumer, a
  // misconfigured preview) leaves the shipment as it is and tries later: not the shop's failure.
  const pending = await db.select({ courier: shipments.courier }).from(shipments).where(eq(shipments.id, shipmentId)).get();
  const api = pending && courierById(pending.courier);
  if (api && api.credentialFields.length > 0 && !courierContext(api, rt.env, {}).base) return { next: { ack: false, delaySeconds: 300 }, messages: [] };
  // Claimed: booking -> booking with one more attempt (a concurrent delivery of the same job finds attempts moved on).
  const [row] = await db
    .update(shipments)
    .set({ attempts: sql`${shipments.attempts} + 1`, updatedAt: Date.now() })
    .where(and(eq(shipments.id, shipmentId), eq(shipments.state, "booking")))
    .returning();
  if (!row) return { next: { ack: true }, messages: [] };
  const courier = courierById(row.courier);
  const [order] = await db.select().from(orders).where(and(eq(orders.shopId, row.shopId), eq(orders.id, row.orderId)));
  const items = await db
    .select({ quantity: orderItems.quantity, title: orderItems.title })
    .from(orderItems)
    .where(and(eq(orderItems.shopId, row.shopId), eq(orderItems.orderId, row.orderId)));
  const credentials = await credentialsFor(rt, row.shopId, row.courier);
  let result: Result<Booked>;
  if (!courier || !order) result = { status: "permanent", reason: "invalid_request", detail: "no such courier or order" };
  else if (!credentials) result = { status: "permanent", reason: "not_configured", detail: "no credentials saved for this courier" };
  else {
    result = await courier.book(courierContext(courier, rt.env, credentials), {
      ref: `${order.number}-${row.id}`,
      customerName: order.customerName,
      phone: order.customerPhone,
      address: order.address,
      city: order.city,
      weightGrams: row.weightGrams,
      codPaisa: row.codPaisa,
      pieces: Math.max(1, items.reduce((n, i) => n + i.quantity, 0)),
      description: items.map((i) => `${i.quantity} x ${i.title}`).join(", ").slice(0, 250),
      trackingNumber: row.trackingNumber,
    });
  }
  if (result.status !== "ok") {
    const retryable = result.status === "retryable";
    await db.batch([
      db
        .update(shipments)
        .set({ state: retryable ? "booking" : "failed", lastError: failureText(result), updatedAt: Date.now() })
        .where(eq(shipments.id, row.id)),
      ...(retryable
        ? []
        : [db.insert(orderEvents).values({ shopId: row.shopId, orderId: row.orderId, kind: "shipping", message: `${row.courier}: ${failureText(result)}`, private: true })]),
    ]);
    return { next: result.status === "retryable" ? { ack: false, delaySeconds: backoff(row.attempts, result.retryAfterSeconds) } : { ack: true }, messages: [] };
  }
  const { trackingNumber, labelUrl } = result.value;
  await db
    .update(shipments)
    .set({ state: "booked", trackingNumber, labelUrl: labelUrl ?? "", lastError: "", updatedAt: Date.now() })
    .where(eq(shipments.id, row.id));
  await storeLabel(rt, { ...row, trackingNumber, labelUrl: labelUrl ?? "" });
  const name = courierActor(row.courier).name;
  await moveOrder(db, row.shopId, row.orderId, "shipped", courierActor(row.courier), { courier: name, tracking: trackingNumber });
  const [rows] = await runTemplates(db, [SHIPPED_MESSAGE.bind({ shopId: row.shopId, orderId: row.orderId, courier: name, tracking: trackingNumber })]);
  return { next: { ack: true }, messages: rows.map((r) => r.id) };
}

/** The R2 key of a shipment's label: under the shop's prefix. */
export const labelKey = (shopId: number, shipmentId: number) => `shops/${shopId}/labels/${shipmentId}.pdf`;

/** The courier's own label PDF, kept in R2 when it gives one (a failure here leaves the printable page). */
async function storeLabel(rt: CourierRuntime, row: Shipment): Promise<void> {
  const courier = courierById(row.courier);
  const credentials = await credentialsFor(rt, row.shopId, row.courier);
  if (!courier || !credentials || !row.trackingNumber) return;
  const pdf = await courier.label(courierContext(courier, rt.env, credentials), { trackingNumber: row.trackingNumber, ...(row.labelUrl ? { labelUrl: row.labelUrl } : {}) });
  if (pdf.status !== "ok" || !pdf.value) return;
  const key = labelKey(row.shopId, row.id);
  await rt.media.put(key, pdf.value, { httpMetadata: { contentType: "application/pdf" } });
  await rt.db.update(shipments).set({ labelKey: key }).where(eq(shipments.id, row.id));
}

/** Shipments the tracking sync asks about at most per run (each courier's batches within it). */
const SYNC_CAP = 200;
/** A shipment is asked again no sooner than this. */
const SYNC_EVERY_MS = 60 * 60_000;

/** The order status a courier's state moves the order to, if any. */
const ORDER_STATUS_OF: Partial<Record<Tracked["state"], OrderStatus>> = { delivered: "delivered", returned: "returned" };

/**
 * The cron's tracking sync: the open shipments least recently asked (at most SYNC_CAP a run), each
 * courier asked in batches of its trackBatch, grouped by shop (each shop's own credentials).
 * Returns the shipments whose state changed.
 */
export async function syncTracking(rt: CourierRuntime, now = Date.now()): Promise<number> {
  const { db } = rt;
  const open = await db
    .select()
    .from(shipments)
    // The states as literals: shipments_sync_idx's WHERE is proven by them, not by bound values.
    .where(and(sql`${shipments.state} IN ('booked', 'in_transit')`, sql`${shipments.checkedAt} <= ${now - SYNC_EVERY_MS}`))
    .orderBy(shipments.checkedAt, shipments.id)
    .limit(SYNC_CAP);
  const groups = new Map<string, Shipment[]>();
  for (const s of open) {
    if (!s.trackingNumber || (courierById(s.courier)?.trackBatch ?? 0) === 0) continue;
    const k = `${s.shopId}:${s.courier}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  let changed = 0;
  for (const group of groups.values()) {
    const { shopId, courier: id } = group[0]!;
    const courier = courierById(id)!;
    const credentials = await credentialsFor(rt, shopId, id);
    if (!credentials) continue;
    const ctx = courierContext(courier, rt.env, credentials);
    for (let i = 0; i < group.length; i += courier.trackBatch) {
      const part = group.slice(i, i + courier.trackBatch);
      const r = await courier.track(ctx, part.map((s) => s.trackingNumber));
      await db.update(shipments).set({ checkedAt: now }).where(inArray(shipments.id, part.map((s) => s.id)));
      if (r.status !== "ok") continue;
      for (const t of r.value) {
        const s = part.find((p) => p.trackingNumber === t.trackingNumber);
        if (!s || (t.state === s.state && t.providerStatus === s.providerStatus) || t.state === "booked") continue;
        await db.batch([
          db.update(shipments).set({ state: t.state, providerStatus: t.providerStatus, updatedAt: now }).where(eq(shipments.id, s.id)),
          db.insert(orderEvents).values({ shopId, orderId: s.orderId, kind: "shipping", message: `${courierActor(id).name}: ${t.providerStatus}`.slice(0, 300) }),
        ]);
        const to = ORDER_STATUS_OF[t.state];
        if (to) await moveOrder(db, shopId, s.orderId, to, courierActor(id));
        changed++;
      }
    }
  }
  return changed;
}

