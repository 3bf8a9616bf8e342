/**
 * The operator's move, end to end through the Worker's own entry points: the /ops route queues it
 * (bearer token), the queue consumer runs it a step at a time, the cron deletes the old rows when
 * due and undoes a move whose job died. The queue's producer is recorded instead of delivered, so
 * the test hands each step to the consumer itself, in order (the consumer, D1 and the steps are real).
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../index";
import { createApp } from "../app";
import type { Bindings } from "../env";
import { shardD1 } from "../db/shards";
import { DELETE_AFTER_MS, STALE_AFTER_MS } from "./move";
import { movesCron } from "./job";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { shardOfShop } from "../../test/helpers";

const TOKEN = "ops-test-token-0123456789";

/** The bindings with a queue producer that records what is sent. */
function recording() {
  const sent: { body: unknown; delaySeconds?: number }[] = [];
  const MESSAGES = {
    send: async (body: unknown, o?: QueueSendOptions) => void sent.push({ body, delaySeconds: o?.delaySeconds }),
    sendBatch: async (ms: Iterable<MessageSendRequest>) => void sent.push(...[...ms].map((m) => ({ body: m.body, delaySeconds: m.delaySeconds }))),
  } as unknown as Queue;
  return { sent, env: { ...env, MESSAGES, OPS_TOKEN: TOKEN } as unknown as Bindings };
}

async function ops(e: Bindings, method: string, path: string, body?: unknown, token: string | null = TOKEN) {
  const ctx = createExecutionContext();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await createApp().fetch(new Request(`https://hatti.test/ops${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Hands one recorded body to the consumer; whether it was acked. */
async function consume(e: Bindings, body: unknown): Promise<"acked" | "retried"> {
  const batch = createMessageBatch("hatti-messages", [{ id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, e, ctx);
  const result = await getQueueResult(batch, ctx);
  return result.retryMessages.length ? "retried" : "acked";
}

describe("the operator's move", () => {
  it("is a 404 without OPS_TOKEN, a 401 without the right bearer token", async () => {
    const { seller } = await shopWithCatalogue();
    expect((await ops({ ...env, OPS_TOKEN: undefined } as unknown as Bindings, "GET", `/shops/${seller.slug}`)).status).toBe(404);
    const { env: e } = recording();
    expect((await ops(e, "GET", `/shops/${seller.slug}`, undefined, null)).status).toBe(401);
    expect((await ops(e, "GET", `/shops/${seller.slug}`, undefined, "wrong-token")).status).toBe(401);
    expect((await ops(e, "POST", `/shops/${seller.slug}/move`, { to: 1 }, "wrong-token")).status).toBe(401);
    // Her session cookie is nothing here: the API reads no cookie.
    const ctx = createExecutionContext();
    const withCookie = await createApp().fetch(
      new Request(`https://hatti.test/ops/shops/${seller.slug}`, { headers: { cookie: seller.client.cookieHeader("https://hatti.test/") } }),
      e,
      ctx,
    );
    expect(withCookie.status).toBe(401);
  });

  it("queues a move, runs it a step at a time through the queue, and the cron deletes the old rows when due", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const first = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
    const from = await shardOfShop(seller.shopId);
    const to = 1 - from;
    const { sent, env: e } = recording();

    expect((await ops(e, "POST", `/shops/${seller.slug}/move`, { to: 5 })).status).toBe(400);
    expect((await ops(e, "POST", `/shops/${seller.slug}/move`, { to: from })).status).toBe(409);
    expect((await ops(e, "POST", `/shops/nobody-here/move`, { to })).status).toBe(404);
    const queued = await ops(e, "POST", `/shops/${seller.slug}/move`, { to });
    expect(queued.status).toBe(202);
    expect(await queued.json()).toEqual({ queued: true, slug: seller.slug, from, to });

    // The consumer runs each step and queues the next: start, copy, finish, then the delete (delayed).
    const steps: string[] = [];
    const outbox: unknown[] = [];
    for (let i = 0; i < 10 && sent.length; i++) {
      const { body, delaySeconds } = sent.shift()!;
      if ((body as { job?: string }).job !== "shop.move") {
        outbox.push(body);
        continue;
      }
      const step = (body as { step?: string }).step ?? "start";
      steps.push(step);
      if (step === "delete") {
        expect(delaySeconds).toBeGreaterThanOrEqual(DELETE_AFTER_MS / 1000);
        // Too early: tried again later, nothing deleted.
        expect(await consume(e, body)).toBe("retried");
        break;
      }
      expect(await consume(e, body)).toBe("acked");
    }
    expect(steps).toEqual(["start", "copy", "finish", "delete"]);
    // The order's messages still waiting went on the queue from the new shard.
    const waiting = (await shardD1(env, to)!.prepare("SELECT id FROM outbox WHERE shop_id = ? AND state = 'pending' ORDER BY id").bind(seller.shopId).all<{ id: number }>()).results.map((r) => r.id);
    expect(waiting.length).toBeGreaterThan(0);
    expect(outbox).toEqual([{ ids: waiting, shard: to }]);
    expect(await shardOfShop(seller.shopId)).toBe(to);
    const status = await (await ops(e, "GET", `/shops/${seller.slug}`)).json<{ shard: number; move: unknown }>();
    expect(status).toMatchObject({ shard: to, move: null });
    const source = shardD1(env, from)!;
    expect((await source.prepare("SELECT phase FROM shop_moves WHERE shop_id = ?").bind(seller.shopId).first())?.phase).toBe("leaving");

    // The order is served from the new shard, under its old id.
    const page = await seller.client.get(`https://hatti.test/admin/${seller.slug}/orders/${first.id}`);
    expect(page.status).toBe(200);

    // The cron: not yet due, then due.
    await movesCron(e);
    expect((await source.prepare("SELECT count(*) AS n FROM orders WHERE shop_id = ?").bind(seller.shopId).first<{ n: number }>())!.n).toBe(1);
    await movesCron(e, Date.now() + DELETE_AFTER_MS);
    expect((await source.prepare("SELECT count(*) AS n FROM orders WHERE shop_id = ?").bind(seller.shopId).first<{ n: number }>())!.n).toBe(0);
    expect(await source.prepare("SELECT 1 FROM shop_moves WHERE shop_id = ?").bind(seller.shopId).first()).toBeNull();
  });

  it("undoes a move whose job died: after STALE_AFTER_MS without progress the cron unfreezes the shop where it was", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const from = await shardOfShop(seller.shopId);
    const { sent, env: e } = recording();
    await ops(e, "POST", `/shops/${seller.slug}/move`, { to: 1 - from });
    // The start runs (frozen, the shop's row copied), and the copy's message is lost.
    expect(await consume(e, sent.shift()!.body)).toBe("acked");
    const source = shardD1(env, from)!;
    expect((await source.prepare("SELECT phase FROM shop_moves WHERE shop_id = ?").bind(seller.shopId).first())?.phase).toBe("frozen");
    await movesCron(e);
    expect((await source.prepare("SELECT phase FROM shop_moves WHERE shop_id = ?").bind(seller.shopId).first())?.phase).toBe("frozen");
    await movesCron(e, Date.now() + STALE_AFTER_MS + 1);
    expect(await source.prepare("SELECT 1 FROM shop_moves WHERE shop_id = ?").bind(seller.shopId).first()).toBeNull();
    expect(await shardD1(env, 1 - from)!.prepare("SELECT 1 FROM shops WHERE id = ? AND shard = ?").bind(seller.shopId, 1 - from).first()).toBeNull();
    // Served and selling where it was.
    expect(await shardOfShop(seller.shopId)).toBe(from);
    await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
  });
});
