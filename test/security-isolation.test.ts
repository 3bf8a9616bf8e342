/**
 * Tenant isolation proven route by route. The admin routes are read from the router
 * (security-routes.ts), never listed by hand: a route added tomorrow is called here too, and
 * a route with a new kind of id fails until this test is taught which of shop B's ids it takes.
 */
import { describe, expect, it } from "vitest";
import { Client, inShardOf, provePhone, ROOT, shopOrigin, signUp } from "./helpers";
import { one, postMultipart } from "./admin-helpers";
import { furnishedShop, snapshot } from "./fixtures/shops";
import { webp } from "./media-fixtures";
import { ADMIN_SHOP, adminShopHandlers, appRoutes, fill, handlers, paramsOf, type Route } from "./security-routes";

/** A plausible, valid body for each state-changing route, so a 404 comes from the id check, not validation. */
function bodyFor(path: string, variantId: string): Record<string, string> {
  const tail = path.slice(ADMIN_SHOP.length).replace(/\{(?:[^{}]|\{[^}]*\})*\}/g, "");
  const forms: Record<string, Record<string, string>> = {
    "/products/:id": { title: "Hacked", description: "", price: "1", compareAt: "", status: "active", trackStock: "on", v0_key: "", v0_id: variantId, v0_stock: "0", v0_sku: "", intent: "save" },
    "/products/:id/quick": { price: "1", [`stock_${variantId}`]: "0" },
    "/products/:id/status": { status: "archived" },
    "/products/:id/move": { dir: "up" },
    "/products/:id/photos/:imageId/move": { dir: "up" },
    "/collections/:id": { title: "Hacked", description: "" },
    "/collections/:id/move": { dir: "up" },
    "/pages/:id": { title: "Hacked", body: "x", published: "on" },
    "/settings/zones/:id": { name: "Hacked", fee: "0", freeAbove: "" },
    "/orders/:id/status": { from: "new", to: "confirmed" },
    "/orders/:id/note": { note: "Hacked" },
    "/customers/:id": { note: "Hacked", tags: "Hacked" },
    "/discounts/:id": { mode: "code", code: "HACKED", kind: "percent", percent: "99", scope: "order", active: "on", intent: "save" },
    "/discounts/:id/active": { active: "off" },
  };
  return forms[tail] ?? {};
}

async function call(client: Client, r: Route, url: string, variantId: string) {
  if (r.method === "GET") return client.get(url);
  if (r.method !== "POST") throw new Error(`untested method ${r.method} ${r.path}`);
  if (r.path.endsWith("/photos")) {
    const fd = new FormData();
    fd.append("w320", new Blob([webp(320, 240) as Uint8Array<ArrayBuffer>], { type: "image/webp" }), "320.webp");
    return postMultipart(client, url, fd, { accept: "application/json" });
  }
  return client.post(url, bodyFor(r.path, variantId));
}

const idParams = (r: Route) => paramsOf(r.path).filter((p) => p.key !== "admin/:shop");

describe("tenant isolation, enumerated from the router", () => {
  it("finds the admin routes with every kind of id", () => {
    const routes = adminShopHandlers();
    expect(routes.length).toBeGreaterThan(40);
    const keys = new Set(routes.flatMap(idParams).map((p) => p.key));
    // If this changes, the ids table of furnishedShop() must learn the new key.
    expect([...keys].sort()).toEqual(["abandoned/:id", "collections/:id", "customers/:id", "discounts/:id", "invitations/:id", "media/*", "orders/:id", "pages/:id", "pending/:pid", "photos/:imageId", "products/:id", "shipments/:id", "staff/:userId", "zones/:id"].sort());
  });

  it("404s shop B's ids under shop A on every admin route, and with B's slug every route; B is unchanged", async () => {
    const a = await furnishedShop();
    const b = await inShardOf(a.shopId, furnishedShop);
    const before = await snapshot(b.shopId);
    const routes = adminShopHandlers();
    let withIds = 0;
    for (const r of routes) {
      const params = idParams(r);
      if (params.length === 0) continue;
      withIds++;
      // Every mix: all of B's ids, and A's parent with B's child (e.g. A's product, B's photo).
      const mixes: Record<string, string>[] = [{ ...b.ids, "admin/:shop": a.slug }];
      for (let i = 1; i < params.length; i++) {
        const mix: Record<string, string> = { ...b.ids, "admin/:shop": a.slug };
        for (const p of params.slice(0, i)) mix[p.key] = a.ids[p.key]!;
        mixes.push(mix);
      }
      for (const values of mixes) {
        const url = ROOT + fill(r.path, values);
        const res = await call(a.client, r, url, String(b.variantId));
        expect(res.status, `${r.method} ${url}`).toBe(404);
      }
    }
    expect(withIds).toBeGreaterThan(25);

    // With B's slug, every admin route (with B's own ids) is a 404 for A.
    for (const r of routes) {
      const url = ROOT + fill(r.path, b.ids);
      const res = await call(a.client, r, url, String(b.variantId));
      expect(res.status, `${r.method} ${url}`).toBe(404);
    }

    // A's own product form and quick edit cannot reach B's variant through the body.
    const mine = a.ids["products/:id"]!;
    await a.client.post(`${ROOT}/admin/${a.slug}/products/${mine}`, bodyFor(`${ADMIN_SHOP}/products/:id`, String(b.variantId)));
    await a.client.post(`${ROOT}/admin/${a.slug}/products/${mine}/quick`, bodyFor(`${ADMIN_SHOP}/products/:id/quick`, String(b.variantId)));

    // A's pages without ids show nothing of B (lists, exports, dashboard).
    for (const r of routes.filter((x) => x.method === "GET" && idParams(x).length === 0)) {
      const res = await a.client.get(ROOT + fill(r.path, a.ids));
      expect(res.status, r.path).toBeLessThan(500);
      for (const secret of [b.slug, `Secret ${b.slug}`, `SKU-${b.slug}`, `Buyer ${b.slug}`]) expect(res.text, `${r.path} shows ${secret}`).not.toContain(secret);
    }

    // The CSV exports of A, over a range that holds B's order, hold nothing of B.
    // Karachi dates (UTC+5), from yesterday so an order placed just before midnight is in range.
    const karachiDay = (ms: number) => new Date(ms + 5 * 3600_000).toISOString().slice(0, 10);
    const [yesterday, today] = [karachiDay(Date.now() - 86_400_000), karachiDay(Date.now())];
    for (const url of [`${ROOT}/admin/${a.slug}/orders/export?from=${yesterday}&to=${today}`, `${ROOT}/admin/${a.slug}/csv/export`]) {
      const csv = await a.client.get(url);
      expect(csv.status, url).toBe(200);
      // A's own rows are there (her product was renamed "Hacked" by the body-smuggling step above).
      expect(csv.text).toContain(url.includes("/orders/") ? `Buyer ${a.slug}` : "Hacked");
      for (const secret of [`Secret ${b.slug}`, `SKU-${b.slug}`, `Buyer ${b.slug}`]) expect(csv.text, `${url} shows ${secret}`).not.toContain(secret);
    }

    expect(await snapshot(b.shopId)).toEqual(before);
    expect(before.orders).toHaveLength(1);
    // The product's photo, the photo waiting on a new-product form, the courier's label and the order's proof of payment.
    expect(before.r2).toHaveLength(4);
    expect(before.pending_uploads).toHaveLength(1);
  });
});

describe("staff and the owner-only areas", () => {
  it("takes the owner-only set from the router's requireOwner middleware and 404s all of it for staff", async () => {
    const owned = appRoutes()
      .filter((r) => r.method === "ALL" && r.handlerName === "ownerRequired")
      .map((r) => r.path.slice(ADMIN_SHOP.length + 1).replace(/\/\*$/, ""))
      .sort();
    // Settings (details, payments, zones), the gateways' and couriers' credentials, the custom domain, theme and staff management are the owner's alone.
    expect(owned).toEqual(["couriers/settings", "domain", "gateways", "settings", "staff", "theme"]);
    const ownerOnly = (r: Route) => owned.some((p) => r.path === `${ADMIN_SHOP}/${p}` || r.path.startsWith(`${ADMIN_SHOP}/${p}/`));

    const s = await furnishedShop();
    const staff = await signUp({ name: "Staff member" });
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/staff`, { contact: staff.login })).status).toBe(303);
    const invitation = (await one<{ id: number }>("SELECT id FROM invitations WHERE shop_id = ? AND contact = ?", s.shopId, `+92${staff.login.slice(1)}`))!;
    await provePhone(staff);
    expect((await staff.client.post(`${ROOT}/admin/shops/invitations/${invitation.id}/accept`, {})).status).toBe(303);
    expect(await one("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.shop_id = ? AND u.name = 'Staff member'", s.shopId)).toEqual({ role: "staff" });
    const before = await snapshot(s.shopId);

    const routes = adminShopHandlers();
    const restricted = routes.filter(ownerOnly);
    expect(restricted.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([
      `GET ${ADMIN_SHOP}/settings`, `POST ${ADMIN_SHOP}/settings`, `GET ${ADMIN_SHOP}/settings/payments`, `POST ${ADMIN_SHOP}/settings/zones`,
      `GET ${ADMIN_SHOP}/theme`, `POST ${ADMIN_SHOP}/theme`, `GET ${ADMIN_SHOP}/staff`, `POST ${ADMIN_SHOP}/staff`,
    ]));
    for (const r of restricted) {
      const url = ROOT + fill(r.path, s.ids);
      expect((await call(staff.client, r, url, String(s.variantId))).status, `${r.method} ${url}`).toBe(404);
    }
    expect(await snapshot(s.shopId)).toEqual(before);

    // Everything else staff can open (so the owner-only set is exactly the one above).
    for (const r of routes.filter((x) => x.method === "GET" && !ownerOnly(x))) {
      const url = ROOT + fill(r.path, s.ids);
      const { status } = await staff.client.get(url);
      expect(status !== 404 && status < 500, `${url}: ${status}`).toBe(true);
    }
    // And the shop hub does not link to what staff cannot open.
    const hub = await staff.client.get(`${ROOT}/admin/${s.slug}/shop`);
    for (const p of owned) expect(hub.text).not.toContain(`/admin/${s.slug}/${p}"`);
  });
});

describe("storefront isolation, enumerated from the router", () => {
  it("404s shop B's slugs, order token and photos on shop A's storefront, and A's cart refuses B's variant", async () => {
    const a = await furnishedShop();
    const b = await furnishedShop();
    const before = await snapshot(b.shopId);
    const visitor = new Client();
    const withParams = handlers("/_s").filter((r) => r.method === "GET" && paramsOf(r.path).length > 0);
    expect(withParams.map((r) => r.path)).toEqual(expect.arrayContaining(["/_s/products/:slug", "/_s/orders/:token", "/_s/media/*"]));
    for (const r of withParams) {
      // Sanity: on B's own storefront the same URL works (a cart's restore link answers with a redirect).
      const path = fill(r.path, b.ids);
      expect((await visitor.get(shopOrigin(b.slug) + path)).status, `B ${path}`).toBe(r.path.startsWith("/_s/cart/restore/") ? 303 : 200);
      expect((await visitor.get(shopOrigin(a.slug) + path)).status, `A ${path}`).toBe(404);
    }
    // Path tricks on the photo routes: B's object through A's prefix, encoded or not.
    const bKey = b.ids["media/*"]!.replace(/^shops\/\d+\//, "");
    for (const trick of [`shops/${a.shopId}/../${b.shopId}/${bKey}`, `shops/${a.shopId}/..%2F${b.shopId}%2F${bKey}`, `shops/${a.shopId}%2F..%2F${b.shopId}/${bKey}`, `shops%2F${b.shopId}%2F${bKey}`]) {
      expect((await visitor.get(`${shopOrigin(a.slug)}/media/${trick}`)).status, trick).toBe(404);
      expect((await a.client.get(`${ROOT}/admin/${a.slug}/media/${trick}`)).status, `admin ${trick}`).toBe(404);
    }
    const customer = new Client();
    const add = await customer.post(`${shopOrigin(a.slug)}/cart/add`, { variant: String(b.variantId), quantity: "1" }, { csrf: false });
    expect(add.status).toBeGreaterThanOrEqual(400);
    const cart = await customer.get(`${shopOrigin(a.slug)}/cart`);
    expect(cart.text).not.toContain(`Secret ${b.slug}`);
    expect((await customer.get(`${shopOrigin(a.slug)}/checkout`)).status).toBe(303); // an empty cart goes back to the cart
    expect(await snapshot(b.shopId)).toEqual(before);
  });
});
