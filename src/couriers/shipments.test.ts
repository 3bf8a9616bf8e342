// Booking end to end through the Worker's own queue handler, against the PostEx sandbox: the
// seller's request only writes the shipment (state booking); the consumer books it, keeps the
// tracking number and the courier's label (R2, under the shop's prefix), moves the order to shipped
// through the orders' status path and tells the customer through the outbox; a bad city fails the
// shipment (a Retry on the order), a 5xx retries the job with backoff. Then the cron's tracking
// sync moves one order to delivered and another to returned (restocked), each change an event.
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { placeOrderAt, shopWithCatalogue, stockOf } from "../../test/checkout-fixtures";
import { ROOT, shopD1 } from "../../test/helpers";
import { createDb } from "../db/client";
import { envOfShard } from "../db/shards";
import { credentialsKey, type CredentialsEnv } from "../credentials/seal";
import { saveCredentials } from "../credentials/store";
import type { Bindings } from "../env";
import worker from "../index";
import { courierById } from "./index";
import { bookShipment, requestBooking, retryBooking } from "./shipments";
import { courierRequests, couriersSandboxEnv, failCourierNext, loseCourierNext, ownAccount, sandboxContext, setTrackingStatus, type SandboxCourier } from "./test-helpers";

const bindings = () => ({ ...(env as unknown as Bindings), ...couriersSandboxEnv() }) as Bindings;
// A shop's rows live in its shard (src/db/shards.ts), and ids are per database: each read names the shop.
const onShop = async (shopId: number, query: string, ...binds: unknown[]) => (await shopD1(shopId)).prepare(query).bind(shopId, ...binds);
const shipment = async (shopId: number, id: number) => (await onShop(shopId, "SELECT * FROM shipments WHERE shop_id = ? AND id = ?", id)).first<Record<string, any>>();
const order = async (shopId: number, id: number) =>
  (await onShop(shopId, "SELECT status, courier, tracking_number FROM orders WHERE shop_id = ? AND id = ?", id)).first<Record<string, any>>();
const events = async (shopId: number, id: number) =>
  (await (await onShop(shopId, "SELECT kind, from_status, to_status, message, actor_name FROM order_events WHERE shop_id = ? AND order_id = ? ORDER BY id", id)).all<Record<string, any>>()).results;
const shardOf = async (shopId: number) => (await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(shopId).first<{ shard: number }>())!.shard;

/** The consumer given the job's body by hand, stamped with the shop's shard as shardQueue stamps it. */
async function runJob(shopId: number, shipmentId: number, extra: Partial<Bindings> = {}) {
  const body = { job: "courier.book", shipmentId, shard: await shardOf(shopId) };
  const batch = createMessageBatch("hatti-messages", [{ id: `j${shipmentId}`, timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...bindings(), ...extra } as Bindings, ctx);
  return getQueueResult(batch, ctx);
}

/** A shop with the courier's credentials saved, and a confirmed cash-on-delivery order of two kurtas. */
async function confirmedOrder(courier: SandboxCourier = "postex") {
  const shop = await shopWithCatalogue();
  const key = (await credentialsKey(env as unknown as CredentialsEnv))!;
  const account = ownAccount(courier);
  const scope = { db: createDb(await shopD1(shop.seller.shopId)), shopId: shop.seller.shopId };
  await saveCredentials(scope, key, courier, account);
  let placed = await placeOrderAt(shop.origin, shop.zone.id, [[shop.kurta[0]!.id, 2]]);
  // An order number no parallel test file has (the sandboxes are shared; a reference is `<number>-<shipment id>`).
  const number = 100_000 + crypto.getRandomValues(new Uint32Array(1))[0]! % 900_000;
  await (await shopD1(scope.shopId)).prepare("UPDATE orders SET status = 'confirmed', number = ? WHERE shop_id = ? AND id = ?").bind(number, scope.shopId, placed.id).run();
  placed = { ...placed, number };
  const seller = { userId: null, name: "Ayesha" };
  return { ...shop, owner: shop.seller, placed, account, scope, seller };
}

describe("booking a courier", () => {
  it("the request writes the shipment only; the queue books it, keeps its label, ships the order and tells the customer", async () => {
    const { placed, scope, seller } = await confirmedOrder();
    const req = await requestBooking(scope, placed.id, { courier: "postex", weightGrams: 750, codPaisa: 520_000, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booking", tracking_number: "", attempts: 0, cod_paisa: 520_000 });
    // A second tap (or another member) while it is open writes nothing.
    expect(await requestBooking(scope, placed.id, { courier: "postex", weightGrams: 750, codPaisa: 520_000, trackingNumber: "" }, seller)).toEqual({ ok: false, reason: "open" });
    expect((await order(scope.shopId, placed.id))!.status).toBe("confirmed");

    const result = await runJob(scope.shopId, req.id);
    expect(result.explicitAcks).toEqual([`j${req.id}`]);
    const booked = (await shipment(scope.shopId, req.id))!;
    expect(booked).toMatchObject({ state: "booked", attempts: 1, last_error: "" });
    expect(booked.tracking_number).toMatch(/^2410\d+$/);
    expect(booked.label_key).toBe(`shops/${scope.shopId}/labels/${req.id}.pdf`);
    const pdf = await env.MEDIA.get(booked.label_key);
    expect(new TextDecoder().decode((await pdf!.arrayBuffer()).slice(0, 5))).toBe("%PDF-");

    expect(await order(scope.shopId, placed.id)).toMatchObject({ status: "shipped", courier: "PostEx", tracking_number: booked.tracking_number });
    const history = await events(scope.shopId, placed.id);
    expect(history.filter((e) => e.kind === "status").map((e) => [e.from_status, e.to_status])).toEqual([
      ["confirmed", "packed"],
      ["packed", "shipped"],
    ]);
    const told = await (await shopD1(scope.shopId)).prepare("SELECT template, recipient, params FROM outbox WHERE shop_id = ? AND template = 'order_shipped_tracking'").bind(scope.shopId).all<Record<string, string>>();
    expect(told.results).toHaveLength(1);
    expect(JSON.parse(told.results[0]!.params!)).toMatchObject({ orderNumber: `#${placed.number}`, courier: "PostEx", trackingNumber: booked.tracking_number });

    // The same job delivered again (at least once) books nothing twice.
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    expect((await shipment(scope.shopId, req.id))!.attempts).toBe(1);
  });

  it("a city the courier does not deliver to fails the shipment for good (a Retry on the order); a 5xx retries the job with backoff", async () => {
    const { placed, scope, seller, account } = await confirmedOrder();
    await (await shopD1(scope.shopId)).prepare("UPDATE orders SET city = 'Atlantis' WHERE shop_id = ? AND id = ?").bind(scope.shopId, placed.id).run();
    const req = await requestBooking(scope, placed.id, { courier: "postex", weightGrams: 500, codPaisa: 0, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "failed", attempts: 1 });
    expect((await shipment(scope.shopId, req.id))!.last_error).toMatch(/^bad_city: /);
    expect((await order(scope.shopId, placed.id))!.status).toBe("confirmed");
    for (const secret of [account.token!]) expect(JSON.stringify([await events(scope.shopId, placed.id), await shipment(scope.shopId, req.id)])).not.toContain(secret);

    // Retry after the seller fixed the city: the courier is down, so the job is retried later.
    await (await shopD1(scope.shopId)).prepare("UPDATE orders SET city = 'Karachi' WHERE shop_id = ? AND id = ?").bind(scope.shopId, placed.id).run();
    expect(await retryBooking(scope, req.id)).toBe(true);
    await failCourierNext("postex", `${placed.number}-${req.id}`, { status: 503 });
    const again = await runJob(scope.shopId, req.id);
    expect(again.retryMessages.map((r) => r.msgId)).toEqual([`j${req.id}`]);
    expect(again.explicitAcks).toEqual([]);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booking", attempts: 2 });
    expect((await shipment(scope.shopId, req.id))!.last_error).toMatch(/^provider_unavailable: /);
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booked", attempts: 3 });
  });
});

describe("the tracking sync (cron)", () => {
  it("moves one order to delivered and another to returned (restocked), each change an event", async () => {
    const a = await confirmedOrder();
    const stockBefore = await stockOf(a.kurta[0]!);
    const b = await placeOrderAt(a.origin, a.zone.id, [[a.kurta[0]!.id, 1]]);
    await (await shopD1(a.scope.shopId)).prepare("UPDATE orders SET status = 'packed' WHERE shop_id = ? AND id = ?").bind(a.scope.shopId, b.id).run();
    const ids = [];
    for (const id of [a.placed.id, b.id]) {
      const req = await requestBooking(a.scope, id, { courier: "postex", weightGrams: 750, codPaisa: 0, trackingNumber: "" }, a.seller);
      if (!req.ok) throw new Error(req.reason);
      await runJob(a.scope.shopId, req.id);
      ids.push(req.id);
    }
    const [sa, sb] = await Promise.all(ids.map(async (id) => (await shipment(a.scope.shopId, id))!));
    await setTrackingStatus("postex", sa!.tracking_number, "Delivered");
    await setTrackingStatus("postex", sb!.tracking_number, "Returned");
    const stockShipped = await stockOf(a.kurta[0]!);
    expect(stockShipped).toBe(stockBefore - 1);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), bindings(), ctx);
    await waitOnExecutionContext(ctx);

    expect((await order(a.scope.shopId, a.placed.id))!.status).toBe("delivered");
    expect((await order(a.scope.shopId, b.id))!.status).toBe("returned");
    expect(await shipment(a.scope.shopId, sa!.id)).toMatchObject({ state: "delivered", provider_status: "Delivered" });
    expect(await shipment(a.scope.shopId, sb!.id)).toMatchObject({ state: "returned", provider_status: "Returned" });
    expect(await stockOf(a.kurta[0]!)).toBe(stockShipped + 1);
    expect((await events(a.scope.shopId, b.id)).slice(-2)).toEqual([
      expect.objectContaining({ kind: "shipping", message: "PostEx: Returned" }),
      expect.objectContaining({ kind: "status", from_status: "shipped", to_status: "returned", actor_name: "PostEx" }),
    ]);
    // Asked again within the hour: nothing new is asked or changed.
    const before = await events(a.scope.shopId, a.placed.id);
    const ctx2 = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), bindings(), ctx2);
    expect(await events(a.scope.shopId, a.placed.id)).toEqual(before);
  });
});


/** The bookings the courier's sandbox received for a reference (not its look-ups or tracking). */
const bookingsAt = async (id: SandboxCourier, ref: string) => (await courierRequests(id, ref)).filter((r) => r.method === "POST" && /create-order|bookPacket|shipment\/book$/.test(r.path));
const shippedMessages = async (shopId: number) =>
  (await (await shopD1(shopId)).prepare("SELECT template, params FROM outbox WHERE shop_id = ? AND template LIKE 'order_shipped%'").bind(shopId).all<{ template: string; params: string }>()).results;
const statusEvents = async (shopId: number, orderId: number) => (await events(shopId, orderId)).filter((e) => e.kind === "status").map((e) => [e.from_status, e.to_status]);

describe.each(["postex", "leopards", "trax"] as const)("%s: a booking whose answer was lost", (id) => {
  it("the retry looks our reference up: ONE booking at the courier, the order shipped with its number, the customer told with the tracking link", async () => {
    const { placed, scope, seller, owner, origin } = await confirmedOrder(id);
    const req = await requestBooking(scope, placed.id, { courier: id, weightGrams: 750, codPaisa: 520_000, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    const ref = `${placed.number}-${req.id}`;
    // The courier books it, then its answer never comes (the Worker would have died here).
    await loseCourierNext(id, ref);
    const lost = await runJob(scope.shopId, req.id, { COURIERS_TIMEOUT_MS: "400" } as Partial<Bindings>);
    expect(lost.retryMessages.map((r) => r.msgId)).toEqual([`j${req.id}`]);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booking", attempts: 1, tracking_number: "" });
    expect((await shipment(scope.shopId, req.id))!.last_error).toMatch(/^timeout: /);
    expect((await order(scope.shopId, placed.id))!.status).toBe("confirmed");

    const again = await runJob(scope.shopId, req.id);
    expect(again.explicitAcks).toEqual([`j${req.id}`]);
    const booked = (await shipment(scope.shopId, req.id))!;
    expect(booked).toMatchObject({ state: "booked", attempts: 2, last_error: "" });
    expect(await bookingsAt(id, ref)).toHaveLength(1);
    expect(await order(scope.shopId, placed.id)).toMatchObject({ status: "shipped", tracking_number: booked.tracking_number });
    expect(await statusEvents(scope.shopId, placed.id)).toEqual([
      ["confirmed", "packed"],
      ["packed", "shipped"],
    ]);
    const told = await shippedMessages(scope.shopId);
    expect(told.map((m) => m.template)).toEqual(["order_shipped_tracking"]);
    const link = courierById(id)!.trackingUrl!(booked.tracking_number);
    expect(JSON.parse(told[0]!.params)).toMatchObject({ trackingNumber: booked.tracking_number, trackingUrl: link });

    // "Track your parcel" on the order's page, the seller's and the customer's.
    const href = `href="${link.replaceAll("&", "&amp;")}"`;
    const sellerPage = await owner.client.get(`${ROOT}/admin/${owner.slug}/orders/${placed.id}`);
    expect(sellerPage.text).toContain(href);
    expect(sellerPage.text).toContain("Track your parcel");
    const customerPage = await placed.client.get(`${origin}${placed.path}`);
    expect(customerPage.text).toContain(href);
    expect(customerPage.text).toContain("Track your parcel");
  });
});

describe("the booking is recorded in one batch", () => {
  it("a failure while recording it writes nothing (no booked shipment on an unshipped order, no customer never told); the retry finds the booking and records it all", async () => {
    const { placed, scope, seller } = await confirmedOrder();
    const req = await requestBooking(scope, placed.id, { courier: "postex", weightGrams: 750, codPaisa: 0, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    const rt = { db: scope.db, env: envOfShard(bindings(), await shardOf(scope.shopId)), key: await credentialsKey(env as unknown as CredentialsEnv), media: env.MEDIA };
    // The customer's message cannot be written: the write after the courier answered fails part way.
    const shard = await shopD1(scope.shopId);
    await shard.exec("CREATE TRIGGER test_crash_outbox BEFORE INSERT ON outbox WHEN NEW.template LIKE 'order_shipped%' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
    try {
      await expect(bookShipment(rt, req.id)).rejects.toThrow();
    } finally {
      await shard.exec("DROP TRIGGER test_crash_outbox");
    }
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booking", tracking_number: "", attempts: 1 });
    expect(await order(scope.shopId, placed.id)).toMatchObject({ status: "confirmed", tracking_number: "" });
    expect(await statusEvents(scope.shopId, placed.id)).toEqual([]);
    expect(await shippedMessages(scope.shopId)).toEqual([]);

    const { next, messages } = await bookShipment(rt, req.id);
    expect(next).toEqual({ ack: true });
    const booked = (await shipment(scope.shopId, req.id))!;
    expect(booked).toMatchObject({ state: "booked", attempts: 2 });
    expect(await bookingsAt("postex", `${placed.number}-${req.id}`)).toHaveLength(1);
    expect(await order(scope.shopId, placed.id)).toMatchObject({ status: "shipped", tracking_number: booked.tracking_number });
    expect(await statusEvents(scope.shopId, placed.id)).toEqual([
      ["confirmed", "packed"],
      ["packed", "shipped"],
    ]);
    expect(messages).toHaveLength(1);
    expect((await shippedMessages(scope.shopId)).map((m) => m.template)).toEqual(["order_shipped_tracking"]);
  });

  it("an order cancelled while the courier booked is left as it is: the shipment is booked, a private event says so, the customer is not told", async () => {
    const { placed, scope, seller } = await confirmedOrder();
    const req = await requestBooking(scope, placed.id, { courier: "postex", weightGrams: 750, codPaisa: 0, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    await (await shopD1(scope.shopId)).prepare("UPDATE orders SET status = 'cancelled' WHERE shop_id = ? AND id = ?").bind(scope.shopId, placed.id).run();
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    const booked = (await shipment(scope.shopId, req.id))!;
    expect(booked.state).toBe("booked");
    expect((await order(scope.shopId, placed.id))!.status).toBe("cancelled");
    expect(await statusEvents(scope.shopId, placed.id)).toEqual([]);
    expect((await events(scope.shopId, placed.id)).at(-1)!.message).toBe(`PostEx: booked ${booked.tracking_number}; the order was cancelled, so it was left as it is`);
    expect(await shippedMessages(scope.shopId)).toEqual([]);
  });

  it("her own rider: no tracking page, so the customer gets the plain 'on its way' message", async () => {
    const { placed, scope, seller } = await confirmedOrder();
    const req = await requestBooking(scope, placed.id, { courier: "own", weightGrams: 750, codPaisa: 0, trackingNumber: "RIDER-7781" }, seller);
    if (!req.ok) throw new Error(req.reason);
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    expect((await order(scope.shopId, placed.id))!.status).toBe("shipped");
    const told = await shippedMessages(scope.shopId);
    expect(told.map((m) => m.template)).toEqual(["order_shipped"]);
    expect(JSON.parse(told[0]!.params)).toEqual({ shopName: expect.any(String), orderNumber: `#${placed.number}` });
  });
});

describe("every call has a timeout and is retried with backoff by the queue", () => {
  it("a look-up and a label that time out: the job is retried each time, and ends with one booking, the order shipped and the label kept", async () => {
    const { placed, scope, seller, account } = await confirmedOrder("trax");
    const req = await requestBooking(scope, placed.id, { courier: "trax", weightGrams: 750, codPaisa: 0, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    const ref = `${placed.number}-${req.id}`;
    const fast = { COURIERS_TIMEOUT_MS: "400" } as Partial<Bindings>;
    await loseCourierNext("trax", ref);
    expect((await runJob(scope.shopId, req.id, fast)).retryMessages).toHaveLength(1);
    // The retry's look-up gets no answer in time either: retried again, nothing booked twice.
    await failCourierNext("trax", ref, { mode: "hang" });
    expect((await runJob(scope.shopId, req.id, fast)).retryMessages).toHaveLength(1);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booking", attempts: 2 });
    expect((await shipment(scope.shopId, req.id))!.last_error).toMatch(/^timeout: /);
    // The courier holds the booking; its label will not come in time on the next try.
    const held = await courierById("trax")!.lookup!(sandboxContext("trax", account), ref, Date.now());
    if (held.status !== "ok" || !held.value) throw new Error(JSON.stringify(held));
    await failCourierNext("trax", held.value.trackingNumber, { mode: "hang" });
    const recorded = await runJob(scope.shopId, req.id, fast);
    expect(recorded.retryMessages).toHaveLength(1);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booked", attempts: 3, tracking_number: held.value.trackingNumber, label_key: "" });
    expect((await order(scope.shopId, placed.id))!.status).toBe("shipped");
    // The job again: only the label is fetched, and kept.
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booked", attempts: 3, label_key: `shops/${scope.shopId}/labels/${req.id}.pdf` });
    expect(await bookingsAt("trax", ref)).toHaveLength(1);
    expect(await shippedMessages(scope.shopId)).toHaveLength(1);
  });
});

describe("a duplicate reference", () => {
  it("is recovered by the look-up: the courier's booking of our reference is used, not a second parcel", async () => {
    const { placed, scope, seller, account } = await confirmedOrder("leopards");
    const req = await requestBooking(scope, placed.id, { courier: "leopards", weightGrams: 750, codPaisa: 0, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    const ref = `${placed.number}-${req.id}`;
    // Booked under our reference before this job's first try recorded anything (another delivery of the job, say).
    const earlier = await courierById("leopards")!.book(sandboxContext("leopards", account), { ...shipmentOf(placed.number), ref });
    if (earlier.status !== "ok") throw new Error(JSON.stringify(earlier));
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    expect(await shipment(scope.shopId, req.id)).toMatchObject({ state: "booked", attempts: 1, tracking_number: earlier.value.trackingNumber });
    expect(await order(scope.shopId, placed.id)).toMatchObject({ status: "shipped", tracking_number: earlier.value.trackingNumber });
    expect(await bookingsAt("leopards", ref)).toHaveLength(2); // ours, then the job's refused one
  });

  it("that the look-up cannot find leaves the shipment to the seller (needs_attention), never a second parcel", async () => {
    const { placed, scope, seller, account } = await confirmedOrder("postex");
    const req = await requestBooking(scope, placed.id, { courier: "postex", weightGrams: 750, codPaisa: 0, trackingNumber: "" }, seller);
    if (!req.ok) throw new Error(req.reason);
    const ref = `${placed.number}-${req.id}`;
    const earlier = await courierById("postex")!.book(sandboxContext("postex", account), { ...shipmentOf(placed.number), ref });
    if (earlier.status !== "ok") throw new Error(JSON.stringify(earlier));
    // PostEx's look-up is its list of orders from the shipment's day: a shipment written days
    // after the courier's booking is not in it.
    await (await shopD1(scope.shopId)).prepare("UPDATE shipments SET created_at = ? WHERE shop_id = ? AND id = ?").bind(Date.now() + 5 * 86_400_000, scope.shopId, req.id).run();
    expect((await runJob(scope.shopId, req.id)).explicitAcks).toEqual([`j${req.id}`]);
    const failed = (await shipment(scope.shopId, req.id))!;
    expect(failed).toMatchObject({ state: "failed", tracking_number: "" });
    expect(failed.last_error).toMatch(new RegExp(`^needs_attention: the courier says order reference ${ref} was booked before, but its look-up by this reference finds no booking: check the courier's portal`));
    expect((await order(scope.shopId, placed.id))!.status).toBe("confirmed");
    expect((await events(scope.shopId, placed.id)).at(-1)).toMatchObject({ kind: "shipping", message: expect.stringContaining("needs_attention") });
    // The seller's Retry asks again; still one parcel at the courier.
    expect(await retryBooking(scope, req.id)).toBe(true);
    await runJob(scope.shopId, req.id);
    expect((await shipment(scope.shopId, req.id))!.state).toBe("failed");
    const parcels = await courierById("postex")!.lookup!(sandboxContext("postex", account), ref, Date.now());
    expect(parcels).toEqual({ status: "ok", value: { trackingNumber: earlier.value.trackingNumber } });
  });
});

/** A courier shipment for a test's own booking at the sandbox. */
const shipmentOf = (n: number) => ({
  ref: `${n}`,
  customerName: "Sana Khan",
  phone: "03215551234",
  address: "House 12, Street 4, Model Town",
  city: "Lahore",
  weightGrams: 750,
  codPaisa: 0,
  pieces: 2,
  description: "2 x Handmade embroidered chiffon kurta with dupatta for weddings",
});
