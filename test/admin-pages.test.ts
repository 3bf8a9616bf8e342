/**
 * Issue 15, section 6, over every admin page as rendered, in English and in Urdu: each field has
 * exactly one label and each id is unique on its page (the zones page has one form a zone, all
 * with the same fields); in Urdu, phone numbers and times sit in a left-to-right island (`<bdi>`
 * or `dir="ltr"`) and back links point right; no word is left in English.
 */
import { env } from "cloudflare:workers";
import { seedDiscount } from "./discount-fixtures";
import { describe, expect, it } from "vitest";
import { customerAtCheckout, placeOrderAt, shopWithCatalogue } from "./checkout-fixtures";
import { ROOT, shopD1, type Client } from "./helpers";
import { postMultipart } from "./admin-helpers";
import { webp } from "./media-fixtures";

interface Node {
  name: string;
  attrs: Map<string, string>;
  /** The open elements around it, outermost first. */
  parents: Node[];
}

const TOKEN = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|([^<]+)/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const VOID = new Set(["input", "img", "br", "hr", "meta", "link", "source", "area", "base", "col", "wbr"]);

/** The page's elements and text runs, each with the elements it sits in (scripts and styles skipped). */
function parse(html: string): { elements: Node[]; texts: { text: string; parents: Node[] }[] } {
  const body = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "");
  const stack: Node[] = [];
  const elements: Node[] = [];
  const texts: { text: string; parents: Node[] }[] = [];
  for (const m of body.matchAll(TOKEN)) {
    if (m[4] !== undefined) {
      if (m[4].trim()) texts.push({ text: m[4], parents: [...stack] });
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const at = stack.map((n) => n.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (m[3] ?? "").matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), (a[2] ?? "").replace(/^["']|["']$/g, ""));
    const node = { name, attrs, parents: [...stack] };
    elements.push(node);
    if (!VOID.has(name) && !m[0].endsWith("/>")) stack.push(node);
  }
  return { elements, texts };
}

const NOT_FIELDS = new Set(["hidden", "submit", "button", "reset", "image"]);

/** Typed fields are those the phone's keyboard opens for. */
const NOT_TYPED = new Set([...NOT_FIELDS, "checkbox", "radio", "file", "color", "range", "date", "time", "datetime-local"]);

/** Typed fields without `inputmode` (inputs) or `autocomplete` (inputs and text areas). */
function keyboardProblems(html: string): string[] {
  const out: string[] = [];
  for (const e of parse(html).elements) {
    if (e.name !== "textarea" && (e.name !== "input" || NOT_TYPED.has(e.attrs.get("type") ?? "text"))) continue;
    const tag = `<${e.name} name="${e.attrs.get("name")}">`;
    if (e.name === "input" && !e.attrs.has("inputmode")) out.push(`${tag} has no inputmode`);
    if (!e.attrs.has("autocomplete")) out.push(`${tag} has no autocomplete`);
  }
  return out;
}

/** Fields without exactly one label, labels tied to no field, ids used twice. */
function labelProblems(html: string): string[] {
  const { elements } = parse(html);
  const out: string[] = [];
  const ids = new Map<string, number>();
  for (const e of elements) {
    const id = e.attrs.get("id");
    if (id) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, n] of ids) if (n > 1) out.push(`id "${id}" used ${n} times`);
  const labelsFor = new Map<string, number>();
  for (const e of elements) if (e.name === "label" && e.attrs.get("for")) labelsFor.set(e.attrs.get("for")!, (labelsFor.get(e.attrs.get("for")!) ?? 0) + 1);
  const fields = elements.filter((e) => ["select", "textarea"].includes(e.name) || (e.name === "input" && !NOT_FIELDS.has(e.attrs.get("type") ?? "text")));
  for (const f of fields) {
    const id = f.attrs.get("id");
    const wrap = f.parents.findLast((p) => p.name === "label");
    const byFor = id ? (labelsFor.get(id) ?? 0) : 0;
    const count = byFor + (wrap && !(id && wrap.attrs.get("for") === id) ? 1 : 0);
    if (count !== 1) out.push(`<${f.name} name="${f.attrs.get("name")}"${id ? ` id="${id}"` : ""}> has ${count} labels`);
  }
  for (const e of elements)
    for (const ref of (e.attrs.get("aria-describedby") ?? "").split(/\s+/).filter(Boolean)) if (!ids.has(ref)) out.push(`<${e.name} name="${e.attrs.get("name")}"> is described by "${ref}", which is not on the page`);
  const fieldIds = new Set(fields.map((f) => f.attrs.get("id")).filter(Boolean));
  for (const e of elements) if (e.name === "label" && e.attrs.get("for") && !fieldIds.has(e.attrs.get("for"))) out.push(`<label for="${e.attrs.get("for")}"> is tied to no field`);
  return out;
}

const PHONE = /\+?\d[\d -]{8,}\d/g;
const TIME = /\d{1,2}:\d{2}(?:\s?[AP]M)?/g;

/** Phone numbers and times in the page's text that are not inside a left-to-right island. */
function bidiProblems(html: string): string[] {
  const out: string[] = [];
  for (const { text, parents } of parse(html).texts) {
    const island = parents.some((p) => p.name === "bdi" || p.attrs.get("dir") === "ltr");
    if (island) continue;
    for (const m of text.matchAll(PHONE)) out.push(`phone "${m[0]}" outside bdi/dir=ltr`);
    for (const m of text.matchAll(TIME)) out.push(`time "${m[0]}" outside bdi/dir=ltr`);
  }
  return out;
}

/** A shop with a catalogue, two delivery zones, a content page, an invited staff member and an order. */
async function shopWithEverything() {
  const shop = await shopWithCatalogue();
  const { seller, origin, zone, kurta } = shop;
  const base = `${ROOT}/admin/${seller.slug}`;
  const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
  // An order paid by JazzCash whose customer sent her screenshot (the payment card's proof and buttons).
  const paid = await placeOrderAt(origin, zone.id, [[kurta[1]!.id, 1]], { payment: "jazzcash" });
  const proof = new FormData();
  proof.append("screenshot", new Blob([webp(720, 1280, 4_000) as Uint8Array<ArrayBuffer>], { type: "image/webp" }), "proof.webp");
  proof.append("reference", "JC-2026113012345");
  expect((await postMultipart(paid.client, `${origin}/orders/${paid.token}/proof`, proof)).status).toBe(303);
  const page = await seller.client.post(`${base}/pages`, { title: "Delivery and returns", body: "We deliver across Pakistan.", published: "on" });
  const collection = await seller.client.post(`${base}/collections`, { title: "Eid collection", description: "", published: "on" });
  await seller.client.post(`${base}/staff`, { contact: "0333 4445566" });
  // A customer who left her phone at checkout over an hour ago (the abandoned checkouts page).
  const leaving = await customerAtCheckout(origin, [[kurta[1]!.id, 2]]);
  await leaving.client.post(`${origin}/checkout/intent`, { phone: "0345 5550101", name: "Hina Tariq" }, { csrf: false, headers: leaving.headers });
  const d1 = await shopD1(seller.shopId);
  await d1.prepare("UPDATE checkout_intents SET updated_at = updated_at - 7200000 WHERE shop_id = ?").bind(seller.shopId).run();
  // A discount code, and the order's customer (kept by the orders' triggers).
  const discount = await seedDiscount(seller.shopId, { code: "EID10", title: "Eid sale: 10% off", maxUses: 100 });
  const customer = await d1.prepare("SELECT id FROM customers WHERE shop_id = ? LIMIT 1").bind(seller.shopId).first<{ id: number }>();
  return { ...shop, base, order, proofOrder: paid.id, pageUrl: page.location, collectionUrl: collection.location, discount, customer: customer!.id };
}

async function adminPages(s: Awaited<ReturnType<typeof shopWithEverything>>): Promise<string[]> {
  const { base, kurta, order } = s;
  return [
    base,
    `${base}/products`,
    `${base}/products/new`,
    `${base}/products/${kurta[0]!.productId}`,
    `${base}/collections`,
    `${base}/collections/new`,
    ...(s.collectionUrl ? [new URL(s.collectionUrl, ROOT).href] : []),
    `${base}/pages`,
    `${base}/pages/new`,
    ...(s.pageUrl ? [new URL(s.pageUrl, ROOT).href] : []),
    `${base}/shop`,
    `${base}/settings`,
    `${base}/settings/zones`,
    `${base}/settings/payments`,
    `${base}/theme`,
    `${base}/csv`,
    `${base}/orders`,
    `${base}/orders/${order.id}`,
    `${base}/orders/${order.id}/slip`,
    `${base}/orders/${s.proofOrder}`,
    `${base}/abandoned`,
    `${base}/customers`,
    `${base}/customers/${s.customer}`,
    `${base}/discounts`,
    `${base}/discounts/new`,
    `${base}/discounts/${s.discount}`,
    `${base}/staff`,
    `${base}/couriers/settings`,
    `${base}/couriers/orders/${order.id}`,
    `${base}/settlements`,
    `${ROOT}/admin/account`,
    `${ROOT}/admin/shops`,
  ];
}

async function setLanguage(client: Client, locale: "en" | "ur") {
  const res = await client.post(`${ROOT}/admin/account/language`, { locale });
  expect(res.status).toBe(200);
}

describe("every admin page, in English and in Urdu", () => {
  it("ties each field to exactly one label, and uses each id once", async () => {
    const s = await shopWithEverything();
    const found: string[] = [];
    for (const locale of ["en", "ur"] as const) {
      await setLanguage(s.seller.client, locale);
      for (const url of await adminPages(s)) {
        const res = await s.seller.client.get(url);
        expect(res.status, url).toBe(200);
        for (const p of labelProblems(res.text)) found.push(`${locale} ${url.replace(ROOT, "")}: ${p}`);
      }
    }
    // Refused forms show their messages beside the fields: the zones page with one zone refused.
    const zone = s.zone.id;
    const refused = await s.seller.client.post(`${s.base}/settings/zones/${zone}`, { name: "", fee: "abc", freeAbove: "" });
    expect(refused.status).toBe(400);
    for (const p of labelProblems(refused.text)) found.push(`refused zone: ${p}`);
    expect(found).toEqual([]);
  });

  it("in Urdu, keeps phone numbers and times left to right and points back links right", async () => {
    const s = await shopWithEverything();
    const found: string[] = [];
    const backs: Record<string, string[]> = { en: [], ur: [] };
    for (const locale of ["ur", "en"] as const) {
      await setLanguage(s.seller.client, locale);
      for (const url of await adminPages(s)) {
        const res = await s.seller.client.get(url);
        expect(res.status, url).toBe(200);
        if (locale === "ur") for (const p of bidiProblems(res.text)) found.push(`${url.replace(ROOT, "")}: ${p}`);
        for (const m of res.text.matchAll(/<p class="back"><a[^>]*><span aria-hidden="true">(.)<\/span>/g)) backs[locale]!.push(m[1]!);
      }
    }
    expect(found).toEqual([]);
    // Back links on 12 pages, and on the packing slip; each points the way its language reads.
    expect(backs.ur!.length).toBeGreaterThanOrEqual(12);
    expect(new Set(backs.ur)).toEqual(new Set(["→"]));
    expect(new Set(backs.en)).toEqual(new Set(["←"]));
  });

  it("speaks Urdu on the file pickers and says what a SKU is", async () => {
    const s = await shopWithEverything();
    const found: string[] = [];
    let pickers = 0;
    for (const locale of ["ur", "en"] as const) {
      await setLanguage(s.seller.client, locale);
      for (const url of await adminPages(s)) {
        const res = await s.seller.client.get(url);
        const { elements, texts } = parse(res.text);
        const where = `${locale} ${url.replace(ROOT, "")}`;
        // The browser's own file button says "Choose files" in the browser's language: hidden, its label is the button.
        for (const f of elements.filter((e) => e.name === "input" && e.attrs.get("type") === "file")) {
          pickers++;
          const label = elements.find((e) => e.name === "label" && e.attrs.get("for") === f.attrs.get("id"));
          if (!(f.attrs.get("class") ?? "").split(" ").includes("file-input")) found.push(`${where}: <input type=file name="${f.attrs.get("name")}"> shows the browser's button`);
          if (!label || !/\bbtn\b/.test(label.attrs.get("class") ?? "")) found.push(`${where}: <input type=file name="${f.attrs.get("name")}"> has no button label`);
        }
        if (locale === "ur") for (const { text } of texts) for (const m of text.matchAll(/.?SKU.?/g)) if (m[0] !== "(SKU)") found.push(`${where}: "${text.trim()}" leaves SKU untranslated`);
      }
    }
    expect(found).toEqual([]);
    // The product photos, the theme's logo and banner, the CSV import: in both languages.
    expect(pickers).toBeGreaterThanOrEqual(8);
  });

  it("gives every field the phone's keyboard and an autofill hint", async () => {
    const s = await shopWithEverything();
    const found = new Set<string>();
    for (const url of await adminPages(s)) {
      const res = await s.seller.client.get(url);
      for (const p of keyboardProblems(res.text)) found.add(`${url.replace(ROOT, "")}: ${p}`);
    }
    expect([...found]).toEqual([]);
  });

  it("the keyboard check sees a field without inputmode or autocomplete", () => {
    expect(keyboardProblems('<input name="a" inputmode="tel" autocomplete="tel"><input name="b" autocomplete="off"><textarea name="c"></textarea><input type="checkbox" name="d"><input type="hidden" name="e">')).toEqual([
      '<input name="b"> has no inputmode',
      '<textarea name="c"> has no autocomplete',
    ]);
  });

  it("the bidi check sees a phone number and a time outside a left-to-right island", () => {
    expect(bidiProblems('<p dir="rtl">فون: 0321-5551234 <span>30 نومبر، 2026، 8:20 PM</span></p>')).toEqual([
      'phone "0321-5551234" outside bdi/dir=ltr',
      'time "8:20 PM" outside bdi/dir=ltr',
    ]);
    expect(bidiProblems('<p>فون: <bdi dir="ltr">0321-5551234</bdi> <time>30 نومبر، 2026، <bdi dir="ltr">8:20 PM</bdi></time></p><a dir="ltr">+92 321 5551234</a>')).toEqual([]);
  });

  it("the label check sees a label tied to nothing, a field with none and an id used twice", () => {
    const zones = '<form><label for="f-name">Name</label><input id="f-name" name="name"></form><form><label for="f-name">Name</label><input id="f-name" name="name"></form>';
    expect(labelProblems(zones)).toEqual(['id "f-name" used 2 times', '<input name="name" id="f-name"> has 2 labels', '<input name="name" id="f-name"> has 2 labels']);
    expect(labelProblems('<label>Stock <input name="s"></label><input name="t" id="t"><label for="x">X</label>')).toEqual(['<input name="t" id="t"> has 0 labels', '<label for="x"> is tied to no field']);
  });
});
