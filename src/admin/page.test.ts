/**
 * The admin's one-round-trip pages (src/admin/page.ts) answer exactly as the middleware path
 * did: logged out or revoked -> the log-in page; another shop's slug -> 404; and the page's own
 * statements, run for a stranger's session, read nothing (the shop is named in SQL by the
 * session and membership).
 */
import { describe, expect, it } from "vitest";
import { ROOT, db, sellerWithShop } from "../../test/helpers";
import { addProduct, one } from "../../test/admin-helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { sessionShopSlot, sessionShopSql } from "../auth/session";
import { sha256Hex } from "../lib/bytes";
import { ordersListRead, type ListQuery } from "../orders/list";
import { sellerOrderRead } from "../orders/read";
import { runBatch } from "../db/batch";
import { boundOf, runTemplates } from "../db/template";

const TITLE = "Handmade embroidered chiffon kurta with dupatta for weddings";

describe("a batched admin page", () => {
  it("sends a visitor with no session, a garbage one or a revoked one to the log-in page, coming back here", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { title: TITLE });
    const pages = [`/admin/${s.slug}/orders`, `/admin/${s.slug}/products/${id}`, `/admin/${s.slug}/live`];
    const sid = s.client.cookies("hatti.test").get("hatti_sid")!;
    for (const cookie of [undefined, "garbage", "A".repeat(43)]) {
      if (cookie === undefined) s.client.cookies("hatti.test").delete("hatti_sid");
      else s.client.cookies("hatti.test").set("hatti_sid", cookie);
      for (const p of pages) {
        const res = await s.client.get(`${ROOT}${p}?q=x`);
        expect(res.status, `${p} ${cookie}`).toBe(303);
        expect(res.location).toBe(`/login?next=${encodeURIComponent(`${p}?q=x`)}`);
      }
    }
    // Log-out revokes at once: no cache of the session anywhere.
    s.client.cookies("hatti.test").set("hatti_sid", sid);
    expect((await s.client.get(`${ROOT}${pages[0]}`)).status).toBe(200);
    expect((await s.client.post(`${ROOT}/logout`, {})).status).toBe(303);
    s.client.cookies("hatti.test").set("hatti_sid", sid);
    for (const p of pages) expect((await s.client.get(`${ROOT}${p}`)).status, p).toBe(303);
  });

  it("is a 404 on a shop she is not a member of, and on one that does not exist", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const theirs = await addProduct(b, { title: TITLE });
    for (const p of [`/admin/${b.slug}/orders`, `/admin/${b.slug}/products/${theirs}`, `/admin/${b.slug}/shop`, "/admin/no-such-shop/orders"]) {
      const res = await a.client.get(`${ROOT}${p}`);
      expect(res.status, p).toBe(404);
      expect(res.text).not.toContain(TITLE);
    }
  });

  it("reads nothing for a session that is not a member of the shop named, even run on its own", async () => {
    // The one-batch path: a shop whose shard is the directory's own database (src/db/shards.ts);
    // a shop of another shard is read beside the check and dropped unless she is a member.
    let shop: Awaited<ReturnType<typeof shopWithCatalogue>>;
    do shop = await shopWithCatalogue();
    while ((await one<{ shard: number }>("SELECT shard FROM shops WHERE slug = ?", shop.seller.slug))!.shard !== 0);
    const { seller, kurta, zone, origin } = shop;
    const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const stranger = await sellerWithShop();
    const strangerSid = await sha256Hex(stranger.client.cookies("hatti.test").get("hatti_sid")!);
    const ownerSid = await sha256Hex(seller.client.cookies("hatti.test").get("hatti_sid")!);
    const d = db();
    const run = async (sid: string, now = Date.now()) => {
      const shop = sessionShopSql(sid, seller.slug, now);
      const list = ordersListRead({}).statements(d, shop);
      const detail = sellerOrderRead(order.id).statements(d, shop);
      const [rows, counts, found] = await runBatch(d, [...list, ...detail]);
      return { rows: rows as unknown[], counts: counts as unknown[], found: found as unknown[] };
    };
    const mine = await run(ownerSid);
    expect(mine.rows).toHaveLength(1);
    expect(mine.found).toHaveLength(1);
    for (const r of [await run(strangerSid), await run("0".repeat(64)), await run(ownerSid, Date.now() + 31 * 86400_000)]) {
      expect(r).toEqual({ rows: [], counts: [], found: [] });
    }
  });

  it("reads through templates exactly what drizzle's statements read, in every shape of the orders list, and nothing for a stranger", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]], { name: "عائشہ بی بی" });
    const stranger = await sellerWithShop();
    const strangerSid = await sha256Hex(stranger.client.cookies("hatti.test").get("hatti_sid")!);
    const ownerSid = await sha256Hex(seller.client.cookies("hatti.test").get("hatti_sid")!);
    const d = db();
    const now = Date.now();
    const later = now + 400 * 86400_000;
    const shapes: [ListQuery, number | undefined][] = [
      [{}, undefined],
      [{ status: "new" }, undefined],
      [{ status: "shipped" }, undefined],
      [{ q: "عائشہ" }, undefined],
      [{ q: "0321-5551234" }, undefined],
      [{ q: `#${order.number}` }, undefined],
      [{ before: order.id + 1 }, undefined],
      [{ before: order.id }, undefined],
      [{}, later],
      [{ status: "new", q: "عائشہ", before: order.id + 1 }, later],
    ];
    for (const [query, lateAt] of shapes) {
      const read = ordersListRead(query, lateAt);
      for (const [sid, at] of [[ownerSid, now], [strangerSid, now], [ownerSid, now + 31 * 86400_000]] as const) {
        const drizzleStmts = read.statements(d, sessionShopSql(sid, seller.slug, at));
        const bound = read.bind!(sessionShopSlot(sid, seller.slug, at));
        // The same SQL text and values, in the same order.
        expect(bound.map((b) => [b.sql, b.params])).toEqual(drizzleStmts.map(boundOf).map((b) => [b.sql, b.params]));
        const viaTemplates = await runTemplates(d, bound);
        expect(viaTemplates, JSON.stringify(query)).toEqual(await runBatch(d, [...drizzleStmts]));
        if (sid !== ownerSid || at !== now) expect(viaTemplates, JSON.stringify(query)).toEqual([[], []]);
      }
    }
    const [rows] = await runTemplates(d, ordersListRead({ q: "عائشہ" }).bind!(sessionShopSlot(ownerSid, seller.slug, now)));
    expect((rows as { id: number }[]).map((r) => r.id)).toEqual([order.id]);
  });
});
