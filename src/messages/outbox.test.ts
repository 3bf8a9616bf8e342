/**
 * The outbox end to end in workerd: an order writes its seller's message in its own batch, the
 * real queue delivers it through the dev transport, /dev/outbox shows it; a retry of the order
 * writes nothing again; a refused order writes nothing. Delivery through the WhatsApp sandbox:
 * two failures then a success is one message with three attempts; the dead-letter queue marks
 * a row dead; the cron puts a lost row back on the queue.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq, inArray, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, shops, variants } from "../db/schema";
import { formatMoney } from "../i18n";
import worker from "../index";
import type { Bindings } from "../env";

/** The test run's bindings as the Worker types them (vitest.config.ts sets ENVIRONMENT "test"). */
const bindings = env as unknown as Bindings;
import { Client, ROOT, shardOfShop, shopD1, shopDb } from "../../test/helpers";
import { customerAtCheckout, customerForm, placeOrderAt, setPayments, shopWithCatalogue, shopWithCatalogueBeside } from "../../test/checkout-fixtures";
import { createTransport } from "./index";
import { meteredDb } from "../lib/meter";
import { backoff, deliver, deliverAll, STUCK_AFTER_MS } from "./outbox";
import { failNext, received, sandboxConfig, sandboxEnv, uniquePhone } from "./test-helpers";

type Entry = { id: number; shopId: number; template: string; state: string; attempts: number; to: string; body: string | null; providerId: string | null; lastError: string | null };

/** Not the seller's: the customer's request to confirm a COD order (src/orders/confirmation.test.ts tests it). */
const CUSTOMERS = "cod_confirm_request";

async function outboxOf(shopId: number): Promise<Entry[]> {
  const res = await new Client().get(`${ROOT}/dev/outbox.json`);
  expect(res.status).toBe(200);
  return (JSON.parse(res.text) as { messages: Entry[] }).messages.filter((m) => m.shopId === shopId && m.template !== CUSTOMERS);
}

/** Waits for the queue to have delivered every row of the shop (the consumer runs beside the test). */
async function delivered(shopId: number, n: number): Promise<Entry[]> {
  for (let i = 0; i < 100; i++) {
    const rows = await outboxOf(shopId);
    if (rows.length >= n && rows.every((r) => r.state !== "pending")) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  return outboxOf(shopId);
}

/** The seller's messages of a shop. */
async function rowsOf(shopId: number) {
  return (await shopDb(shopId)).select().from(outbox).where(and(eq(outbox.shopId, shopId), ne(outbox.template, CUSTOMERS))).all();
}

describe("a new order tells the seller", () => {
  it("in the order's own batch: one WhatsApp message to the shop's number, delivered by the queue, shown in /dev/outbox", async () => {
    const s = await shopWithCatalogue();
    await setPayments(s.seller.shopId, { cod: { enabled: true } }, "+923001112233");
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 2]], { city: "Lahore" });
    const [m, ...more] = await delivered(s.seller.shopId, 1);
    expect(more).toEqual([]);
    expect(m).toMatchObject({ template: "new_order", state: "sent", attempts: 1, to: "+923001112233" });
    expect(m!.providerId).toMatch(/^dev-/);
    expect(m!.body).toContain(`#${order.number}`);
    expect(m!.body).toContain("Lahore");
    expect(m!.body).toContain(`/admin/${s.seller.slug}/orders/${order.id}`);
    const { total } = (await (await shopD1(s.seller.shopId)).prepare("SELECT total FROM orders WHERE id = ?").bind(order.id).first<{ total: number }>())!;
    expect(m!.body).toContain(formatMoney(total, "PKR", "en").replace(/\s/g, " "));
    expect(m!.body).not.toMatch(/[<>]/);

    const page = await new Client().get(`${ROOT}/dev/outbox`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`#${order.number}`);
  });

  it("never twice: a retry of the same checkout (same key) writes no second message", async () => {
    const s = await shopWithCatalogue();
    const { client, headers, key } = await customerAtCheckout(s.origin, [[s.dupatta.id, 1]]);
    const form = { ...customerForm(), key, zone: String(s.zone.id) };
    const first = await client.post(`${s.origin}/checkout`, form, { csrf: false, headers });
    const again = await client.post(`${s.origin}/checkout`, form, { csrf: false, headers });
    expect(first.status).toBe(303);
    expect(again.location).toBe(first.location);
    await delivered(s.seller.shopId, 1);
    expect(await rowsOf(s.seller.shopId)).toHaveLength(1);
  });

  it("never for an order that was not placed (sold out), nor to a shop without a WhatsApp number", async () => {
    const s = await shopWithCatalogue();
    const { client, headers, key } = await customerAtCheckout(s.origin, [[s.kurta[0]!.id, 5]]);
    await (await shopDb(s.seller.shopId)).update(variants).set({ stock: 0 }).where(eq(variants.id, s.kurta[0]!.id));
    const refused = await client.post(`${s.origin}/checkout`, { ...customerForm(), key, zone: String(s.zone.id) }, { csrf: false, headers });
    expect(refused.status).not.toBe(303);
    expect(await (await shopD1(s.seller.shopId)).prepare("SELECT count(*) AS n FROM orders WHERE shop_id = ?").bind(s.seller.shopId).first("n")).toBe(0);
    expect(await rowsOf(s.seller.shopId)).toEqual([]);

    const quiet = await shopWithCatalogue();
    await setPayments(quiet.seller.shopId, { cod: { enabled: true } }, "");
    await placeOrderAt(quiet.origin, quiet.zone.id, [[quiet.dupatta.id, 1]]);
    expect(await rowsOf(quiet.seller.shopId)).toEqual([]);
  });
});

describe("her choice of alert (settings)", () => {
  it("an SMS when she chose SMS, nothing when she turned alerts off; WhatsApp by default", async () => {
    const s = await shopWithCatalogue();
    expect((await (await shopDb(s.seller.shopId)).select({ a: shops.alertChannel }).from(shops).where(eq(shops.id, s.seller.shopId)).get())!.a).toBe("whatsapp");
    const url = `${ROOT}/admin/${s.seller.slug}/settings`;
    const page = await s.seller.client.get(url);
    expect(page.text).toContain('name="alertChannel"');
    const form = { name: "Ayesha's Kitchen", description: "", whatsapp: "0300 1112233", phone: "", email: "", city: "Lahore", currency: "PKR", locale: "en" };
    expect((await s.seller.client.post(url, { ...form, alertChannel: "sms" })).status).toBe(303);
    await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const [sms] = await rowsOf(s.seller.shopId);
    expect(sms).toMatchObject({ channel: "sms", recipient: "+923001112233", template: "new_order" });

    expect((await s.seller.client.post(url, { ...form, alertChannel: "off" })).status).toBe(303);
    await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    expect(await rowsOf(s.seller.shopId)).toHaveLength(1);

    const bad = await s.seller.client.post(url, { ...form, alertChannel: "pigeon" });
    expect(bad.status).toBe(400);
  });
});

/** An outbox row for an order of a fresh shop, to a number the WhatsApp sandbox knows. */
async function pendingRow(to: string, beside?: number) {
  // `beside`: a shop in that shop's shard (one queue message carries one shard's rows).
  const s = beside ? await shopWithCatalogueBeside(beside) : await shopWithCatalogue();
  await setPayments(s.seller.shopId, { cod: { enabled: true } }, "");
  const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
  const row = await (await shopDb(s.seller.shopId))
    .insert(outbox)
    .values({ shopId: s.seller.shopId, channel: "whatsapp", recipient: to, template: "new_order", params: JSON.stringify({ orderId: order.id }), locale: "ur" })
    .returning()
    .get();
  return { s, order, row, shard: await shardOfShop(s.seller.shopId) };
}

describe("delivery through the WhatsApp sandbox", () => {
  it("fails twice (503), then succeeds: one message sent, three attempts recorded, the retries backing off", async () => {
    const to = uniquePhone();
    const { row } = await pendingRow(to);
    const transport = createTransport(await sandboxConfig({ MESSAGES_TRANSPORT: "live" }));
    await failNext("whatsapp", { count: 2, status: 503, to });
    const t0 = Date.now();
    const first = await deliver(await shopDb(row.shopId!), transport, row.id, ROOT, t0);
    const second = await deliver(await shopDb(row.shopId!), transport, row.id, ROOT, t0 + 1);
    const third = await deliver(await shopDb(row.shopId!), transport, row.id, ROOT, t0 + 2);
    expect(first).toEqual({ ack: false, delaySeconds: backoff(1) });
    expect(second).toEqual({ ack: false, delaySeconds: backoff(2) });
    expect(backoff(2)).toBeGreaterThan(backoff(1));
    expect(third).toEqual({ ack: true });
    const [after] = await (await shopDb(row.shopId!)).select().from(outbox).where(eq(outbox.id, row.id)).all();
    expect(after).toMatchObject({ state: "sent", attempts: 3 });
    expect(after!.providerId).toMatch(/^wamid\./);
    const requests = await received("whatsapp", to);
    expect(requests).toHaveLength(3);
    // A fourth delivery of the same row (a late retry, the cron) sends nothing.
    expect(await deliver(await shopDb(row.shopId!), transport, row.id, ROOT)).toEqual({ ack: true });
    expect(await received("whatsapp", to)).toHaveLength(3);
  });

  it("a refused number is a failed row with the provider's reason, not retried", async () => {
    const { row } = await pendingRow("+923000131026"); // the sandbox's undeliverable number (magic.json)
    const transport = createTransport(await sandboxConfig({ MESSAGES_TRANSPORT: "live" }));
    expect(await deliver(await shopDb(row.shopId!), transport, row.id, ROOT)).toEqual({ ack: true });
    const [after] = await (await shopDb(row.shopId!)).select().from(outbox).where(eq(outbox.id, row.id)).all();
    expect(after).toMatchObject({ state: "failed", attempts: 1 });
    expect(after!.lastError).toMatch(/^permanent undeliverable/);
  });
});

describe("a queue batch", () => {
  it("is two D1 round trips however many rows: claimed and read together, sent side by side, each Outcome recorded together", async () => {
    const s = await shopWithCatalogue();
    await setPayments(s.seller.shopId, { cod: { enabled: true } }, "");
    const [ok, busy] = [uniquePhone(), uniquePhone()];
    const placed = [];
    for (let i = 0; i < 3; i++) placed.push(await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]));
    const sdb = await shopDb(s.seller.shopId);
    const row = (recipient: string, template: string, params: object, state: "pending" | "sent" = "pending") =>
      sdb
        .insert(outbox)
        .values({ shopId: s.seller.shopId, channel: "whatsapp", recipient, template, params: JSON.stringify(params), locale: "en", state })
        .returning()
        .get();
    const orderRows = [];
    for (const o of placed) orderRows.push(await row(ok, "new_order", { orderId: o.id }), await row(ok, "order_cancelled_by_customer", { orderId: o.id }));
    const stock = await row(ok, "low_stock", { variantId: s.dupatta.id });
    const gone = await row(ok, "new_order", { orderId: 999_999_999 });
    const notAnId = await row(ok, "new_order", { orderId: String(placed[0]!.id) });
    const done = await row(ok, "new_order", { orderId: placed[0]!.id }, "sent");
    const retried = await row(busy, "new_order", { orderId: placed[1]!.id });
    await failNext("whatsapp", { count: 1, status: 503, to: busy });

    const ids = [...orderRows, stock, gone, notAnId, done, retried].map((r) => r.id);
    const { db: metered, meter } = meteredDb(await shopD1(s.seller.shopId));
    const next = await deliverAll(metered, createTransport(await sandboxConfig({ MESSAGES_TRANSPORT: "live" })), [...ids, orderRows[0]!.id], ROOT);
    expect(meter.queries).toBe(2);
    expect([...next.entries()].filter(([, n]) => !n.ack)).toEqual([[retried.id, { ack: false, delaySeconds: backoff(1) }]]);
    expect(next.size).toBe(ids.length);

    const after = new Map((await sdb.select().from(outbox).where(inArray(outbox.id, ids)).all()).map((r) => [r.id, r]));
    for (const r of [...orderRows, stock]) expect(after.get(r.id), r.template).toMatchObject({ state: "sent", attempts: 1 });
    for (const r of [gone, notAnId]) expect(after.get(r.id)).toMatchObject({ state: "failed", attempts: 1, lastError: "permanent gone: what the message was about is gone" });
    expect(after.get(done.id)).toMatchObject({ state: "sent", attempts: 0 });
    expect(after.get(retried.id)).toMatchObject({ state: "pending", attempts: 1 });
    expect(after.get(retried.id)!.lastError).toMatch(/^retryable/);

    const texts = (await received("whatsapp", ok)).map((r) => JSON.stringify(r.body));
    expect(texts).toHaveLength(orderRows.length + 1);
    for (const o of placed) expect(texts.filter((t) => t.includes(`#${o.number}`))).toHaveLength(2);
  });
});

describe("the queue, its dead letters and the cron", () => {
  it("the consumer acks a message it is done with (what it was about is gone: failed), and the dead-letter queue marks a row dead", async () => {
    const { row } = await pendingRow("+923001234567");
    // Through the Worker's own queue handler: the order the row is about is gone (refused for good).
    await (await shopDb(row.shopId!)).update(outbox).set({ params: JSON.stringify({ orderId: 999_999_999 }) }).where(eq(outbox.id, row.id));
    const batch = createMessageBatch("hatti-messages", [{ id: "m1", timestamp: new Date(), attempts: 1, body: { id: row.id } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, bindings, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m1"]);
    expect(result.retryMessages).toEqual([]);
    expect((await (await shopDb(row.shopId!)).select().from(outbox).where(eq(outbox.id, row.id)).get())!.state).toBe("failed");

    const { row: lost, shard: lostShard } = await pendingRow("+923001234567");
    const dlq = createMessageBatch("hatti-messages-dlq", [{ id: "d1", timestamp: new Date(), attempts: 5, body: { id: lost.id, shard: lostShard } }]);
    const dctx = createExecutionContext();
    await worker.queue(dlq, bindings, dctx);
    await getQueueResult(dlq, dctx);
    const [dead] = await (await shopDb(lost.shopId!)).select().from(outbox).where(eq(outbox.id, lost.id)).all();
    expect(dead!.state).toBe("dead");
  });

  it("a message carries one change's rows: acked when all are done, retried after the longest delay one asks; a dead letter marks each row dead", async () => {
    const [ok, busy] = [uniquePhone(), uniquePhone()];
    const { row: sent, shard } = await pendingRow(ok);
    const { row: slow } = await pendingRow(busy, sent.shopId!);
    const { row: alone } = await pendingRow(ok, sent.shopId!);
    await failNext("whatsapp", { count: 1, status: 503, to: busy });
    const live = { ...bindings, ...(await sandboxEnv({ MESSAGES_TRANSPORT: "live" })) } as Bindings;
    const batch = createMessageBatch("hatti-messages", [
      { id: "both", timestamp: new Date(), attempts: 1, body: { ids: [sent.id, slow.id], shard } },
      { id: "one", timestamp: new Date(), attempts: 1, body: { ids: [alone.id], shard } },
      { id: "junk", timestamp: new Date(), attempts: 1, body: { ids: ["1; DROP TABLE outbox", -1.5] } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, live, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["junk", "one"]);
    expect(result.retryMessages.map((r) => r.msgId)).toEqual(["both"]);
    const sdb = await shopDb(sent.shopId!);
    const state = async (id: number) => (await sdb.select().from(outbox).where(eq(outbox.id, id)).get())!.state;
    expect([await state(sent.id), await state(slow.id), await state(alone.id)]).toEqual(["sent", "pending", "sent"]);

    const dlq = createMessageBatch("hatti-messages-dlq", [{ id: "d1", timestamp: new Date(), attempts: 5, body: { ids: [sent.id, slow.id], shard } }]);
    const dctx = createExecutionContext();
    await worker.queue(dlq, live, dctx);
    await getQueueResult(dlq, dctx);
    // Only the row still pending is dead: the one sent stays sent.
    expect([await state(sent.id), await state(slow.id)]).toEqual(["sent", "dead"]);
  });

  it("the cron puts a row left pending back on the queue, which delivers it", async () => {
    const { row } = await pendingRow("+923001234567");
    await (await shopDb(row.shopId!)).update(outbox).set({ updatedAt: Date.now() - STUCK_AFTER_MS - 1 }).where(eq(outbox.id, row.id));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/5 * * * *", scheduledTime: Date.now() }), bindings, ctx);
    await waitOnExecutionContext(ctx);
    let state = "pending";
    for (let i = 0; i < 100 && state === "pending"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await (await shopDb(row.shopId!)).select().from(outbox).where(eq(outbox.id, row.id)).get())!.state;
    }
    expect(state).toBe("sent");
  });
});

describe("/dev/outbox", () => {
  it("does not exist in production", async () => {
    const app = worker;
    for (const path of ["/dev/outbox", "/dev/outbox.json"]) {
      const res = await app.fetch(new Request(`${ROOT}${path}`), { ...bindings, ENVIRONMENT: "production" }, createExecutionContext());
      expect(res.status, path).toBe(404);
    }
  });
});
