/**
 * The theme editor's sections, as a seller's browser posts them (no script): add, move, remove,
 * edit; one past every cap refused beside its field with what she typed kept and nothing saved;
 * and a collection of another shop never shows on hers. The product page's list (below the buy
 * box) the same way, with its own ops (`psec:up:1`), its own cap, and only types that need no data.
 */
import { describe, expect, it } from "vitest";
import { one, postMultipart } from "../../test/admin-helpers";
import { and, eq } from "drizzle-orm";
import { Client, ROOT, sellerWithShop, shopD1, shopDb, shopOrigin } from "../../test/helpers";
import { collections, products, variants } from "../db/schema";
import { seedShop } from "../../test/storefront-fixtures";
import { themeForm } from "../../test/theme-form";
import { LISTS, opValue, parseOp } from "./sections";
import { png } from "../../test/media-fixtures";
import { themeById } from "../../themes";
import { MAX_QUESTIONS } from "../../themes/_shared/sections/faq";
import { MAX_PRODUCT_SECTIONS, MAX_SECTIONS, type SectionInstance } from "../storefront/section";
import { SUGGESTED_PRODUCTS, themeChoicesRead } from "./choices";

const classic = themeById("classic");
type Stored = { sections?: SectionInstance[]; productSections?: SectionInstance[] };
const stored = async (shopId: number) => JSON.parse((await one<{ theme_settings: string }>("SELECT theme_settings FROM shops WHERE id = ?", shopId))!.theme_settings) as Stored;
const types = (s: { sections?: SectionInstance[] }) => (s.sections ?? []).map((i) => i.type);
const post = (s: Awaited<ReturnType<typeof sellerWithShop>>, over: Record<string, string>, sections: SectionInstance[], productSections?: SectionInstance[]) =>
  postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, themeForm(classic, over, sections, productSections));

const three: SectionInstance[] = [
  { type: "image-banner", settings: { heading: "Eid sale" } },
  { type: "rich-text", settings: { heading: "Our story", text: "Since 1998." } },
  { type: "faq", settings: { items: [{ question: "COD?", answer: "Yes, everywhere." }] } },
];

describe("home page sections in the theme editor", () => {
  it("adds, moves and removes with plain form posts, shown and not saved until Save", async () => {
    const s = await sellerWithShop();
    expect((await post(s, {}, three)).status).toBe(303);
    expect(types(await stored(s.shopId))).toEqual(["image-banner", "rich-text", "faq"]);
    const saved = JSON.stringify(await stored(s.shopId));

    const up = await post(s, { op: "up:2" }, three);
    expect(up.status).toBe(200);
    expect(up.text).toContain("Not saved yet");
    expect(up.text.indexOf('name="sec1_type" value="faq"')).toBeGreaterThan(0);
    expect(up.text.indexOf('name="sec2_type" value="rich-text"')).toBeGreaterThan(0);
    // The moved section's question is kept under its new place.
    expect(up.text).toMatch(/name="s_sec1_items_0_question"[^>]*value="COD\?"/);
    expect(JSON.stringify(await stored(s.shopId))).toBe(saved);

    const removed = await post(s, { op: "remove:0" }, three);
    expect(removed.text).toContain('name="sec0_type" value="rich-text"');
    expect(removed.text).not.toContain('_type" value="image-banner"');
    expect(removed.text).toContain('name="sec1_type" value="faq"');

    const added = await post(s, { op: "add", add_type: "testimonials" }, three);
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="sec3_type" value="testimonials"');
    expect(JSON.stringify(await stored(s.shopId))).toBe(saved);

    // Save with the new order: stored, and the shop shows it.
    expect((await post(s, {}, [three[2]!, three[1]!, three[0]!])).status).toBe(303);
    expect(types(await stored(s.shopId))).toEqual(["faq", "rich-text", "image-banner"]);
    const home = await new Client().get(`${shopOrigin(s.slug)}/`);
    expect(home.text.indexOf("COD?")).toBeLessThan(home.text.indexOf("Our story"));
    expect(home.text.indexOf("Our story")).toBeLessThan(home.text.indexOf("Eid sale"));
  });

  it("moves a section from one place to another, as a drag posts it; a place outside the list changes nothing", async () => {
    const s = await sellerWithShop();
    expect((await post(s, {}, three)).status).toBe(303);
    const saved = JSON.stringify(await stored(s.shopId));
    const order = (html: string) => [...html.matchAll(/name="sec(\d+)_type" value="([a-z-]+)"/g)].map((m) => `${m[1]}:${m[2]}`);

    const dragged = await post(s, { op: "move:0:2" }, three);
    expect(dragged.status).toBe(200);
    expect(dragged.text).toContain("Not saved yet");
    expect(order(dragged.text)).toEqual(["0:rich-text", "1:faq", "2:image-banner"]);
    // The moved banner's heading went with it to its new place.
    expect(dragged.text).toMatch(/name="s_sec2_heading"[^>]*value="Eid sale"/);
    expect(order((await post(s, { op: "move:2:0" }, three)).text)).toEqual(["0:faq", "1:image-banner", "2:rich-text"]);
    for (const op of ["move:0:3", "move:5:0", "up:0", "down:2"]) {
      const r = await post(s, { op }, three);
      expect(r.status, op).toBe(200);
      expect(order(r.text), op).toEqual(["0:image-banner", "1:rich-text", "2:faq"]);
    }
    // What no button or drag posts is refused, the list as it was.
    for (const op of ["move:-1:0", "move:1:x", "move:1", `move:0:${MAX_SECTIONS}`]) {
      const r = await post(s, { op }, three);
      expect(r.status, op).toBe(400);
      expect(order(r.text), op).toEqual(["0:image-banner", "1:rich-text", "2:faq"]);
    }
    expect(JSON.stringify(await stored(s.shopId))).toBe(saved);
    // The list carries what the drag script needs: its op and a handle on every section (hidden without script).
    expect(dragged.text).toContain('data-move-op="move"');
    expect(dragged.text.match(/class="handle[^"]*"[^>]*hidden/g)?.length).toBe(3);
  });

  it("edits an instance's settings; a bad one is refused beside its field, kept, nothing saved", async () => {
    const s = await sellerWithShop();
    expect((await post(s, { s_sec1_heading: "Who we are" }, three)).status).toBe(303);
    expect((await stored(s.shopId)).sections?.[1]?.settings.heading).toBe("Who we are");
    // A product picked by pasting its link: its web name is kept.
    const pasted = await post(s, { s_sec0_product: `${shopOrigin(s.slug)}/products/lawn-suit?ref=wa` }, [{ type: "featured-product", settings: {} }]);
    expect(pasted.status).toBe(303);
    expect((await stored(s.shopId)).sections?.[0]?.settings.product).toBe("lawn-suit");
    const before = JSON.stringify(await stored(s.shopId));
    const bad = await post(s, { s_sec0_link: "javascript:alert(1)", s_sec1_heading: "New <b>words</b>" }, three);
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="s-sec0_link-error"[^>]*>Enter a page of your shop/);
    expect(bad.text).toMatch(/name="s_sec0_link"[^>]*value="javascript:alert\(1\)"/);
    expect(bad.text).toContain('value="New &lt;b>words&lt;/b>"');
    expect(JSON.stringify(await stored(s.shopId))).toBe(before);
  });

  it("refuses one past every cap with its message: sections, list items, text", async () => {
    const s = await sellerWithShop();
    const rich = { type: "rich-text", settings: { text: "Hi" } };
    const atCap = Array.from({ length: MAX_SECTIONS }, () => rich);
    expect((await post(s, {}, atCap)).status).toBe(303);
    const before = JSON.stringify(await stored(s.shopId));

    const add = await post(s, { op: "add", add_type: "faq" }, atCap);
    expect(add.status).toBe(400);
    expect(add.text).toContain(`A home page holds at most ${MAX_SECTIONS} sections.`);
    const over = await post(s, {}, [...atCap, rich]);
    expect(over.status).toBe(400);
    expect(over.text).toContain(`A home page holds at most ${MAX_SECTIONS} sections.`);

    const qa = { question: "COD?", answer: "Yes" };
    const faq = await post(s, {}, [{ type: "faq", settings: { items: Array(MAX_QUESTIONS).fill(qa) } }]);
    expect(faq.status).toBe(303);
    const tooMany = themeForm(classic, { s_sec0_items_10_question: "One more?" }, [{ type: "faq", settings: { items: Array(MAX_QUESTIONS).fill(qa) } }]);
    const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, tooMany);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`At most ${MAX_QUESTIONS} items.`);

    const long = await post(s, { s_sec0_heading: "ا".repeat(81) }, [rich]);
    expect(long.status).toBe(400);
    expect(long.text).toMatch(/id="s-sec0_heading-error"/);
    expect(long.text).toContain("ا".repeat(81));
    expect(JSON.stringify(await stored(s.shopId))).not.toBe(before); // the faq save above
    expect(types(await stored(s.shopId))).toEqual(["faq"]);
  });

  it("shows its own collections only: another shop's collection slug shows nothing", async () => {
    const other = await seedShop({});
    const mine = await seedShop({
      settings: {
        sections: [
          { type: "featured-collection", settings: { collection: "accessories" } },
          { type: "featured-collection", settings: { collection: "secret-of-other", heading: "Stolen" } },
          { type: "featured-product", settings: { product: "item-7", heading: "Stolen product" } },
        ],
      },
    });
    // The other shop has a collection hers lacks, and an active item-7 where hers is a draft.
    await (await shopDb(other.shopId)).insert(collections).values({ shopId: other.shopId, slug: "secret-of-other", title: "Secret collection", position: 9 });
    await (await shopDb(mine.shopId)).update(products).set({ status: "draft" }).where(and(eq(products.shopId, mine.shopId), eq(products.slug, "item-7")));
    const home = await new Client().get(`${mine.origin}/`);
    expect(home.status).toBe(200);
    expect(home.text).toContain("Accessories");
    expect(home.text).not.toContain("Secret collection");
    expect(home.text).not.toContain("Stolen");
  });
});

describe("the theme form's pickers", () => {
  it("offer her collections in her order and her newest live products, never another shop's; a deleted collection stays picked, said gone", async () => {
    const s = await sellerWithShop();
    const other = await sellerWithShop();
    const d = await shopDb(s.shopId);
    await d.insert(collections).values([
      { shopId: s.shopId, slug: "eid-lawn", title: "Eid lawn <b>2026</b>", position: 2 },
      { shopId: s.shopId, slug: "bridal", title: "عروسی جوڑے اور فینسی ملبوسات", position: 1 },
    ]);
    await (await shopDb(other.shopId)).insert(collections).values({ shopId: other.shopId, slug: "secret", title: "Secret collection", position: 0 });
    const base = Date.now() - 1e7;
    const mine = Array.from({ length: SUGGESTED_PRODUCTS + 1 }, (_, i) => ({ shopId: s.shopId, slug: `lawn-suit-${i}`, title: `Lawn suit ${i}`, createdAt: base + i * 1000 }));
    // Five rows a statement: drizzle binds every column (defaults too), and D1 takes 100 parameters.
    for (let i = 0; i < mine.length; i += 5) await d.insert(products).values(mine.slice(i, i + 5));
    // Newer than all of hers: her draft and the other shop's product.
    await d.insert(products).values({ shopId: s.shopId, slug: "draft-suit", title: "Draft suit", status: "draft", createdAt: base + 1e6 });
    await (await shopDb(other.shopId)).insert(products).values({ shopId: other.shopId, slug: "other-suit", title: "Other suit", createdAt: base + 2e6 });
    expect((await post(s, {}, [{ type: "featured-collection", settings: { collection: "deleted-one" } }, { type: "featured-product", settings: {} }])).status).toBe(303);

    const page = await s.client.get(`${ROOT}/admin/${s.slug}/theme`);
    expect(page.status).toBe(200);
    const select = /<select id="s-sec0_collection"[^>]*>(.*?)<\/select>/s.exec(page.text)?.[1] ?? "";
    const options = [...select.matchAll(/<option value(?:="([^"]*)")?( selected)?>([^<]*)<\/option>/g)].map((m) => [m[1] ?? "", m[3], !!m[2]]);
    expect(options).toEqual([
      ["", "Your first collection", false],
      ["deleted-one", "deleted-one (no longer in your shop: pick another)", true],
      ["bridal", "عروسی جوڑے اور فینسی ملبوسات", false],
      ["eid-lawn", "Eid lawn &lt;b>2026&lt;/b>", false],
    ]);
    expect(page.text).toMatch(/<input id="s-sec1_product"[^>]*list="product-choices"/);
    const suggested = [...(/<datalist id="product-choices">(.*?)<\/datalist>/s.exec(page.text)?.[1] ?? "").matchAll(/value="([^"]+)"/g)].map((m) => m[1]);
    expect(suggested).toHaveLength(SUGGESTED_PRODUCTS);
    expect(suggested[0]).toBe(`lawn-suit-${SUGGESTED_PRODUCTS}`);
    expect(suggested.at(-1)).toBe("lawn-suit-1");
    expect(page.text).not.toContain("Secret collection");
    expect(page.text).not.toContain("other-suit");
    expect(page.text).not.toContain("draft-suit");

    // Both by an index of her shop, in its order (no sort in memory, whatever the catalogue's size).
    const d1 = await shopD1(s.shopId);
    const plans = [];
    for (const q of themeChoicesRead.statements(d, s.shopId)) {
      const { sql, params } = (q as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
      plans.push((await d1.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((r) => r.detail).join("; "));
    }
    expect(plans).toEqual(["SEARCH collections USING INDEX collections_shop_position_idx (shop_id=?)", "SEARCH products USING INDEX products_shop_status_new_idx (shop_id=? AND status=?)"]);

    // A mistake elsewhere on the form: the page comes back with the same choices, hers kept.
    const bad = await post(s, { s_sec1_product: "not a slug!" }, [{ type: "featured-collection", settings: { collection: "bridal" } }, { type: "featured-product", settings: {} }]);
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/<option value="bridal" selected>/);
    expect(bad.text).toContain(`value="lawn-suit-${SUGGESTED_PRODUCTS}"`);
  });
});

/** One product on sale, "Lawn suit", straight into the shop's shard. */
async function addProduct(shopId: number) {
  const d = await shopDb(shopId);
  const [p] = await d.insert(products).values({ shopId, slug: "lawn-suit", title: "Lawn suit", description: "", status: "active", options: "[]", price: 250000, createdAt: 1, updatedAt: 1 }).returning({ id: products.id });
  await d.insert(variants).values({ shopId, productId: p!.id, title: "Default", price: 250000, stock: 4 });
}

const productTypes = (s: Stored) => (s.productSections ?? []).map((i) => i.type);
const belowBuyBox: SectionInstance[] = [
  { type: "badges", settings: {} },
  { type: "faq", settings: { heading: "Delivery and returns", items: [{ question: "How long is delivery?", answer: "3 to 5 days." }] } },
  { type: "whatsapp", settings: {} },
];

describe("product page sections in the theme editor", () => {
  it("reads a button's op as [prefix:]verb:args, the home list's without a prefix", () => {
    const [home, product] = LISTS as [(typeof LISTS)[number], (typeof LISTS)[number]];
    expect(parseOp("up:3")).toEqual({ list: home, verb: "up", args: [3] });
    expect(parseOp("add")).toEqual({ list: home, verb: "add", args: [] });
    expect(parseOp("psec:remove:0")).toEqual({ list: product, verb: "remove", args: [0] });
    // A verb with more numbers reads the same way (a move from one place to another).
    expect(parseOp("psec:move:1:4")).toEqual({ list: product, verb: "move", args: [1, 4] });
    expect(parseOp(undefined)).toBeNull();
    for (const list of LISTS) for (const [verb, args] of [["up", [2]], ["add", []]] as const) expect(parseOp(opValue(list, verb, ...args))).toEqual({ list, verb, args });
    expect(opValue(home, "up", 3)).toBe("up:3");
    expect(opValue(product, "up", 3)).toBe("psec:up:3");
  });

  it("adds, moves and removes in the product list with its own ops; the home list stays; shown below the buy box once saved", async () => {
    const s = await sellerWithShop();
    expect((await post(s, {}, three, belowBuyBox)).status).toBe(303);
    expect(productTypes(await stored(s.shopId))).toEqual(["badges", "faq", "whatsapp"]);
    expect(types(await stored(s.shopId))).toEqual(["image-banner", "rich-text", "faq"]);
    const saved = JSON.stringify(await stored(s.shopId));

    const page = await s.client.get(`${ROOT}/admin/${s.slug}/theme`);
    expect(page.text).toContain("Product page sections");
    expect(page.text).toContain('name="psec1_type" value="faq"');
    expect(page.text).toContain('value="psec:up:1"');

    const up = await post(s, { op: "psec:up:1" }, three, belowBuyBox);
    expect(up.status).toBe(200);
    expect(up.text).toContain("Not saved yet");
    expect(up.text).toContain('name="psec0_type" value="faq"');
    expect(up.text).toContain('name="psec1_type" value="badges"');
    // The moved question is kept under its new place; the home list is untouched.
    expect(up.text).toMatch(/name="s_psec0_items_0_question"[^>]*value="How long is delivery\?"/);
    expect(up.text).toContain('name="sec0_type" value="image-banner"');
    expect(up.text).toContain('name="sec2_type" value="faq"');

    // A drop in the product list (src/client/section-order.ts posts its list's move op).
    expect(page.text).toContain('data-move-op="psec:move"');
    const dropped = await post(s, { op: "psec:move:2:0" }, three, belowBuyBox);
    expect(dropped.status).toBe(200);
    expect([...dropped.text.matchAll(/name="psec(\d)_type" value="([a-z-]+)"/g)].map((m) => m[2])).toEqual(["whatsapp", "badges", "faq"]);
    expect(dropped.text).toContain('name="sec0_type" value="image-banner"');

    const removed = await post(s, { op: "psec:remove:2" }, three, belowBuyBox);
    expect(removed.text).not.toContain('name="psec2_type"');
    expect(removed.text).toContain('name="sec2_type" value="faq"');

    const added = await post(s, { op: "psec:add", psec_add_type: "rich-text", add_type: "testimonials" }, three, belowBuyBox);
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="psec3_type" value="rich-text"');
    expect(added.text).not.toContain('name="sec3_type"');
    // The home list's own ops still read as the home list's.
    const homeAdd = await post(s, { op: "add", add_type: "testimonials", psec_add_type: "rich-text" }, three, belowBuyBox);
    expect(homeAdd.text).toContain('name="sec3_type" value="testimonials"');
    expect(homeAdd.text).not.toContain('name="psec3_type"');
    expect(JSON.stringify(await stored(s.shopId))).toBe(saved);

    // Saved in a new order: the product page shows them below its buy box, its h1 the product's.
    const note = { type: "rich-text", settings: { text: "Cash on delivery across Pakistan." } };
    expect((await post(s, {}, three, [belowBuyBox[1]!, note])).status).toBe(303);
    expect(productTypes(await stored(s.shopId))).toEqual(["faq", "rich-text"]);
    await addProduct(s.shopId);
    const html = (await new Client().get(`${shopOrigin(s.slug)}/products/lawn-suit`)).text;
    const end = html.indexOf("</article>");
    expect(html.indexOf("Delivery and returns", end)).toBeGreaterThan(end);
    expect(html.indexOf('id="ps1"')).toBeGreaterThan(end);
    expect(html.indexOf('id="ps2"')).toBeGreaterThan(html.indexOf('id="ps1"'));
    expect(html).toContain("Cash on delivery across Pakistan.");
    expect(html.match(/<h1/g)?.length).toBe(1);
  });

  it("refuses a bad setting beside its field in the product list, keeps what she typed, saves nothing", async () => {
    const s = await sellerWithShop();
    const banner: SectionInstance[] = [{ type: "image-banner", settings: { heading: "Free delivery" } }, ...belowBuyBox];
    expect((await post(s, {}, three, banner)).status).toBe(303);
    const before = JSON.stringify(await stored(s.shopId));
    const bad = await post(s, { s_psec0_link: "javascript:alert(1)", s_psec2_heading: "ا".repeat(81) }, three, banner);
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="s-psec0_link-error"[^>]*>Enter a page of your shop/);
    expect(bad.text).toMatch(/name="s_psec0_link"[^>]*value="javascript:alert\(1\)"/);
    expect(bad.text).toMatch(/id="s-psec2_heading-error"/);
    expect(bad.text).toContain("ا".repeat(81));
    // The home list's fields carry no error of the product list's.
    expect(bad.text).not.toMatch(/id="s-sec0_link-error"/);
    expect(JSON.stringify(await stored(s.shopId))).toBe(before);
  });

  it(`holds ${MAX_PRODUCT_SECTIONS} sections; one more is refused, by the button and as posted`, async () => {
    const s = await sellerWithShop();
    const rich = { type: "rich-text", settings: { text: "Hi" } };
    const atCap = Array.from({ length: MAX_PRODUCT_SECTIONS }, () => rich);
    expect((await post(s, {}, three, atCap)).status).toBe(303);
    expect(productTypes(await stored(s.shopId)).length).toBe(MAX_PRODUCT_SECTIONS);
    const before = JSON.stringify(await stored(s.shopId));

    const add = await post(s, { op: "psec:add", psec_add_type: "faq" }, three, atCap);
    expect(add.status).toBe(400);
    expect(add.text).toMatch(new RegExp(`id="psec-add-type-error"[^>]*>A product page holds at most ${MAX_PRODUCT_SECTIONS} sections.`));
    const over = await post(s, {}, three, [...atCap, rich]);
    expect(over.status).toBe(400);
    expect(over.text).toContain(`A product page holds at most ${MAX_PRODUCT_SECTIONS} sections.`);
    expect(JSON.stringify(await stored(s.shopId))).toBe(before);
  });

  it("refuses a type that reads D1 (products, a collection) posted into the product list", async () => {
    const s = await sellerWithShop();
    expect((await post(s, {}, three, belowBuyBox)).status).toBe(303);
    const before = JSON.stringify(await stored(s.shopId));
    for (const type of ["newest", "featured-collection", "featured-product"]) {
      const typed = await post(s, { psec3_type: type }, three, belowBuyBox);
      expect(typed.status, type).toBe(400);
      const picked = await post(s, { op: "psec:add", psec_add_type: type }, three, belowBuyBox);
      expect(picked.status, type).toBe(400);
      // Not offered in the product list's picker (the home list's offers it).
      expect(picked.text).not.toMatch(new RegExp(`<select id="psec-add-type"[^]*?<option value="${type}"[^]*?</select>`));
    }
    expect(JSON.stringify(await stored(s.shopId))).toBe(before);
  });

  it("keeps a product list's photo through saves of the rest, and removes it from storage when she removes it", async () => {
    const { env } = await import("cloudflare:workers");
    const s = await sellerWithShop();
    const banner: SectionInstance[] = [{ type: "image-banner", settings: { heading: "Free delivery" } }];
    // The page posts the photo's hidden field (empty: no photo yet) beside the file.
    const fd = themeForm(classic, { s_psec0_image: "" }, three, banner);
    fd.append("file_psec0_image", new Blob([(await png(160, 90)) as Uint8Array<ArrayBuffer>], { type: "image/png" }), "banner.png");
    expect((await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, fd)).status).toBe(303);
    const image = (await stored(s.shopId)).productSections?.[0]?.settings.image as { key: string } | null;
    expect(image?.key).toMatch(new RegExp(`^shops/${s.shopId}/`));
    const objects = async () => (await env.MEDIA.list({ prefix: `${image!.key}/` })).objects.length;
    expect(await objects()).toBeGreaterThan(0);
    // A save of the home list and the colours: the product list's photo stays, stored and shown.
    const kept = await post(s, { s_primary: "#123456" }, three, (await stored(s.shopId)).productSections!);
    expect(kept.status).toBe(303);
    expect((await stored(s.shopId)).productSections?.[0]?.settings.image).toEqual(image);
    expect(await objects()).toBeGreaterThan(0);
    // Removed: no orphan left in storage.
    expect((await post(s, { rm_psec0_image: "on" }, three, (await stored(s.shopId)).productSections!)).status).toBe(303);
    expect((await stored(s.shopId)).productSections?.[0]?.settings.image).toBeNull();
    expect(await objects()).toBe(0);
  });

  it("previews the newest product's page with unsaved product sections, or says to add a product first", async () => {
    const s = await sellerWithShop();
    const url = `${ROOT}/admin/${s.slug}/theme/preview?page=product`;
    const none = await postMultipart(s.client, url, themeForm(classic, {}, three, belowBuyBox));
    expect(none.status).toBe(200);
    expect(none.text).toContain("Add a product first");
    await addProduct(s.shopId);
    const preview = await postMultipart(s.client, url, themeForm(classic, { "s_psec1_heading": "Unsaved delivery words" }, three, belowBuyBox));
    expect(preview.status).toBe(200);
    expect(preview.headers.get("x-robots-tag")).toBe("noindex");
    const end = preview.text.indexOf("</article>");
    expect(preview.text).toMatch(/<h1>Lawn suit<\/h1>/);
    expect(preview.text.indexOf("Unsaved delivery words")).toBeGreaterThan(end);
    expect(productTypes(await stored(s.shopId))).toEqual([]);
  });
});
