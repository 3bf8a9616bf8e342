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
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Scope } from "../db/client";
import { causeChainIncludes } from "../db/errors";
import { pageRead, type ShopRef } from "../db/page-read";
import { ph, runTemplates, sqlTemplate } from "../db/template";
import { orderEvents, orderItems, orders, shipments } from "../db/schema";
import { readCredentials } from "../credentials/store";
import { messages } from "../i18n";
import { changeStatus, isGuardFailure, statusChangeBounds, type Actor } from "../orders/actions";
import { orderForSeller } from "../orders/read";
import type { OrderStatus } from "../orders/status";
import { fail, ok, type Booked, type Courier, type CourierContext, type Result, type Shipment as CourierShipment, type Tracked } from "./courier";
import { courierById, courierContext, type CouriersEnv } from "./index";
import { trackingUrlOf } from "./tracking-link";

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
export async function retryBooking(scope: Scope, shipmentId: number): Promise<boolean> {
  return (await retryBookingStatement(scope, shipmentId)).length > 0;
}

export const retryBookingStatement = ({ db, shopId }: Scope, shipmentId: number) =>
  db
    .update(shipments)
    .set({ state: "booking", updatedAt: Date.now() })
    .where(and(eq(shipments.shopId, shopId), eq(shipments.id, shipmentId), eq(shipments.state, "failed")))
    .returning({ id: shipments.id });

/** The order's shipments, newest first (the order page). */
const shipmentsQuery = (db: Db, shop: ShopRef, orderId: number) => db.select().from(shipments).where(and(eq(shipments.shopId, shop), eq(shipments.orderId, orderId))).orderBy(sql`${shipments.id} DESC`);
export function shipmentsOf({ db, shopId }: Scope, orderId: number): Promise<Shipment[]> {
  return shipmentsQuery(db, shopId, orderId);
}

/** One shipment of the shop (its label page). */
export async function shipmentOf(scope: Scope, id: number): Promise<Shipment | null> {
  return (await shipmentOfStatement(scope, id).get()) ?? null;
}

const shipmentQuery = (db: Db, shop: ShopRef, id: number) => db.select().from(shipments).where(and(eq(shipments.shopId, shop), eq(shipments.id, id)));
export const shipmentOfStatement = ({ db, shopId }: Scope, id: number) => shipmentQuery(db, shopId, id);

const orderQuery = (db: Db, shop: ShopRef, id: number | SQL) => db.select().from(orders).where(and(eq(orders.shopId, shop), eq(orders.id, id)));

/** The booking page's read: the order (null: not this shop's) and its shipments, newest first; one round trip. */
export const bookPageRead = (orderId: number) =>
  pageRead(
    (db, shop) => [orderQuery(db, shop, orderId), shipmentsQuery(db, shop, orderId)] as const,
    ([found, list]) => (found[0] ? { order: found[0], shipments: list } : null),
  );

/** A shipment's page read (its label, its PDF): the shipment (null: not this shop's) and its order; one round trip. */
export const shipmentPageRead = (id: number) =>
  pageRead(
    (db, shop) => [shipmentQuery(db, shop, id), orderQuery(db, shop, sql`(SELECT ${shipments.orderId} FROM ${shipments} WHERE ${shipments.shopId} = ${shop} AND ${shipments.id} = ${id})`)] as const,
    ([s, o]) => (s[0] ? { shipment: s[0], order: o[0] ?? null } : null),
  );

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
 * The customer's "on its way" message, on the shop's channel (none when the shop turned messages
 * off), in the order's language, written only when the order did move to shipped in the same
 * batch: with the courier's tracking number and its public tracking page (order_shipped_tracking),
 * or, when there is no page to send her to (her own rider), the plain order_shipped. The text
 * parameters are all in the row.
 */
const SHIPPED_MESSAGE = sqlTemplate<{ id: number }>(
  () => sql`INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT o.shop_id, s.alert_channel, o.customer_phone,
  CASE WHEN ${ph("url")} <> '' THEN 'order_shipped_tracking' ELSE 'order_shipped' END,
  CASE WHEN ${ph("url")} <> ''
    THEN json_object('shopName', s.name, 'orderNumber', '#' || o.number, 'courier', ${ph("courier")}, 'trackingNumber', ${ph("tracking")}, 'trackingUrl', ${ph("url")})
    ELSE json_object('shopName', s.name, 'orderNumber', '#' || o.number) END,
  o.locale
FROM orders o JOIN shops s ON s.id = o.shop_id
WHERE o.shop_id = ${ph("shopId")} AND o.id = CAST(${ph("orderId")} AS INTEGER) AND o.status = 'shipped' AND s.alert_channel <> 'off'
RETURNING id`,
);

function failureText(r: Exclude<Result<unknown>, { status: "ok" }>): string {
  return `${r.reason}: ${r.detail}`.slice(0, 300);
}

/**
 * One booking with the courier under our order reference (the idempotency key), never a second
 * parcel: a retry (an earlier try may have booked and lost its answer: the Worker died, the call
 * timed out) first asks the courier for a booking by that reference, and so does a "duplicate
 * reference" answer; a courier with no look-up, or a look-up that cannot find what it says was
 * booked, leaves the shipment to the seller (needs_attention).
 */
async function bookOnce(courier: Courier, ctx: CourierContext, shipment: CourierShipment, retrying: boolean, since: number): Promise<Result<Booked>> {
  if (retrying && courier.lookup) {
    const found = await courier.lookup(ctx, shipment.ref, since);
    if (found.status !== "ok") return found;
    if (found.value) return ok(found.value);
  }
  const booked = await courier.book(ctx, shipment);
  if (booked.status !== "permanent" || booked.reason !== "duplicate_reference") return booked;
  const found = courier.lookup ? await courier.lookup(ctx, shipment.ref, since) : null;
  if (found && found.status === "ok" && found.value) return ok(found.value);
  if (found && found.status === "retryable") return found;
  const why = courier.lookup ? "its look-up by this reference finds no booking" : "it has no look-up by reference";
  return fail("needs_attention", `the courier says order reference ${shipment.ref} was booked before, but ${why}: check the courier's portal for it before booking this order again`, ctx);
}

/**
 * The queue's "courier.book" job: books the shipment with its courier. Returns what the queue
 * does next, and the outbox rows written (for the caller to enqueue).
 *
 * Once the courier answers, ONE batch (atomic) writes the shipment's booked state and tracking
 * number, the order's move to shipped through the orders' own rule (by way of packed when it was
 * confirmed; each step its guarded event) and the customer's outbox row: a crash can leave the
 * booking unrecorded (the retry looks it up by reference) but never a booked shipment on an
 * unshipped order, nor a shipped order whose customer is never told. The courier's label PDF is
 * fetched after that batch (an R2 put cannot join a D1 batch): when the courier does not answer
 * in time the same job is retried with backoff and then fetches only the label; meanwhile (or if
 * it never comes) the printable label page works, and the PDF stays re-fetchable (label()).
 */
export async function bookShipment(rt: CourierRuntime, shipmentId: number, delivery = 1): Promise<{ next: JobNext; messages: number[] }> {
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
  if (!row) {
    // Booked already: this is the job again for a label that could not be fetched in time.
    const done = await db.select().from(shipments).where(eq(shipments.id, shipmentId)).get();
    const labelDue = done && (done.state === "booked" || done.state === "in_transit") && !done.labelKey && done.trackingNumber;
    return { next: labelDue ? await storeLabel(rt, done, delivery) : { ack: true }, messages: [] };
  }
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
    const shipment: CourierShipment = {
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
    };
    result = await bookOnce(courier, courierContext(courier, rt.env, credentials), shipment, row.attempts > 1, row.createdAt);
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
  const booked = { ...row, state: "booked" as const, trackingNumber, labelUrl: labelUrl ?? "" };
  const messageIds = await recordBooking(db, booked);
  return { next: await storeLabel(rt, booked, delivery), messages: messageIds };
}

/**
 * The booking recorded in ONE batch: the shipment booked with its tracking number, the order
 * moved to shipped by the orders' rule (confirmed -> packed -> shipped, each step its guarded
 * event), the customer's outbox row. An order that moved on meanwhile (the seller cancelled it,
 * or shipped it by hand) fails the rule's guard and nothing of that batch is written; then the
 * shipment alone is recorded as booked with a private event saying the order was left as it is.
 */
async function recordBooking(db: Db, s: Shipment): Promise<number[]> {
  const actor = courierActor(s.courier);
  const bookedRow = db
    .update(shipments)
    .set({ state: "booked", trackingNumber: s.trackingNumber, labelUrl: s.labelUrl, lastError: "", updatedAt: Date.now() })
    .where(and(eq(shipments.id, s.id), eq(shipments.state, "booking")))
    .toSQL();
  const detail = await orderForSeller(db, s.shopId, s.orderId);
  const from = detail?.order.status;
  const steps: OrderStatus[] = from === "confirmed" ? ["packed", "shipped"] : from === "packed" ? ["shipped"] : [];
  const moves = detail
    ? steps.map((to, i) => statusChangeBounds({ db, shopId: s.shopId }, detail, { from: i === 0 ? from! : steps[i - 1]!, to, ...(to === "shipped" ? { courier: actor.name, tracking: s.trackingNumber } : {}) }, actor))
    : [];
  if (moves.length > 0 && moves.every((m) => m !== null)) {
    const message = SHIPPED_MESSAGE.bind({ shopId: s.shopId, orderId: s.orderId, courier: actor.name, tracking: s.trackingNumber, url: trackingUrlOf(s.courier, s.trackingNumber) });
    try {
      const results = await runTemplates(db, [{ ...bookedRow, map: () => null }, ...moves.flatMap((m) => m!), message]);
      return (results.at(-1) as { id: number }[]).map((r) => r.id);
    } catch (err) {
      if (!isGuardFailure(err)) throw err;
    }
  }
  const left = `${actor.name}: booked ${s.trackingNumber}; the order was ${(await orderForSeller(db, s.shopId, s.orderId))?.order.status ?? "gone"}, so it was left as it is`.slice(0, 300);
  await db.batch([
    db.update(shipments).set({ state: "booked", trackingNumber: s.trackingNumber, labelUrl: s.labelUrl, lastError: "", updatedAt: Date.now() }).where(eq(shipments.id, s.id)),
    db.insert(orderEvents).values({ shopId: s.shopId, orderId: s.orderId, kind: "shipping", message: left, private: true }),
  ]);
  return [];
}

/** The R2 key of a shipment's label: under the shop's prefix. */
export const labelKey = (shopId: number, shipmentId: number) => `shops/${shopId}/labels/${shipmentId}.pdf`;

/** The courier's own label PDF, kept in R2 when it gives one (a failure here leaves the printable page). */
async function storeLabel(rt: CourierRuntime, row: Shipment, attempts: number): Promise<JobNext> {
  const courier = courierById(row.courier);
  const credentials = await credentialsFor(rt, row.shopId, row.courier);
  if (!courier || !credentials || !row.trackingNumber) return { ack: true };
  const pdf = await courier.label(courierContext(courier, rt.env, credentials), { trackingNumber: row.trackingNumber, ...(row.labelUrl ? { labelUrl: row.labelUrl } : {}) });
  // No answer in time, or the courier busy: the same job again later (it fetches only the label then).
  if (pdf.status === "retryable") return { ack: false, delaySeconds: backoff(attempts, pdf.retryAfterSeconds) };
  if (pdf.status !== "ok" || !pdf.value) return { ack: true };
  const key = labelKey(row.shopId, row.id);
  await rt.media.put(key, pdf.value, { httpMetadata: { contentType: "application/pdf" } });
  await rt.db.update(shipments).set({ labelKey: key }).where(eq(shipments.id, row.id));
  return { ack: true };
}

/** Shipments the tracking sync asks about at most per run (each courier's batches within it). */
const SYNC_CAP = 200;
/** A shipment is asked again no sooner than this. */
const SYNC_EVERY_MS = 60 * 60_000;

/** The order status a courier's state moves the order to, if any. */
const ORDER_STATUS_OF: Partial<Record<Tracked["state"], OrderStatus>> = { delivered: "delivered", returned: "returned" };

/** The open shipments due to be asked, across shops (the cron's sweep), least recently asked first, by shipments_sync_idx. */
export const dueForTracking = (db: Db, now: number) =>
  db
    .select()
    .from(shipments)
    // The states as literals: shipments_sync_idx's WHERE is proven by them, not by bound values.
    .where(and(sql`${shipments.state} IN ('booked', 'in_transit')`, sql`${shipments.checkedAt} <= ${now - SYNC_EVERY_MS}`))
    .orderBy(shipments.checkedAt, shipments.id)
    .limit(SYNC_CAP);

/**
 * The cron's tracking sync: the open shipments least recently asked (at most SYNC_CAP a run), each
 * courier asked in batches of its trackBatch, grouped by shop (each shop's own credentials).
 * Returns the shipments whose state changed.
 */
export async function syncTracking(rt: CourierRuntime, now = Date.now()): Promise<number> {
  const { db } = rt;
  const open = await dueForTracking(db, now);
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

