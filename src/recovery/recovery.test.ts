/**
 * Abandoned checkouts: her phone captured at checkout with JavaScript (the script's beacon) and
 * without (a checkout refused for another field), the seller's list after an hour on a
 * controlled clock, the WhatsApp reminder, the restore link, the 30-day sweep and isolation.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../index";
import { RULES } from "../auth/rate-limit";
import { caps } from "../lib/form-fields";
import { formatMoney } from "../i18n";
import { checkoutSchema } from "../checkout/schemas";
import { clearOfWindowEdge, Client, ROOT, shopD1, shopDb, shopOrigin, uniq, type Res } from "../../test/helpers";
import { all, decode, one } from "../../test/admin-helpers";
import { customerAtCheckout, customerForm, placeOrderAt, seedProduct, shopWithCatalogue, shopWithCatalogueBeside } from "../../test/checkout-fixtures";
import { phoneOf, textOf } from "../../test/limits/harness";
import { abandonedCarts, abandonedQuery, PAGE_SIZE } from "./abandoned";
import { INTENT_KEEP_MS, recordIntent, sweepIntents } from "./intents";

const HOUR = 3600_000;
const roundTrips = (res: Res) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? 0);
type Intent = { id: number; shop_id: number; phone: string; name: string; cart: string; locale: string; token: string; ordered_at: number | null; reminded_at: number | null; created_at: number; updated_at: number };
const intentOf = (shopId: number, phone: string) => one<Intent>("SELECT * FROM checkout_intents WHERE shop_id = ? AND phone = ?", shopId, phone);
const intentsOf = (shopId: number) => all<Intent>("SELECT * FROM checkout_intents WHERE shop_id = ? ORDER BY id", shopId);
/** Moves an intent back in time, as if she had left the checkout `ms` ago. */
const age = async (shopId: number, id: number, ms: number) =>
  (await shopD1(shopId)).prepare("UPDATE checkout_intents SET updated_at = updated_at - ?, created_at = created_at - ? WHERE shop_id = ? AND id = ?").bind(ms, ms, shopId, id).run();

/** A shop, and a customer on its checkout page with 2 kurtas (M) and a dupatta in her cart. */
async function atCheckout() {
  const shop = await shopWithCatalogue();
  const customer = await customerAtCheckout(shop.origin, [[shop.kurta[1]!.id, 2], [shop.dupatta.id, 1]]);
  const intent = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    customer.client.post(`${shop.origin}/checkout/intent`, body, { csrf: false, headers: { ...customer.headers, ...headers } });
  return { ...shop, customer, intent };
}

describe("capturing her phone at checkout", () => {
  it("with JavaScript: the checkout page carries the script; its beacon records one row per shop and phone, updated on repeat, in one round trip", async () => {
    const x = await atCheckout();
    expect(x.customer.page.text).toContain("/intent");
    const csp = x.customer.page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src[^;]*'sha256-/);

    const res = await x.intent({ phone: "0321-5551234", name: "" });
    expect(res.status).toBe(204);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    // One round trip: the IP's rate-limit hit and the upsert in one batch (the shop record is cached).
    expect(roundTrips(res)).toBe(1);
    const first = (await intentOf(x.seller.shopId, "+923215551234"))!;
    expect(first).toMatchObject({ name: "", cart: `${x.kurta[1]!.id}x2.${x.dupatta.id}x1`, locale: "en", ordered_at: null, reminded_at: null });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{24}$/);

    // Back again with her name typed (and Urdu digits in her number): the same row, the same link.
    const again = await x.intent({ phone: "۰۳۲۱ ۵۵۵۱۲۳۴", name: "ثنا خان" });
    expect(again.status).toBe(204);
    const rows = await intentsOf(x.seller.shopId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, name: "ثنا خان", token: first.token });
    expect(rows[0]!.updated_at).toBeGreaterThanOrEqual(first.updated_at);
    // Leaving the name empty later keeps the name she typed before.
    await x.intent({ phone: "03215551234", name: "" });
    expect((await intentOf(x.seller.shopId, "+923215551234"))!.name).toBe("ثنا خان");
  });

  it("refuses what is not a mobile number, another origin, and records nothing for an empty cart", async () => {
    const x = await atCheckout();
    expect((await x.intent({ phone: "12345", name: "Sana" })).status).toBe(400);
    expect((await x.intent({ name: "Sana" })).status).toBe(400);
    // Hono's origin check, as every storefront form: a page of another site cannot post it.
    const cross = await x.customer.client.fetch(`${x.origin}/checkout/intent`, {
      method: "POST",
      body: new URLSearchParams({ phone: "03215551234" }),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", ...x.customer.headers },
    });
    expect(cross.status).toBe(403);
    const json = await x.customer.client.fetch(`${x.origin}/checkout/intent`, { method: "POST", body: JSON.stringify({ phone: "03215551234" }), headers: { "content-type": "application/json", origin: x.origin } });
    expect(json.status).toBe(403);
    const empty = new Client();
    expect((await empty.post(`${x.origin}/checkout/intent`, { phone: "03215551234" }, { csrf: false })).status).toBe(204);
    expect(await intentsOf(x.seller.shopId)).toEqual([]);
  });

  it("the phone and the name at their checkout caps are recorded, one past is refused and nothing written", async () => {
    const x = await atCheckout();
    const cap = caps(checkoutSchema);
    expect(cap.phone).toBe(40);
    const atCap = phoneOf(cap.phone!)!;
    expect(atCap).toHaveLength(cap.phone!);
    expect((await x.intent({ phone: atCap, name: textOf(cap.name!, "ur") })).status).toBe(204);
    expect((await intentOf(x.seller.shopId, "+923001234567"))!.name).toBe(textOf(cap.name!, "ur"));
    await (await shopD1(x.seller.shopId)).prepare("DELETE FROM checkout_intents WHERE shop_id = ?").bind(x.seller.shopId).run();
    expect((await x.intent({ phone: phoneOf(cap.phone! + 1)!, name: "Sana" })).status).toBe(400);
    expect((await x.intent({ phone: atCap, name: textOf(cap.name! + 1, "en") })).status).toBe(400);
    expect(await intentsOf(x.seller.shopId)).toEqual([]);
  });

  it(`is rate limited per IP: ${RULES.intentIp.limit} posts in a window, the next refused and not written`, async () => {
    const x = await atCheckout();
    await clearOfWindowEdge(RULES.intentIp);
    for (let i = 0; i < RULES.intentIp.limit; i++) expect((await x.intent({ phone: "03215551234", name: `Sana ${i}` })).status).toBe(204);
    const over = await x.intent({ phone: "03335550000", name: "Sana" });
    expect(over.status).toBe(429);
    expect((await intentsOf(x.seller.shopId)).map((r) => r.phone)).toEqual(["+923215551234"]);
    // Another address is counted on its own.
    expect((await x.intent({ phone: "03335550000", name: "Sana" }, { "cf-connecting-ip": uniq("ip") })).status).toBe(204);
  });

  it("without JavaScript: a checkout refused for another field records her phone and name; a refused phone records nothing", async () => {
    const x = await atCheckout();
    const res = await x.customer.client.post(`${x.origin}/checkout`, { ...customerForm({ address: "" }), key: x.customer.key, zone: String(x.zone.id) }, { csrf: false, headers: x.customer.headers });
    expect(res.status).toBe(400);
    expect(await intentOf(x.seller.shopId, "+923215551234")).toMatchObject({ name: "Sana Khan", cart: `${x.kurta[1]!.id}x2.${x.dupatta.id}x1` });

    await (await shopD1(x.seller.shopId)).prepare("DELETE FROM checkout_intents WHERE shop_id = ?").bind(x.seller.shopId).run();
    const bad = await x.customer.client.post(`${x.origin}/checkout`, { ...customerForm({ phone: "12345", address: "" }), key: x.customer.key, zone: String(x.zone.id) }, { csrf: false, headers: x.customer.headers });
    expect(bad.status).toBe(400);
    expect(await intentsOf(x.seller.shopId)).toEqual([]);
  });

  it("an order from that phone marks the intent ordered (a trigger: the order's batch is unchanged)", async () => {
    const x = await atCheckout();
    await x.intent({ phone: "0321-5551234", name: "Sana" });
    await x.intent({ phone: "0333-5550000", name: "Other" }, { "cf-connecting-ip": uniq("ip") });
    const order = await placeOrderAt(x.origin, x.zone.id, [[x.dupatta.id, 1]]);
    const created = (await one<{ created_at: number }>("SELECT created_at FROM orders WHERE shop_id = ? AND id = ?", x.seller.shopId, order.id))!.created_at;
    expect((await intentOf(x.seller.shopId, "+923215551234"))!.ordered_at).toBe(created);
    expect((await intentOf(x.seller.shopId, "+923335550000"))!.ordered_at).toBeNull();
  });
});

describe("the seller's abandoned checkouts", () => {
  it("shows an intent once an hour has passed without an order (controlled clock), newest first", async () => {
    const x = await atCheckout();
    const scope = { db: await shopDb(x.seller.shopId), shopId: x.seller.shopId };
    const lines = [{ variantId: x.kurta[1]!.id, quantity: 2 }];
    const t0 = Date.now() - 5 * HOUR;
    expect(await recordIntent(scope, { phone: "03215551234", name: "Sana", lines, locale: "en" }, { now: t0 })).toBe("recorded");
    expect(await recordIntent(scope, { phone: "03335550000", name: "Amna", lines, locale: "en" }, { now: t0 + 1000 })).toBe("recorded");
    expect((await abandonedCarts(scope, null, t0 + HOUR - 1)).rows).toEqual([]);
    const after = await abandonedCarts(scope, null, t0 + 1000 + HOUR);
    expect(after.rows.map((r) => r.name)).toEqual(["Amna", "Sana"]);
    expect(after.rows[0]).toMatchObject({ phone: "+923335550000", value: 2 * 260_000, gone: 0, lines: [{ title: "Lawn Kurta", variantTitle: "M", quantity: 2, price: 260_000 }] });
    // Exactly at one hour for Sana, not yet for Amna.
    expect((await abandonedCarts(scope, null, t0 + HOUR)).rows.map((r) => r.name)).toEqual(["Sana"]);
  });

  it("leaves out a phone that ordered since, even when her beacon arrived after the order (index-only: the query plan)", async () => {
    const x = await atCheckout();
    const scope = { db: await shopDb(x.seller.shopId), shopId: x.seller.shopId };
    const lines = [{ variantId: x.dupatta.id, quantity: 1 }];
    await placeOrderAt(x.origin, x.zone.id, [[x.dupatta.id, 1]]); // Sana Khan, 0321-5551234
    // The beacon of the field she left just before tapping "Place order" lands after the order.
    await recordIntent(scope, { phone: "03215551234", name: "Sana", lines, locale: "en" });
    await recordIntent(scope, { phone: "03005550001", name: "Hina", lines, locale: "en" });
    expect((await intentOf(x.seller.shopId, "+923215551234"))!.ordered_at).toBeNull();
    const later = Date.now() + 2 * HOUR;
    expect((await abandonedCarts(scope, null, later)).rows.map((r) => r.name)).toEqual(["Hina"]);

    const { sql, params } = abandonedQuery.bind({ shopId: x.seller.shopId, seenBefore: later, afterAt: Number.MAX_SAFE_INTEGER, afterId: Number.MAX_SAFE_INTEGER });
    const plan = (await (await shopD1(x.seller.shopId)).prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((r) => r.detail).join(" | ");
    expect(plan).toContain("checkout_intents_shop_list_idx");
    expect(plan).toMatch(/USING COVERING INDEX orders_shop_phone_idx \(shop_id=\? AND customer_phone=\? AND (?:rowid|id)>\?\)/);
    expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
  });

  it("pages by keyset, newest first; prices are read fresh; the page is no-store and in both languages", async () => {
    const x = await atCheckout();
    const scope = { db: await shopDb(x.seller.shopId), shopId: x.seller.shopId };
    const t0 = Date.now() - 3 * HOUR;
    const n = PAGE_SIZE + 5;
    for (let i = 0; i < n; i++) {
      const phone = `0300${String(1000000 + i)}`;
      await recordIntent(scope, { phone, name: `Customer ${i}`, lines: [{ variantId: x.kurta[0]!.id, quantity: 1 }, { variantId: x.dupatta.id, quantity: 3 }], locale: "en" }, { now: t0 + i * 1000 });
    }
    // The seller changed a price since: the list shows today's.
    await (await shopD1(x.seller.shopId)).prepare("UPDATE variants SET price = 95000 WHERE id = ?").bind(x.dupatta.id).run();
    const base = `${ROOT}/admin/${x.seller.slug}/abandoned`;
    const page1 = await x.seller.client.get(base);
    expect(page1.status).toBe(200);
    expect(page1.headers.get("cache-control")).toBe("private, no-store");
    const names = (html: string) => [...html.matchAll(/<p class="who"><span>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(names(page1.text)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `Customer ${n - 1 - i}`));
    expect(page1.text).toContain("3 × Chiffon Dupatta");
    expect(page1.text).toContain(formatMoney(250_000 + 3 * 95_000, "PKR", "en")); // today's dupatta price
    const next = decode(/href="([^"]+)" rel="next"/.exec(page1.text)![1]!);
    const page2 = await x.seller.client.get(`${ROOT}${next}`);
    expect(names(page2.text)).toEqual(Array.from({ length: 5 }, (_, i) => `Customer ${4 - i}`));
    expect(page2.text).not.toContain('rel="next"');
    // A bad cursor is the first page.
    expect(names((await x.seller.client.get(`${base}?after=x'`)).text)).toHaveLength(PAGE_SIZE);
    // The orders list links to it.
    expect((await x.seller.client.get(`${ROOT}/admin/${x.seller.slug}/orders`)).text).toContain(`href="/admin/${x.seller.slug}/abandoned"`);
    // Urdu.
    await x.seller.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const ur = await x.seller.client.get(base);
    expect(ur.text).toContain('dir="rtl"');
    expect(ur.text).toContain("ادھورے چیک آؤٹ");
    expect(ur.text).toContain("واٹس ایپ پر یاد دلائیں");
  });

  it("reads the page and its carts' lines in the one round trip of the session check; a line no longer for sale (archived, another shop's variant) is gone; a cart's text read as parseCart reads it", async () => {
    const x = await atCheckout();
    // Another shop in x's shard: ids are per database (src/db/shards.ts), so only there is its variant id not one of x's.
    const other = await shopWithCatalogueBeside(x.seller.shopId);
    const scope = { db: await shopDb(x.seller.shopId), shopId: x.seller.shopId };
    const urdu = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";
    const [kurta] = await seedProduct(x.seller.shopId, { title: urdu, variants: [{ title: "بڑا", price: 1_250_000, stock: 3 }] });
    const t0 = Date.now() - 3 * HOUR;
    const lines = [
      { variantId: kurta!.id, quantity: 2 },
      { variantId: x.kurta[1]!.id, quantity: 1 },
      { variantId: x.dupatta.id, quantity: 3 },
      { variantId: other.dupatta.id, quantity: 1 },
    ];
    await recordIntent(scope, { phone: "03215550001", name: "Sana", lines, locale: "ur" }, { now: t0 });
    await recordIntent(scope, { phone: "03215550002", name: "Hina", lines: [{ variantId: x.dupatta.id, quantity: 1 }], locale: "en" }, { now: t0 + 1000 });
    // A cart not in encodeCart's form (never written so): its good segment is read as parseCart reads it.
    await (await shopD1(x.seller.shopId)).prepare("UPDATE checkout_intents SET cart = ? WHERE shop_id = ? AND phone = ?").bind(`zz.${x.kurta[1]!.id}x1.[x.7`, x.seller.shopId, "+923215550002").run();
    await (await shopD1(x.seller.shopId)).prepare("UPDATE products SET status = 'archived' WHERE id = (SELECT product_id FROM variants WHERE id = ?)").bind(x.dupatta.id).run();
    await x.seller.client.get(`${ROOT}/admin/${x.seller.slug}`); // the session's shop recorded
    const res = await x.seller.client.get(`${ROOT}/admin/${x.seller.slug}/abandoned`);
    expect(res.status).toBe(200);
    expect(roundTrips(res)).toBe(1);
    expect(res.text).toContain(`2 × ${urdu}`);
    const page = await abandonedCarts(scope, null);
    expect(page.rows.map((r) => r.name)).toEqual(["Hina", "Sana"]);
    expect(page.rows[0]).toMatchObject({ gone: 0, value: 260_000, lines: [{ title: "Lawn Kurta", variantTitle: "M", quantity: 1, price: 260_000 }] });
    expect(page.rows[1]).toMatchObject({
      gone: 2,
      value: 2 * 1_250_000 + 260_000,
      lines: [
        { title: urdu, variantTitle: "بڑا", quantity: 2, price: 1_250_000 },
        { title: "Lawn Kurta", variantTitle: "M", quantity: 1, price: 260_000 },
      ],
    });
  });

  it("the reminder: one tap marks her reminded and opens WhatsApp with the shop's language and her restore link", async () => {
    const x = await atCheckout();
    await x.intent({ phone: "0321-5551234", name: "Sana" });
    const row = (await intentOf(x.seller.shopId, "+923215551234"))!;
    await age(x.seller.shopId, row.id, 2 * HOUR);
    const page = await x.seller.client.get(`${ROOT}/admin/${x.seller.slug}/abandoned`);
    expect(page.text).toContain(`action="/admin/${x.seller.slug}/abandoned/${row.id}/remind"`);

    const res = await x.seller.client.post(`${ROOT}/admin/${x.seller.slug}/abandoned/${row.id}/remind`, {});
    expect(res.status).toBe(303);
    const wa = new URL(res.location!);
    expect(wa.origin + wa.pathname).toBe("https://wa.me/923215551234");
    const text = wa.searchParams.get("text")!;
    expect(text).toContain("Assalam o alaikum Sana!");
    expect(text).toContain(`${shopOrigin(x.seller.slug)}/cart/restore/${row.token}`);
    expect((await intentOf(x.seller.shopId, "+923215551234"))!.reminded_at).toBeGreaterThan(0);
    expect((await x.seller.client.get(`${ROOT}/admin/${x.seller.slug}/abandoned`)).text).toContain("Remind again on WhatsApp");

    // An Urdu shop's reminder is in Urdu, whatever the seller's own language.
    await (await shopD1(x.seller.shopId)).prepare("UPDATE shops SET locale = 'ur', version = version + 1 WHERE id = ?").bind(x.seller.shopId).run();
    const ur = await x.seller.client.post(`${ROOT}/admin/${x.seller.slug}/abandoned/${row.id}/remind`, {});
    expect(new URL(ur.location!).searchParams.get("text")).toContain("السلام علیکم Sana!");
    // Without the CSRF token: refused.
    expect((await x.seller.client.post(`${ROOT}/admin/${x.seller.slug}/abandoned/${row.id}/remind`, {}, { csrf: false })).status).toBe(403);
  });
});

describe("the restore link", () => {
  it("puts the saved cart in the cookie and lands on the checkout; on the cart when every line is gone", async () => {
    const x = await atCheckout();
    await x.intent({ phone: "0321-5551234", name: "Sana" });
    const { token } = (await intentOf(x.seller.shopId, "+923215551234"))!;
    const phone = new Client(); // her phone, opening WhatsApp's link: no cookie yet
    const res = await phone.get(`${x.origin}/cart/restore/${token}`);
    expect(res.status).toBe(303);
    expect(res.location).toBe("/checkout");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(phone.cookies(new URL(x.origin).host).get("hatti_cart")).toBe(`${x.kurta[1]!.id}x2.${x.dupatta.id}x1`);
    const checkout = await phone.get(`${x.origin}/checkout`);
    expect(checkout.status).toBe(200);
    expect(checkout.text).toContain("Lawn Kurta");
    // Twice works too (she taps it again).
    expect((await phone.get(`${x.origin}/cart/restore/${token}`)).location).toBe("/checkout");

    // The seller unpublished both products meanwhile: the cart page, and the cookie holds nothing gone.
    await (await shopD1(x.seller.shopId)).prepare("UPDATE products SET status = 'draft' WHERE shop_id = ?").bind(x.seller.shopId).run();
    const other = new Client();
    const gone = await other.get(`${x.origin}/cart/restore/${token}`);
    expect(gone.location).toBe("/cart");
    expect(other.cookies(new URL(x.origin).host).get("hatti_cart")).toBeUndefined();
  });

  it("another shop's token, an unknown or a malformed one is the shop's 404; a used or expired one lands on her cart with a message", async () => {
    const x = await atCheckout();
    const y = await atCheckout();
    await x.intent({ phone: "0321-5551234", name: "Sana" });
    await y.intent({ phone: "0321-5551234", name: "Sana" });
    const mine = (await intentOf(x.seller.shopId, "+923215551234"))!;
    const theirs = (await intentOf(y.seller.shopId, "+923215551234"))!;
    const visitor = new Client();
    for (const t of [theirs.token, "A".repeat(24), "short", "..%2F..%2Fadmin", `${mine.token}x`]) {
      const res = await visitor.get(`${x.origin}/cart/restore/${t}`);
      expect(res.status, t).toBe(404);
      expect(visitor.cookies(new URL(x.origin).host).get("hatti_cart"), t).toBeUndefined();
    }

    // Expired: past its 30 days (not yet swept).
    await age(x.seller.shopId, mine.id, INTENT_KEEP_MS + HOUR);
    const expired = await visitor.get(`${x.origin}/cart/restore/${mine.token}`);
    expect(expired.status).toBe(410);
    expect(expired.headers.get("cache-control")).toBe("private, no-store");
    expect(expired.text).toContain("This link has expired.");
    expect(visitor.cookies(new URL(x.origin).host).get("hatti_cart")).toBeUndefined();

    // Used: she ordered since.
    await placeOrderAt(y.origin, y.zone.id, [[y.dupatta.id, 1]]);
    const used = await visitor.get(`${y.origin}/cart/restore/${theirs.token}`);
    expect(used.status).toBe(410);
    expect(used.text).toContain("This link was for a cart you have already ordered.");
    expect(visitor.cookies(new URL(y.origin).host).get("hatti_cart")).toBeUndefined();
  });
});

describe("keeping entered numbers 30 days", () => {
  it("the cron deletes intents past 30 days in bounded chunks, oldest first, and keeps the rest", async () => {
    const x = await atCheckout();
    await x.intent({ phone: "0321-5551234", name: "Sana" });
    const fresh = (await intentOf(x.seller.shopId, "+923215551234"))!;
    const now = Date.now();
    // 2,100 expired intents (from 31 to 40 days old) straight into D1.
    await (await shopD1(x.seller.shopId)).prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2100)
       INSERT INTO checkout_intents (shop_id, phone, name, cart, locale, token, created_at, updated_at)
       SELECT ?1, '+92301' || printf('%07d', n), '', '1x1', 'en', 'sweep-' || n || '-' || ?3, ?2 - n * 400000, ?2 - n * 400000 FROM seq`,
    )
      .bind(x.seller.shopId, now - INTENT_KEEP_MS - 60_000, uniq("t"))
      .run();
    // Just inside 30 days: kept.
    await age(x.seller.shopId, fresh.id, INTENT_KEEP_MS - HOUR);
    const count = async () => (await one<{ n: number }>("SELECT count(*) AS n FROM checkout_intents WHERE shop_id = ?", x.seller.shopId))!.n;
    expect(await count()).toBe(2101);

    expect(await sweepIntents(await shopDb(x.seller.shopId), now)).toBe(2000); // 4 chunks of 500: the rest wait for the next run
    expect(await count()).toBe(101);
    const left = await all<{ phone: string }>("SELECT phone FROM checkout_intents WHERE shop_id = ? AND id <> ? ORDER BY updated_at DESC LIMIT 1", x.seller.shopId, fresh.id);
    expect(left[0]!.phone).toBe("+923010000001"); // the youngest of the expired ones: oldest went first

    // The Worker's cron composes the sweep.
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/5 * * * *", scheduledTime: now }), env as never, ctx);
    await waitOnExecutionContext(ctx);
    expect((await intentsOf(x.seller.shopId)).map((r) => r.id)).toEqual([fresh.id]);
  });
});

describe("isolation", () => {
  it("a seller sees only her own shop's abandoned checkouts and cannot remind another shop's", async () => {
    const a = await atCheckout();
    const b = await atCheckout();
    await b.intent({ phone: "0345-5559999", name: `Secret buyer ${b.seller.slug}` });
    const theirs = (await intentOf(b.seller.shopId, "+923455559999"))!;
    await age(b.seller.shopId, theirs.id, 2 * HOUR);
    const before = await intentsOf(b.seller.shopId);
    const list = await a.seller.client.get(`${ROOT}/admin/${a.seller.slug}/abandoned`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain("Secret buyer");
    expect((await a.seller.client.post(`${ROOT}/admin/${a.seller.slug}/abandoned/${theirs.id}/remind`, {})).status).toBe(404);
    expect((await a.seller.client.get(`${ROOT}/admin/${b.seller.slug}/abandoned`)).status).toBe(404);
    expect(await intentsOf(b.seller.shopId)).toEqual(before);
    expect((await b.seller.client.get(`${ROOT}/admin/${b.seller.slug}/abandoned`)).text).toContain("Secret buyer");
  });
});
