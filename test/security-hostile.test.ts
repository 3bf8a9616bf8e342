/**
 * The hostile corpus (fixtures/hostile.ts) through every text field of every form: sign-up,
 * shop wizard, product (title, description, SKU, option name and values), collection, page,
 * theme text settings, shop details, payment accounts, delivery zone, checkout (name, city,
 * address, note, reference) and the seller's order note. Each value must be accepted (NUL may be
 * stripped), stored exactly, and shown back as text on every page that shows it: storefront,
 * admin, packing slip, order status page. No page may run anything (security-html.ts audits
 * tags, handlers, script URLs and CSP hashes), nothing is a 500, and the CSV exports neutralise
 * formula-looking cells.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { splitValues } from "../src/products/form";
import { parseCsv } from "../src/csv/parse";
import { Client, ROOT, TEST_CSRF, sellerWithShop, shopD1, shopOrigin, uniq, uniqPhone, type Res } from "./helpers";
import { all, one, postMultipart } from "./admin-helpers";
import { checkoutKey } from "./checkout-fixtures";
import { HOSTILE, hostileBody, hostileRun, ONE_MB, shownOf, type Hostile } from "./fixtures/hostile";
import { auditHtml } from "./security-html";
import { themeForm as postedTheme } from "./theme-form";
import { themeById } from "../themes";

/** Decodes HTML entities in one pass (so "&amp;lt;" stays "&lt;"). */
export const decodeHtml = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
  );

async function postRaw(client: Client, url: string, fields: Record<string, string | string[]>, payload: string[], h: Hostile, headers: Record<string, string> = {}): Promise<Res> {
  const { origin, host } = new URL(url);
  const platform = host === new URL(ROOT).host;
  if (platform) client.cookies(host).set("hatti_csrf", TEST_CSRF);
  const body = hostileBody(platform ? { _csrf: TEST_CSRF, ...fields } : fields, payload, h);
  return client.fetch(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers } });
}

/** Accepted with a redirect; anything else is reported with the page's text. */
function accepted(res: Res, what: string) {
  expect(res.status, `${what}: ${res.status} ${res.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 400)}`).toBe(303);
}

/** The page is clean, shows each value as text, and never holds markup-bearing values raw. */
async function showsLiterally(client: Client, url: string, values: string[], h: Hostile) {
  const res = await client.get(url);
  expect(res.status, url).toBe(200);
  expect(await auditHtml(res.text, res.headers.get("content-security-policy")), url).toEqual([]);
  if (shownOf(h).includes("<")) expect(res.text.includes(shownOf(h)), `${url} holds the raw value`).toBe(false);
  const text = decodeHtml(res.text);
  for (const v of values) expect(text.includes(v), `${url} does not show ${JSON.stringify(v)}`).toBe(true);
  return res;
}

/** The theme form with `v` in the announcement and in a banner's heading and text. */
const themeForm = (v: string) => postedTheme(themeById("classic"), { s_announcement: v }, [{ type: "image-banner", settings: { heading: v, text: v } }, { type: "newest", settings: {} }]);

/** Cells a spreadsheet would run as a formula must start with an apostrophe. */
function csvProblems(csv: string, h: Hostile): string[] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) return [`unparseable CSV: ${parsed.error}`];
  const cells = parsed.rows.flat();
  const out = cells.filter((c) => /^[=+\-@\t\r]/.test(c)).map((c) => `formula cell ${c}`);
  const v = shownOf(h);
  const expected = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  if (!cells.includes(expected)) out.push(`no cell ${JSON.stringify(expected)}`);
  return out;
}

const run = hostileRun();
describe(`hostile text through every form (${run.label})`, () => {
  for (const h of run.entries) {
    it(`${h.name}: stored and shown literally everywhere, never markup, never a 500`, async () => {
      const v = shownOf(h);
      const ip = { "cf-connecting-ip": uniq("ip") };
      // Sign-up and the shop wizard.
      const seller = new Client();
      accepted(await postRaw(seller, `${ROOT}/signup`, { login: uniqPhone(), password: "correct horse battery" }, ["name"], h, ip), "sign-up name");
      const slug = uniq("hx");
      accepted(await postRaw(seller, `${ROOT}/start/theme`, { slug, theme: "classic" }, ["name"], h), "shop name");
      const shop = (await one<{ id: number; name: string }>("SELECT id, name FROM shops WHERE slug = ?", slug))!;
      expect(shop.name).toBe(v);
      expect((await one<{ name: string }>("SELECT u.name FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.shop_id = ?", shop.id))!.name).toBe(v);
      const A = `${ROOT}/admin/${slug}`;

      // Shop details, payment accounts, a delivery zone, the theme's text settings.
      accepted(await postRaw(seller, `${A}/settings`, { whatsapp: "", phone: "", email: "", currency: "PKR", locale: "en" }, ["name", "description", "city"], h), "settings");
      expect(await one("SELECT name, description, city FROM shops WHERE id = ?", shop.id)).toEqual({ name: v, description: v, city: v });
      accepted(await postRaw(seller, `${A}/settings/payments`, { codEnabled: "on", jazzcashEnabled: "on", jazzcashNumber: "03001234567", bankEnabled: "on" }, ["jazzcashTitle", "bankTitle", "bankNumber", "bankBank"], h), "payments");
      accepted(await postRaw(seller, `${A}/settings/zones`, { fee: "100", freeAbove: "" }, ["name"], h), "zone");
      const zone = (await one<{ id: number; name: string }>("SELECT id, name FROM delivery_zones WHERE shop_id = ? ORDER BY id DESC LIMIT 1", shop.id))!;
      expect(zone.name).toBe(v);
      const theme = await postMultipart(seller, `${A}/theme`, themeForm(h.value));
      accepted(theme, "theme");
      expect(JSON.parse((await one<{ theme_settings: string }>("SELECT theme_settings FROM shops WHERE id = ?", shop.id))!.theme_settings)).toMatchObject({ sections: [{ settings: { heading: v, text: v } }, {}], announcement: v });

      // Catalogue: a product with an option, a collection, a page.
      const values = splitValues(v);
      // One variant row per option value (as the form's "Update variants" step draws them); row 0's SKU is the payload.
      const rowFields: Record<string, string> = {};
      values.forEach((val, i) => Object.assign(rowFields, { [`v${i}_key`]: val, [`v${i}_id`]: "", [`v${i}_stock`]: "5" }, i ? { [`v${i}_sku`]: `S${i}` } : {}));
      const product = await postRaw(seller, `${A}/products`, { price: "1,500", compareAt: "", status: "active", trackStock: "on", intent: "save", ...rowFields }, ["title", "description", "opt1Name", "opt1Values", "v0_sku"], h);
      accepted(product, "product");
      const productId = Number(/products\/(\d+)/.exec(product.location!)![1]);
      const p = (await one<{ title: string; description: string; slug: string; options: string }>("SELECT title, description, slug, options FROM products WHERE shop_id = ? AND id = ?", shop.id, productId))!;
      expect(p).toMatchObject({ title: v, description: v });
      const variant = (await one<{ id: number; sku: string; option1: string }>("SELECT id, sku, option1 FROM variants WHERE shop_id = ? AND product_id = ? ORDER BY position LIMIT 1", shop.id, productId))!;
      expect(variant).toMatchObject({ sku: v, option1: values[0] });
      accepted(await postRaw(seller, `${A}/collections`, { product: String(productId) }, ["title", "description"], h), "collection");
      const col = (await one<{ id: number; slug: string; title: string; description: string }>("SELECT id, slug, title, description FROM collections WHERE shop_id = ?", shop.id))!;
      expect(col).toMatchObject({ title: v, description: v });
      accepted(await postRaw(seller, `${A}/pages`, { published: "on" }, ["title", "body"], h), "page");
      const page = (await one<{ id: number; slug: string; title: string; body: string }>("SELECT id, slug, title, body FROM pages WHERE shop_id = ? ORDER BY id DESC LIMIT 1", shop.id))!;
      expect(page).toMatchObject({ title: v, body: v });

      // A customer orders it, paying by wallet with a reference.
      const store = shopOrigin(slug);
      const customer = new Client();
      accepted(await customer.post(`${store}/cart/add`, { variant: String(variant.id), quantity: "1" }, { csrf: false, headers: ip }), "cart");
      const key = checkoutKey(await customer.get(`${store}/checkout`, ip));
      const placed = await postRaw(customer, `${store}/checkout`, { key, phone: "0321-5551234", zone: String(zone.id), payment: "jazzcash" }, ["name", "city", "address", "note", "reference"], h, ip);
      accepted(placed, "checkout");
      const token = placed.location!.replace("?placed=1", "").slice("/orders/".length);
      const order = (await one<Record<string, unknown>>("SELECT id, customer_name, city, address, note, payment_reference, zone_name FROM orders WHERE shop_id = ? AND token = ?", shop.id, token))!;
      expect(order).toMatchObject({ customer_name: v, city: v, address: v, note: v, payment_reference: v, zone_name: v });
      const O = `${A}/orders/${order.id}`;
      accepted(await postRaw(seller, `${O}/note`, {}, ["note"], h), "order note");
      accepted(await seller.post(`${O}/status`, { from: "new", to: "confirmed" }), "confirm");
      accepted(await seller.post(`${O}/status`, { from: "confirmed", to: "packed" }), "pack");
      accepted(await postRaw(seller, `${O}/status`, { from: "packed", to: "shipped" }, ["courier", "tracking"], h), "ship");
      expect(await one("SELECT courier, tracking_number FROM orders WHERE shop_id = ? AND id = ?", shop.id, order.id)).toEqual({ courier: v, tracking_number: v });

      // Slugs made from the hostile titles are plain URL path segments: no markup, spaces or invisible/bidi controls.
      for (const slugged of [p.slug, col.slug, page.slug]) expect(slugged, "slug").toMatch(/^[^\s<>"'`/?#%\\\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+$/u);

      // Shown back literally, never as markup, on every page that shows it.
      const pages: [Client, string, string[]][] = [
        [customer, `${store}/`, [v]],
        [customer, `${store}/products/${p.slug}`, [v, values[0]!]],
        [customer, `${store}/collections/${col.slug}`, [v]],
        [customer, `${store}/pages/${page.slug}`, [v]],
        [customer, `${store}/search?q=${encodeURIComponent(v)}`, [v]],
        [customer, `${store}/cart`, [v]],
        [customer, `${store}/orders/${token}`, [v]],
        [seller, A, [v]],
        [seller, `${A}/live`, [v]],
        [seller, `${A}/shop`, [v]],
        [seller, `${A}/products`, [v]],
        [seller, `${A}/products/${productId}`, [v, values[0]!]],
        [seller, `${A}/collections`, [v]],
        [seller, `${A}/collections/${col.id}`, [v]],
        [seller, `${A}/pages`, [v]],
        [seller, `${A}/pages/${page.id}`, [v]],
        [seller, `${A}/theme`, [v]],
        [seller, `${A}/settings`, [v]],
        [seller, `${A}/settings/payments`, [v]],
        [seller, `${A}/settings/zones`, [v]],
        [seller, `${A}/staff`, [v]],
        [seller, `${ROOT}/admin/shops`, [v]],
        [seller, `${A}/orders`, [v]],
        [seller, `${A}/orders?q=${encodeURIComponent(v)}`, [v]],
        [seller, O, [v]],
        [seller, `${O}/slip`, [v]],
      ];
      for (const [client, url, shown] of pages) await showsLiterally(client, url, shown, h);
      // The checkout page (cart emptied by the order): add again and look.
      await customer.post(`${store}/cart/add`, { variant: String(variant.id), quantity: "1" }, { csrf: false, headers: ip });
      await showsLiterally(customer, `${store}/checkout`, [v], h);

      // CSV exports: formula-looking cells neutralised, everything else exact.
      const products = await seller.get(`${A}/csv/export`);
      expect(products.status).toBe(200);
      expect(csvProblems(products.text, h)).toEqual([]);
      // Karachi dates (UTC+5), from yesterday so an order placed just before midnight is in range.
      const karachiDay = (ms: number) => new Date(ms + 5 * 3600_000).toISOString().slice(0, 10);
      const [yesterday, today] = [karachiDay(Date.now() - 86_400_000), karachiDay(Date.now())];
      const orders = await seller.get(`${A}/orders/export?from=${yesterday}&to=${today}`);
      expect(orders.status).toBe(200);
      expect(csvProblems(orders.text, h)).toEqual([]);
    });
  }
});

describe("refused input: a clear 400 beside the field with the input kept, or 413 over the body limit", () => {
  const TOO_LONG = "This is too long";
  it("refuses over-long text in every limited field, keeping what was typed and saving nothing", async () => {
    const s = await sellerWithShop();
    const A = `${ROOT}/admin/${s.slug}`;
    const zone = (await one<{ id: number }>("SELECT id FROM delivery_zones WHERE shop_id = ?", s.shopId))!;
    const productForm = { title: "Lawn suit", description: "", price: "2,499", compareAt: "", status: "active", trackStock: "on", v0_key: "", v0_id: "", v0_stock: "5", v0_sku: "", intent: "save" };
    // Every row, in the directory and in the shop's shard (src/db/shards.ts).
    const rows = async () => {
      let n = 0;
      for (const d1 of new Set([env.DB, await shopD1(s.shopId)])) n += (await d1.prepare("SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM collections) + (SELECT count(*) FROM pages) + (SELECT count(*) FROM delivery_zones) + (SELECT count(*) FROM users) + (SELECT count(*) FROM shops) AS n").first<{ n: number }>())!.n;
      return { n };
    };
    const before = await rows();
    const settings = { name: "Shop", description: "", city: "", whatsapp: "", phone: "", email: "", currency: "PKR", locale: "en" };
    const cases: [Client, string, Record<string, string>, string, number, string][] = [
      [new Client(), `${ROOT}/signup`, { name: "A", login: uniqPhone(), password: "correct horse battery" }, "name", 81, TOO_LONG],
      [s.client, `${ROOT}/start`, { name: "Shop", slug: uniq("long") }, "name", 61, "Please enter a shop name"],
      [s.client, `${A}/settings`, settings, "name", 81, TOO_LONG],
      [s.client, `${A}/settings`, settings, "description", 501, TOO_LONG],
      [s.client, `${A}/settings`, settings, "city", 61, TOO_LONG],
      [s.client, `${A}/settings/zones`, { name: "Z", fee: "1", freeAbove: "" }, "name", 61, TOO_LONG],
      [s.client, `${A}/products`, productForm, "title", 201, TOO_LONG],
      [s.client, `${A}/products`, productForm, "description", 10_001, TOO_LONG],
      [s.client, `${A}/products`, productForm, "v0_sku", 65, TOO_LONG],
      [s.client, `${A}/collections`, { title: "C", description: "" }, "title", 81, TOO_LONG],
      [s.client, `${A}/collections`, { title: "C", description: "" }, "description", 2001, TOO_LONG],
      [s.client, `${A}/pages`, { title: "P", body: "" }, "title", 121, TOO_LONG],
      [s.client, `${A}/pages`, { title: "P", body: "" }, "body", 20_001, TOO_LONG],
    ];
    for (const [client, url, form, field, length, message] of cases) {
      const long = "ل".repeat(length);
      const res = await client.post(url, { ...form, [field]: long }, { headers: { "cf-connecting-ip": uniq("ip") } });
      expect(res.status, `${url} ${field}`).toBe(400);
      expect(res.text, `${url} ${field}`).toContain(message);
      expect(res.text, `${url} ${field}: marked invalid`).toMatch(/aria-invalid="true"|class="[^"]*invalid/);
      expect(decodeHtml(res.text).includes(long), `${url} ${field}: input kept`).toBe(true);
      expect(await auditHtml(res.text, res.headers.get("content-security-policy"))).toEqual([]);
    }
    expect(await rows()).toEqual(before);

    // Checkout: each customer field over its limit.
    const variant = (await one<{ id: number }>("SELECT id FROM variants WHERE shop_id = ?", s.shopId)) ?? null;
    expect(variant, "the seller's product from above was refused; seed one").toBeNull();
    accepted(await s.client.post(`${A}/products`, productForm), "product");
    const v = (await one<{ id: number }>("SELECT id FROM variants WHERE shop_id = ?", s.shopId))!;
    // A wallet, so the checkout shows its payment reference field.
    accepted(await s.client.post(`${A}/settings/payments`, { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha", jazzcashNumber: "03001234567" }), "payments");
    const store = shopOrigin(s.slug);
    const customer = new Client();
    await customer.post(`${store}/cart/add`, { variant: String(v.id), quantity: "1" }, { csrf: false });
    const key = checkoutKey(await customer.get(`${store}/checkout`));
    const base = { key, name: "Sana", phone: "0321-5551234", city: "Lahore", address: "House 1", note: "", reference: "", zone: String(zone.id), payment: "cod" };
    for (const [field, length] of [["name", 81], ["city", 61], ["address", 301], ["note", 501], ["reference", 61]] as const) {
      const long = "x".repeat(length);
      const res = await customer.post(`${store}/checkout`, { ...base, [field]: long }, { csrf: false });
      expect(res.status, field).toBe(400);
      expect(res.text, field).toContain(TOO_LONG);
      expect(res.text.includes(long), `${field}: input kept`).toBe(true);
    }
    expect(await one("SELECT count(*) AS n FROM orders WHERE shop_id = ?", s.shopId)).toEqual({ n: 0 });
  });

  it("refuses a homoglyph or invisible-character shop address", async () => {
    const s = await signUpOnly();
    for (const slug of ["p\u0430ypal", "shop\u200Bname", "shop\u202Eeman", "ＳＨＯＰ"]) {
      const res = await s.post(`${ROOT}/start`, { name: "Shop", slug });
      expect(res.status, slug).toBe(400);
      expect(res.text).toContain("lower-case letters");
      expect(decodeHtml(res.text)).toContain(`value="${slug}"`);
      // The last step re-checks: a forged post sends the seller back to the first one.
      const forged = await s.post(`${ROOT}/start/theme`, { name: "Shop", slug, theme: "classic" });
      expect(forged.location).toBe("/start");
      expect(await one("SELECT id FROM shops WHERE slug = ?", slug.toLowerCase())).toBeNull();
    }
  });

  it("answers a body over 1 MB with the 413 page, before any handler, saving nothing", async () => {
    const s = await sellerWithShop();
    const store = shopOrigin(s.slug);
    const huge = ONE_MB;
    for (const [client, url, field] of [[new Client(), `${ROOT}/signup`, "name"], [s.client, `${ROOT}/admin/${s.slug}/products`, "description"], [s.client, `${ROOT}/admin/${s.slug}/pages`, "body"], [new Client(), `${store}/checkout`, "address"]] as const) {
      const res = await client.post(url, { [field]: huge, title: "x" }, { csrf: !url.startsWith(store) });
      expect(res.status, url).toBe(413);
      expect(res.text).toContain("That was too much to send");
      expect(await auditHtml(res.text, res.headers.get("content-security-policy"))).toEqual([]);
    }
    expect(await one("SELECT count(*) AS n FROM products WHERE shop_id = ?", s.shopId)).toEqual({ n: 0 });
    expect(await one("SELECT count(*) AS n FROM pages WHERE shop_id = ? AND length(body) > 1000", s.shopId)).toEqual({ n: 0 });
  });
});

async function signUpOnly(): Promise<Client> {
  const c = new Client();
  accepted(await c.post(`${ROOT}/signup`, { name: "A", login: uniqPhone(), password: "correct horse battery" }, { headers: { "cf-connecting-ip": uniq("ip") } }), "sign-up");
  return c;
}

const inStyle = (html: string, value: string) =>
  [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|style="([^"]*)"/g)].some((m) => decodeHtml(m[1] ?? m[2] ?? "").includes(value));

describe("hostile theme settings that reach CSS", () => {
  it("refuses markup or CSS break-outs in colours, font and numbers, and the storefront stays clean", async () => {
    const s = await sellerWithShop();
    const before = (await one<{ theme_settings: string }>("SELECT theme_settings FROM shops WHERE id = ?", s.shopId))!.theme_settings;
    const bad: [string, string][] = [
      ["s_primary", "red;}</style><script>alert(1)</script>"],
      ["s_background", "#fff; background:url(javascript:alert(1))"],
      ["s_text", "expression(alert(1))"],
      ["s_font", "serif;}</style><script>alert(1)</script>"],
      ["s_productsPerRow", "4;}</style><svg onload=alert(1)>"],
    ];
    for (const [field, value] of bad) {
      const fd = themeForm("Sale");
      fd.set(field, value);
      const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, fd);
      expect(res.status, field).toBe(400);
      expect(inStyle(res.text, value), `${field} in CSS`).toBe(false);
      if (value.includes("<")) expect(res.text.includes(value), `${field} shown raw`).toBe(false);
      expect(await auditHtml(res.text, res.headers.get("content-security-policy"))).toEqual([]);
      // The preview refuses it too (it renders the storefront with unsaved settings).
      const preview = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme/preview`, fd);
      expect(preview.status, `preview ${field}`).toBeLessThan(500);
      expect(inStyle(preview.text, value), `preview ${field} in CSS`).toBe(false);
      if (value.includes("<")) expect(preview.text.includes(value), `preview ${field} shown raw`).toBe(false);
      expect(await auditHtml(preview.text, preview.headers.get("content-security-policy"))).toEqual([]);
    }
    expect((await one<{ theme_settings: string }>("SELECT theme_settings FROM shops WHERE id = ?", s.shopId))!.theme_settings).toBe(before);
  });
});

describe("hostile text through the CSV import", () => {
  it("imports titles and SKUs literally, shows them as text, exports them neutralised and round-trips unchanged", async () => {
    const s = await sellerWithShop();
    const A = `${ROOT}/admin/${s.slug}`;
    const q = (x: string) => `"${x.replace(/"/g, '""')}"`;
    const header = "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Status";
    const list = HOSTILE.filter((h) => !h.raw);
    const rows = list.map((h, i) => `h${i},${q(h.value)},${q(h.value)},,,,TRUE,Title,Default Title,,,${q(h.value)},shopify,1,100,,,active`);
    const upload = async (text: string) => {
      const fd = new FormData();
      fd.append("file", new Blob([text], { type: "text/csv" }), "products.csv");
      return postMultipart(s.client, `${A}/csv/import`, fd);
    };
    const res = await upload([header, ...rows].join("\r\n"));
    expect(res.status, res.text.replace(/<[^>]+>/g, " ").slice(0, 500)).toBe(200);
    expect(decodeHtml(res.text)).toContain(`Imported: ${list.length} new, 0 updated.`);
    expect(await auditHtml(res.text, res.headers.get("content-security-policy"))).toEqual([]);
    const stored = await all<{ title: string; slug: string; sku: string }>("SELECT p.title, p.slug, v.sku FROM products p JOIN variants v ON v.product_id = p.id WHERE p.shop_id = ? ORDER BY p.id", s.shopId);
    expect(stored.map((r) => [r.title, r.sku])).toEqual(list.map((h) => [shownOf(h), shownOf(h)]));

    const admin = await s.client.get(`${A}/products`);
    expect(await auditHtml(admin.text, admin.headers.get("content-security-policy"))).toEqual([]);
    const customer = new Client();
    for (const [i, h] of list.entries()) {
      expect(decodeHtml(admin.text)).toContain(shownOf(h));
      await showsLiterally(customer, `${shopOrigin(s.slug)}/products/${stored[i]!.slug}`, [shownOf(h)], h);
    }
    // Export: formula cells neutralised; importing the export changes nothing.
    const exported = await s.client.get(`${A}/csv/export`);
    for (const h of list) expect(csvProblems(exported.text, h), h.name).toEqual([]);
    const again = await upload(exported.text);
    expect(decodeHtml(again.text)).toContain(`Imported: 0 new, ${list.length} updated.`);
    expect((await all<{ title: string; sku: string }>("SELECT p.title, v.sku FROM products p JOIN variants v ON v.product_id = p.id WHERE p.shop_id = ? ORDER BY p.id", s.shopId)).map((r) => [r.title, r.sku])).toEqual(stored.map((r) => [r.title, r.sku]));
  });
});
