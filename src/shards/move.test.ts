/**
 * Moving a shop between shards while it sells (src/shards/move.ts): the freeze refuses every
 * write and says so, the copy keeps every row and id, the switch, and the source's delete a
 * route's lifetime later. Runs on the tests' two databases: DB (the directory and shard 0) and SHARD_1.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { shardD1 } from "../db/shards";
import { WRITTEN_AFTER } from "../db/tables.mjs";
import { isShopMoving } from "./frozen";
import { addVisits } from "../insight/visits";
import { createDb } from "../db/client";
import { BLOCK_SIZE } from "./blocks";
import { COPIED, DELETE_AFTER_MS, DERIVED, deleteMoved, moveShop, MoveError, NOT_MOVED } from "./move";
import { customerAtCheckout, customerForm, placeOrderAt, seedProduct, shopWithCatalogue } from "../../test/checkout-fixtures";
import { shardOfShop, shopD1, uniq, type Res } from "../../test/helpers";

const shardDb = (k: number) => shardD1(env, k)!;
const count = async (d1: D1Database, sql: string, ...bind: unknown[]) => (await d1.prepare(sql).bind(...bind).first<{ n: number }>())!.n;
const refusal = (res: Res) => /data-refusal="([^"]*)"/.exec(res.text)?.[1];

/** Every table whose rows are a shop's, in a shard: it has a shop_id and is neither the directory's nor the move's own. */
async function shopTables(): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%`shop_id`%'").all<{ name: string }>();
  return results.map((r) => r.name).filter((t) => !(NOT_MOVED as readonly string[]).includes(t)).sort();
}

describe("moving a shop between shards", () => {
  it("every table of a shop's rows is frozen during a move, and copied or derived", async () => {
    const tables = await shopTables();
    expect([...COPIED.map((c) => c.table), ...DERIVED].sort()).toEqual(tables);
    // Copied after the tables whose triggers would otherwise change them (src/db/tables.mjs).
    const order = COPIED.map((c) => c.table);
    for (const [t, afters] of Object.entries(WRITTEN_AFTER)) for (const a of afters) expect(order.indexOf(t), `${t} after ${a}`).toBeGreaterThan(order.indexOf(a));
    const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_moving_b_'").all<{ name: string }>();
    const triggers = new Set(results.map((r) => r.name));
    for (const t of tables) for (const op of ["bi", "bu", "bd"]) expect(triggers.has(`${t}_moving_${op}`), `${t}_moving_${op}`).toBe(true);
    expect(triggers.has("shops_moving_bu") && triggers.has("shops_moving_bd")).toBe(true);
  });

  it("ids never repeat across shards: shard 1 counts from its own block", async () => {
    const shops = [await shopWithCatalogue(), await shopWithCatalogue()];
    const shards = await Promise.all(shops.map((s) => shardOfShop(s.seller.shopId)));
    expect(shards.sort()).toEqual([0, 1]);
    for (const s of shops) {
      const k = await shardOfShop(s.seller.shopId);
      const id = s.kurta[0]!.id;
      if (k === 0) expect(id).toBeLessThan(BLOCK_SIZE);
      else expect(id).toBeGreaterThan(BLOCK_SIZE);
    }
  });

  it("a frozen shop refuses every write: the checkout keeps her form and says try again; the admin answers 503; nothing is written", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const d1 = await shopD1(seller.shopId);
    const k = await shardOfShop(seller.shopId);
    const customer = await customerAtCheckout(origin, [[dupatta.id, 2]]);
    await d1.prepare("INSERT INTO shop_moves (shop_id, from_shard, to_shard) VALUES (?, ?, ?)").bind(seller.shopId, k, 1 - k).run();

    const res = await customer.client.post(`${origin}/checkout`, { ...customerForm({ name: "Rukhsana Perveen" }), key: customer.key, basis: customer.basis, zone: String(zone.id) }, { csrf: false, headers: customer.headers });
    expect(res.status).toBe(503);
    expect(refusal(res)).toBe("moving");
    expect(res.text).toContain("Your order was not placed");
    expect(res.text).toContain('value="Rukhsana Perveen"');
    const saved = await seller.client.post(`https://hatti.test/admin/${seller.slug}/products/${dupatta.productId}/status`, { status: "draft" });
    expect(saved.status).toBe(503);
    expect(saved.headers.get("retry-after")).toBe("60");
    expect(saved.text).toContain("This shop is moving");
    const err = await d1.prepare("UPDATE variants SET stock = 0 WHERE id = ?").bind(dupatta.id).run().catch((e: unknown) => e);
    expect(isShopMoving(err)).toBe(true);
    expect(await count(d1, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await count(d1, "SELECT stock AS n FROM variants WHERE id = ?", dupatta.id)).toBe(20);

    // Writes that span shops leave the frozen one out and go on for the others.
    const other = await shopWithCatalogue();
    const d1Other = await shopD1(other.seller.shopId);
    const visits = [
      { shopId: seller.shopId, day: "2026-12-01", source: "whatsapp" as const, n: 3 },
      { shopId: other.seller.shopId, day: "2026-12-01", source: "whatsapp" as const, n: 2 },
    ];
    await addVisits(createDb(d1), visits);
    if (d1Other !== d1) await addVisits(createDb(d1Other), visits);
    expect(await count(d1, "SELECT count(*) AS n FROM shop_visits WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await count(d1Other, "SELECT n FROM shop_visits WHERE shop_id = ?", other.seller.shopId)).toBe(2);

    // A second move of a frozen shop is refused before it touches anything.
    await expect(moveShop(env, seller.slug, 1 - k)).rejects.toThrow(MoveError);
    expect(await count(shardDb(1 - k), "SELECT count(*) AS n FROM products WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await shardOfShop(seller.shopId)).toBe(k);

    // Unfrozen, the same form places the order.
    await d1.prepare("DELETE FROM shop_moves WHERE shop_id = ?").bind(seller.shopId).run();
    const again = await customer.client.post(`${origin}/checkout`, { ...customerForm(), key: customer.key, basis: customer.basis, zone: String(zone.id) }, { csrf: false, headers: customer.headers });
    expect(again.status).toBe(303);
  });

  for (const direction of ["to the other shard", "and back"] as const) {
    it(`a shop moves ${direction} while customers order: every order placed is there, none twice, its ids kept`, async () => {
      const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
      let from = await shardOfShop(seller.shopId);
      if (direction === "and back") {
        await moveShop(env, seller.slug, 1 - from);
        expect(await deleteMoved(env, seller.shopId, from, Date.now() + DELETE_AFTER_MS)).toBe(true);
        from = 1 - from;
      }
      const to = 1 - from;
      const [shawl] = await seedProduct(seller.shopId, {
        title: "Hand-embroidered pashmina shawl with tilla work ہاتھ سے کڑھائی والی شال",
        variants: [{ title: "Default", price: 450_000, stock: 1000 }],
      });
      // Orders before the move; the seller confirms one (derived counts must follow).
      const before = [];
      for (let i = 0; i < 3; i++) before.push(await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1], [dupatta.id, 1]], { phone: `0300${String(1000000 + i)}` }));
      const confirmed = await seller.client.post(`https://hatti.test/admin/${seller.slug}/orders/${before[0]!.id}/status`, { from: "new", to: "confirmed" });
      expect(confirmed.status).toBe(303);

      // Four customers order without pause; a refusal is answered with the same form again.
      const placed: string[] = [];
      const refused: Res[] = [];
      let stop = false;
      let moved = false;
      let afterMove = 0;
      const customer = async (n: number) => {
        while (!stop) {
          const c = await customerAtCheckout(origin, [[shawl!.id, 1]]);
          let hidden = { key: c.key, basis: c.basis };
          for (let attempt = 0; attempt < 100; attempt++) {
            const res = await c.client.post(`${origin}/checkout`, { ...customerForm({ name: `Customer ${n}`, phone: `0321${String(1000000 + placed.length * 4 + n)}` }), ...hidden, zone: String(zone.id) }, { csrf: false, headers: c.headers });
            if (res.status === 303) {
              placed.push(res.location!.replace("?placed=1", "").slice("/orders/".length));
              if (moved) afterMove++;
              break;
            }
            expect(res.status, res.text.slice(0, 400)).toBe(503);
            expect(refusal(res)).toBe("moving");
            expect(res.text).toContain(`value="Customer ${n}"`);
            refused.push(res);
            const m = /name="basis" value="([^"]*)"/.exec(res.text);
            hidden = { key: hidden.key, basis: m ? m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&") : hidden.basis };
            await new Promise((r) => setTimeout(r, 5));
          }
          if (moved && afterMove >= 4) stop = true;
        }
      };
      const load = Promise.all([0, 1, 2, 3].map(customer));
      while (placed.length < 2) await new Promise((r) => setTimeout(r, 5));
      // The freeze is held until a customer has been refused (or the test proves nothing).
      const result = await moveShop(env, seller.slug, to, {
        frozen: async () => {
          for (let i = 0; i < 2000 && !refused.length; i++) await new Promise((r) => setTimeout(r, 5));
        },
      });
      moved = true;
      await load;
      expect(result).toEqual({ shopId: seller.shopId, from, to });

      // The directory names the new shard; every order placed is there, once, numbered without a gap.
      expect(await shardOfShop(seller.shopId)).toBe(to);
      const target = shardDb(to);
      const source = shardDb(from);
      const tokens = [...before.map((o) => o.token), ...placed];
      expect(new Set(tokens).size).toBe(tokens.length);
      const { results } = await target.prepare("SELECT token, number FROM orders WHERE shop_id = ? ORDER BY number").bind(seller.shopId).all<{ token: string; number: number }>();
      expect(results.map((r) => r.token).sort()).toEqual([...tokens].sort());
      expect(results.map((r) => r.number)).toEqual(tokens.map((_, i) => 1001 + i));
      expect(await count(target, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1000 + tokens.length);
      expect(await count(target, "SELECT stock AS n FROM variants WHERE id = ?", shawl!.id)).toBe(1000 - placed.length);
      expect(afterMove).toBeGreaterThanOrEqual(4);
      // The load ran through the freeze: orders were refused there and placed again after.
      expect(refused.length).toBeGreaterThan(0);

      // What the triggers keep was recomputed: the badge, the customers' totals.
      expect(await count(target, "SELECT n FROM order_counts WHERE shop_id = ? AND status = 'confirmed'", seller.shopId)).toBe(1);
      expect(await count(target, "SELECT n FROM order_counts WHERE shop_id = ? AND status = 'new'", seller.shopId)).toBe(tokens.length - 1);
      expect(await count(target, "SELECT sum(orders) AS n FROM customers WHERE shop_id = ?", seller.shopId)).toBe(tokens.length);

      // Ids kept: the seller's link to her first order (in her WhatsApp alert) still opens it, from the new shard.
      const page = await seller.client.get(`https://hatti.test/admin/${seller.slug}/orders/${before[0]!.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain("#1001");
      const status = await before[1]!.client.get(`${origin}${before[1]!.path}`);
      expect(status.status).toBe(200);
      // And writes go to the new shard.
      const next = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
      expect(await count(target, "SELECT count(*) AS n FROM orders WHERE token = ?", next.token)).toBe(1);

      // The source keeps its frozen copy for a route's lifetime, then deletes it all.
      const frozenCopy = (await source.prepare("SELECT token FROM orders WHERE shop_id = ?").bind(seller.shopId).all<{ token: string }>()).results.map((r) => r.token);
      expect(frozenCopy.length).toBeGreaterThanOrEqual(before.length + 2);
      expect(frozenCopy.length).toBeLessThan(tokens.length);
      for (const t of frozenCopy) expect(tokens).toContain(t);
      expect(await deleteMoved(env, seller.shopId, from, Date.now())).toBe(false);
      expect(await deleteMoved(env, seller.shopId, from, Date.now() + DELETE_AFTER_MS)).toBe(true);
      for (const t of [...COPIED.map((c) => c.table), ...DERIVED]) {
        expect(await count(source, `SELECT count(*) AS n FROM ${t} WHERE shop_id = ?`, seller.shopId), t).toBe(0);
      }
      expect(await count(source, "SELECT count(*) AS n FROM shop_moves WHERE shop_id = ?", seller.shopId)).toBe(0);
      expect(await count(env.DB, "SELECT count(*) AS n FROM memberships WHERE shop_id = ?", seller.shopId)).toBe(1);
      expect(await count(target, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(tokens.length + 1);
    });
  }

  it("refuses a move to where the shop is, or to a shard that does not exist, and changes nothing", async () => {
    const { seller } = await shopWithCatalogue();
    const k = await shardOfShop(seller.shopId);
    await expect(moveShop(env, seller.slug, k)).rejects.toThrow(/already in shard/);
    await expect(moveShop(env, seller.slug, 7)).rejects.toThrow(/no shard 7/);
    await expect(moveShop(env, uniq("nobody"), 1 - k)).rejects.toThrow(/no shop/);
    expect(await shardOfShop(seller.shopId)).toBe(k);
  });
});
