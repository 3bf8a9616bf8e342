/**
 * Soak: many concurrent clients browse, fill carts, check out (some tapping twice) while the
 * seller confirms and cancels orders and edits prices; halfway through the local runtime is
 * restarted. Afterwards the data must hold: every accepted order stored once with its items,
 * stock = initial - sold + restocked for every variant, no 5xx, no orphaned R2 objects.
 *
 * It measures orders, not refusals: each customer posts from her own address (so the per-address
 * checkout limit is not what refuses her), stock is ample except on a few scarce variants (which
 * still sell out under contention), and every refusal is counted by the reason the page states in
 * its `data-refusal` marker (src/checkout/review.ts), never by its translated text.
 *
 * Short form in `npm test`; `npm run soak` runs it longer with more clients
 * (SOAK_SECONDS, SOAK_CLIENTS).
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ES module without types
import { openLocal } from "../../scripts/lib/backup.mjs";
import { HttpClient } from "./http";
import { LocalRuntime } from "./server";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 10);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 6);
const SHOP = "demo";
const CSRF = "soak-csrf-token-0123456789abcdefghijkl";

const runtime = new LocalRuntime("hatti-soak-");
afterAll(async () => {
  await runtime.stop();
  runtime.remove();
});

type Row = Record<string, unknown>;
async function query<T = Row>(sql: string, ...params: unknown[]): Promise<T[]> {
  const mf = openLocal(runtime.dir);
  try {
    const db = await mf.getD1Database("DB");
    return (await db.prepare(sql).bind(...params).all()).results as T[];
  } finally {
    await mf.dispose();
  }
}

interface Accepted {
  token: string;
  key: string;
  lines: Map<number, number>;
}

/** Variants that keep the seed's few units (3-15), so orders still race for the last ones. */
const SCARCE = 4;
const AMPLE = 100_000;

/**
 * Customer `n` of client `i`: her own address. `wrangler dev` passes a client's CF-Connecting-IP
 * through to the Worker (miniflare sets it only when a request has none); after the run the
 * soak checks that the Worker counted the addresses apart.
 */
const address = (i: number, n: number) => `10.${i % 256}.${(n >> 8) % 256}.${n % 256}`;

type Reason = "soldOut" | "rateLimit" | "priceChanged" | "other";
/** The reason of a refused checkout, from its status and the page's `data-refusal` marker. */
function reasonOf(status: number, body: string): { reason: Reason; marker: string } {
  const marker = /<p class="co-alert" role="alert" data-refusal="([a-z-]+)"/.exec(body)?.[1] ?? `none (${status})`;
  if (status === 429 && marker === "rate-limit") return { reason: "rateLimit", marker };
  if (marker === "sold-out" || marker === "short") return { reason: "soldOut", marker };
  if (marker === "price-changed") return { reason: "priceChanged", marker };
  return { reason: "other", marker };
}

/** The subtotal a checkout page showed (its hidden `seen` field), as the browser posts it back. */
const seenOf = (body: string) => /<input type="hidden" name="seen" value="(\d+)"\/>/.exec(body)?.[1];

describe("soak", () => {
  it(`keeps every invariant under ${CLIENTS} clients for ${SECONDS} s with a restart`, { timeout: (SECONDS + 150) * 1000 }, async () => {
    await runtime.prepare([SHOP], inject("migrated"));
    // Ample stock, so the soak measures orders: every variant in stock gets plenty, except the
    // first few, which keep the seed's handful (sold-out products stay sold out).
    await query(
      `UPDATE variants SET stock = ? WHERE stock > 0 AND shop_id = (SELECT id FROM shops WHERE slug = ?) AND id NOT IN
         (SELECT v.id FROM variants v JOIN shops s ON s.id = v.shop_id WHERE s.slug = ? AND v.stock > 0 ORDER BY v.id LIMIT ?)`,
      AMPLE,
      SHOP,
      SHOP,
      SCARCE,
    );
    const variants = await query<{ id: number; stock: number; slug: string; track: number }>(
      `SELECT v.id, v.stock, p.slug, p.track_stock AS track FROM variants v JOIN products p ON p.id = v.product_id JOIN shops s ON s.id = p.shop_id WHERE s.slug = ?`,
      SHOP,
    );
    const zones = await query<{ id: number }>(`SELECT z.id FROM delivery_zones z JOIN shops s ON s.id = z.shop_id WHERE s.slug = ?`, SHOP);
    const products = [...new Set(variants.map((v) => v.slug))];
    const initial = new Map(variants.map((v) => [v.id, v.stock]));
    await runtime.start();

    const host = `${SHOP}.localhost`;
    const platform = "localhost";
    const deadline = Date.now() + SECONDS * 1000;
    const accepted = new Map<string, Accepted>();
    const keysSent = new Set<string>();
    const fiveXX: string[] = [];
    const refused: Record<Reason, number> = { soldOut: 0, rateLimit: 0, priceChanged: 0, other: 0 };
    const markers = new Map<string, number>();
    const refuse = (r: { status: number; body: string }) => {
      const { reason, marker } = reasonOf(r.status, r.body);
      refused[reason]++;
      markers.set(marker, (markers.get(marker) ?? 0) + 1);
      return reason;
    };
    let down = false;
    const pick = <T,>(a: T[]) => a[Math.floor(Math.random() * a.length)]!;

    /** Runs a request; connection errors while the runtime restarts are retried, 5xx recorded. */
    const call = async (fn: () => ReturnType<HttpClient["get"]>, what: string) => {
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          const r = await fn();
          if (r.status >= 500) fiveXX.push(`${what} -> ${r.status}`);
          return r;
        } catch {
          await new Promise((res) => setTimeout(res, down ? 500 : 100));
        }
      }
      throw new Error(`${what}: no answer after retries`);
    };

    const customer = async (_: unknown, i: number) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const c = new HttpClient(runtime.port, address(i, n));
        await call(() => c.get(host, "/"), "home");
        await call(() => c.get(host, `/products/${pick(products)}`), "product");
        const lines = new Map<number, number>();
        for (let i = 0; i < 1 + Math.floor(Math.random() * 2); i++) {
          const v = pick(variants).id;
          const q = 1 + Math.floor(Math.random() * 2);
          await call(() => c.post(host, "/cart/add", { variant: String(v), quantity: String(q) }), "cart/add");
          lines.set(v, (lines.get(v) ?? 0) + q);
        }
        await call(() => c.get(host, "/cart"), "cart");
        // The checkout page, whose total she posts back (`seen`): a price the seller changed
        // meanwhile is refused, and she places the order again at the new price.
        const page = await call(() => c.get(host, "/checkout"), "checkout page");
        const key = randomBytes(18).toString("base64url");
        keysSent.add(key);
        const form: Record<string, string> = { key, name: "Soak Customer", phone: "0300 1234567", city: "Lahore", address: "House 1, Street 2", zone: String(pick(zones).id), payment: "cod" };
        const seen = seenOf(page.body);
        if (seen) form.seen = seen;
        // Sometimes a double tap: the same form twice, which must give one order.
        let taps = Math.random() < 0.25 ? 2 : 1;
        let again = true;
        for (let t = 0; t < taps; t++) {
          const r = await call(() => c.post(host, "/checkout", form), "checkout");
          const m = /^\/orders\/([A-Za-z0-9_-]+)/.exec(r.location ?? "");
          if (r.status === 303 && m) {
            const prev = accepted.get(key);
            if (prev) expect(prev.token).toBe(m[1]);
            else accepted.set(key, { token: m[1]!, key, lines });
            // The second tap lands on an emptied cart's order: keep the first order's lines.
          } else if (r.status === 409 || r.status === 400 || r.status === 429) {
            if (refuse(r) === "priceChanged" && again && seenOf(r.body)) {
              again = false;
              form.seen = seenOf(r.body)!;
              taps++;
            }
          } else if (r.status !== 303) {
            fiveXX.push(`checkout -> ${r.status}`);
          }
          if (t === 0 && taps === 2) c.cookie(host, "hatti_cart", [...lines].map(([v, q]) => `${v}x${q}`).join("."));
        }
      }
    };

    const seller = async () => {
      const c = new HttpClient(runtime.port);
      c.cookie(platform, "hatti_csrf", CSRF);
      const login = await call(() => c.post(platform, "/login", { _csrf: CSRF, login: "03001234567", password: "hatti-demo-2026" }), "login");
      expect(login.status).toBe(303);
      while (Date.now() < deadline) {
        const list = await call(() => c.get(platform, `/admin/${SHOP}/orders?status=new`), "orders");
        const ids = [...list.body.matchAll(new RegExp(`/admin/${SHOP}/orders/(\\d+)`, "g"))].map((m) => m[1]!);
        if (ids.length) {
          const id = pick(ids);
          const to = Math.random() < 0.5 ? "cancelled" : "confirmed";
          await call(() => c.post(platform, `/admin/${SHOP}/orders/${id}/status`, { _csrf: CSRF, from: "new", to }), "status");
        }
        const productsPage = await call(() => c.get(platform, `/admin/${SHOP}/products`), "products");
        const pid = pick([...productsPage.body.matchAll(new RegExp(`/admin/${SHOP}/products/(\\d+)`, "g"))].map((m) => m[1]!));
        if (pid) await call(() => c.post(platform, `/admin/${SHOP}/products/${pid}/quick`, { _csrf: CSRF, price: String(500 + Math.floor(Math.random() * 3000)) }), "quick price");
        await new Promise((r) => setTimeout(r, 150));
      }
    };

    const restart = async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
      down = true;
      await runtime.stop();
      await runtime.start();
      down = false;
    };

    await Promise.all([...Array.from({ length: CLIENTS }, customer), seller(), restart()]);
    await runtime.stop();
    const refusals = Object.values(refused).reduce((a, b) => a + b, 0);
    const addresses = (await query<{ n: number }>(`SELECT count(*) AS n FROM rate_limits WHERE key LIKE 'checkout:ip:10.%'`))[0]!.n;
    console.log(
      `soak: ${accepted.size} orders accepted, ${refusals} checkouts refused (${refused.soldOut} sold out, ${refused.rateLimit} rate limit, ` +
        `${refused.priceChanged} changed price, ${refused.other} other; by marker: ${[...markers].map(([k, v]) => `${k} ${v}`).join(", ") || "none"}), ` +
        `${addresses} customer addresses counted`,
    );

    // ---- invariants, read straight from the local D1 and R2 after the runtime stopped
    expect(fiveXX).toEqual([]);
    expect(accepted.size).toBeGreaterThan(0);
    const orders = await query<{ id: number; token: string; idempotency_key: string; status: string }>(
      `SELECT o.id, o.token, o.idempotency_key, o.status FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.slug = ?`,
      SHOP,
    );
    const byToken = new Map(orders.map((o) => [o.token, o]));
    const items = await query<{ order_id: number; variant_id: number; quantity: number; stock_tracked: number }>(
      `SELECT i.order_id, i.variant_id, i.quantity, i.stock_tracked FROM order_items i JOIN shops s ON s.id = i.shop_id WHERE s.slug = ?`,
      SHOP,
    );
    // Every accepted order is stored exactly once, with the lines the customer ordered (a line
    // that sold out before checkout is flagged and left out, never charged).
    for (const a of accepted.values()) {
      const o = byToken.get(a.token);
      expect(o, a.token).toBeDefined();
      expect(o!.idempotency_key).toBe(a.key);
      const got = new Map<number, number>();
      for (const i of items.filter((i) => i.order_id === o!.id)) got.set(i.variant_id, (got.get(i.variant_id) ?? 0) + i.quantity);
      expect(got.size).toBeGreaterThan(0);
      for (const [variant, qty] of got) expect(qty, `order ${a.token} variant ${variant}`).toBe(a.lines.get(variant));
    }
    expect(new Set(orders.map((o) => o.idempotency_key)).size).toBe(orders.length);
    for (const o of orders) expect(keysSent.has(o.idempotency_key), `unknown order ${o.token}`).toBe(true);

    // stock = initial - sold + restocked, for every variant.
    const status = new Map(orders.map((o) => [o.id, o.status]));
    const expected = new Map(initial);
    for (const i of items) {
      if (!i.stock_tracked) continue;
      const restocked = ["cancelled", "returned"].includes(status.get(i.order_id)!);
      if (!restocked) expected.set(i.variant_id, expected.get(i.variant_id)! - i.quantity);
    }
    const final = await query<{ id: number; stock: number }>(`SELECT v.id, v.stock FROM variants v JOIN shops s ON s.id = v.shop_id WHERE s.slug = ?`, SHOP);
    for (const v of final) expect(v.stock, `variant ${v.id}`).toBe(expected.get(v.id));

    // The per-status counters the admin reads agree with the orders themselves.
    const counts = await query<{ status: string; n: number }>(`SELECT c.status, c.n FROM order_counts c JOIN shops s ON s.id = c.shop_id WHERE s.slug = ? AND c.n > 0 ORDER BY c.status`, SHOP);
    const grouped = await query<{ status: string; n: number }>(`SELECT o.status, count(*) AS n FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.slug = ? GROUP BY o.status ORDER BY o.status`, SHOP);
    expect(counts).toEqual(grouped);

    // No orphaned photos: every R2 object of the shop belongs to a product photo or a theme image.
    const mf = openLocal(runtime.dir);
    try {
      const db = await mf.getD1Database("DB");
      const r2 = await mf.getR2Bucket("MEDIA");
      const shop = (await db.prepare("SELECT id, theme_settings FROM shops WHERE slug = ?").bind(SHOP).first()) as { id: number; theme_settings: string };
      const keys = new Set(((await db.prepare("SELECT key FROM product_images WHERE shop_id = ?").bind(shop.id).all()).results as { key: string }[]).map((r) => r.key));
      const listed = await r2.list({ prefix: `shops/${shop.id}/` });
      for (const o of listed.objects) {
        const prefix = o.key.slice(0, o.key.lastIndexOf("/"));
        expect(keys.has(prefix) || shop.theme_settings.includes(prefix), o.key).toBe(true);
      }
    } finally {
      await mf.dispose();
    }

    // Most checkouts succeed: stock is ample, and each customer has her own address, which the
    // Worker sees (it counted them apart), so the per-address limit refuses none of them.
    expect(refused.rateLimit).toBe(0);
    expect(addresses).toBeGreaterThanOrEqual(accepted.size);
    expect(accepted.size).toBeGreaterThan(refusals);
    console.log(`soak: ${accepted.size} orders accepted, ${refusals} refused, ${orders.length} stored, runtime restarted once`);
  });
});
