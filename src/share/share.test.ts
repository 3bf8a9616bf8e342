/**
 * Sharing the shop (issue 15, section 5): the share texts in English and Urdu, the share card on
 * the dashboard and on a product, the QR route and the A5 poster; members only, each shop its own.
 */
import { describe, expect, it } from "vitest";
import { invalidateShop } from "../tenancy/shop-cache";
import { Client, ROOT, shopD1, shopOrigin, signUp, sellerWithShop } from "../../test/helpers";
import { addProduct, decode } from "../../test/admin-helpers";
import { TITLE_MAX } from "../products/form";
import { qrEncode } from "./qr";
import { qrSvg } from "./qr-svg";
import { productShareText, shopShareText } from "./texts";

const KURTA = "Handmade embroidered chiffon kurta with dupatta for weddings";
const KURTA_UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";
const ORIGIN = "https://ayesha-kitchen.hatti.pk";
const waTexts = (html: string) => [...html.matchAll(/href="(https:\/\/wa\.me\/\?text=[^"]+)"/g)].map((m) => new URL(decode(m[1]!)).searchParams.get("text")!);

describe("share texts", () => {
  it("says the product's name, its price in the shop's currency and language, its address, and its photo on a line of its own", () => {
    const url = `${ORIGIN}/products/handmade-embroidered-chiffon-kurta`;
    const photo = `${ORIGIN}/media/shops/1/abc/960.webp`;
    const en = productShareText({ name: "Ayesha's Kitchen", locale: "en", currency: "PKR" }, { title: KURTA, low: 450_000, high: 450_000, photoUrl: photo }, url);
    expect(en.whatsapp).toBe(`${KURTA} — Rs\u00a04,500\n${url}\n${photo}`);
    expect(en).toMatchObject({ url, title: KURTA, text: `${KURTA} — Rs\u00a04,500` });
    // A range says "from" the cheapest; no photo, no photo line.
    const range = productShareText({ name: "x", locale: "en", currency: "PKR" }, { title: KURTA, low: 250_000, high: 260_050, photoUrl: undefined }, url);
    expect(range.whatsapp).toBe(`${KURTA} — from Rs\u00a02,500\n${url}`);
    // Urdu, the title at its cap (200 letters), in the shop's language whatever the seller reads.
    const longUrdu = KURTA_UR.repeat(4).slice(0, TITLE_MAX);
    expect(longUrdu.length).toBe(TITLE_MAX);
    const ur = productShareText({ name: "دکان", locale: "ur", currency: "PKR" }, { title: longUrdu, low: 120_000, high: 180_000, photoUrl: photo }, url);
    const lines = ur.whatsapp.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${longUrdu} — Rs\u00a01,200 سے شروع`);
    expect(lines.slice(1)).toEqual([url, photo]);
    // The whole WhatsApp link stays well inside what a browser opens (and WhatsApp's 65,536 characters).
    expect(`https://wa.me/?text=${encodeURIComponent(ur.whatsapp)}`.length).toBeLessThan(8_000);
  });

  it("invites to the shop in its language, the address on its own line", () => {
    expect(shopShareText({ name: "Ayesha's Kitchen", locale: "en", currency: "PKR" }, ORIGIN).whatsapp).toBe(`Visit Ayesha's Kitchen, my online shop:\n${ORIGIN}`);
    expect(shopShareText({ name: "عائشہ کا کچن", locale: "ur", currency: "PKR" }, ORIGIN).whatsapp).toBe(`عائشہ کا کچن — میری آن لائن دکان دیکھیں:\n${ORIGIN}`);
  });
});

async function photoOf(shopId: number, productId: number, position = 0) {
  const key = `shops/${shopId}/${"ab".repeat(32)}${position}`;
  await (await shopD1(shopId)).prepare("INSERT INTO product_images (shop_id, product_id, key, widths, format, width, height, position) VALUES (?, ?, ?, '320,640,960,1280', 'webp', 1280, 1600, ?)")
    .bind(shopId, productId, key, position)
    .run();
  return key;
}

describe("share card", () => {
  it("on the dashboard: the shop's link to copy, WhatsApp, the share sheet and the poster; in Urdu too", async () => {
    const s = await sellerWithShop();
    const origin = shopOrigin(s.slug);
    const html = (await s.client.get(`${ROOT}/admin/${s.slug}`)).text;
    expect(html).toContain(`<input id="share-link" type="url" readonly value="${origin}" dir="ltr" inputmode="url" autocomplete="off"/>`);
    expect(html).toMatch(/<button class="btn ghost" type="button" data-copy="share-link" data-copied="Copied" hidden>Copy link<\/button>/);
    expect(waTexts(html)).toEqual([`Visit Ayesha's Kitchen, my online shop:\n${origin}`]);
    expect(html).toContain(`data-web-share="${origin}"`);
    expect(html).toContain(`href="/admin/${s.slug}/poster"`);
    expect(html).toContain('<p class="copied" id="share-link-status" role="status" aria-live="polite"></p>');
    // The shop in Urdu: the message in Urdu, the seller's card in her own language (English).
    await (await shopD1(s.shopId)).prepare("UPDATE shops SET locale = 'ur', name = ? WHERE id = ?").bind("عائشہ کا کچن", s.shopId).run();
    invalidateShop(s.slug);
    const ur = (await s.client.get(`${ROOT}/admin/${s.slug}`)).text;
    expect(waTexts(ur)).toEqual([`عائشہ کا کچن — میری آن لائن دکان دیکھیں:\n${origin}`]);
    expect(ur).toContain("Share on WhatsApp");
  });

  it("on a product: title, price and photo; a draft says it cannot be shared yet", async () => {
    const s = await sellerWithShop();
    const origin = shopOrigin(s.slug);
    const id = await addProduct(s, { title: KURTA, price: "4,500" });
    const key = await photoOf(s.shopId, id);
    await photoOf(s.shopId, id, 1);
    const slug = (await (await shopD1(s.shopId)).prepare("SELECT slug FROM products WHERE shop_id = ? AND id = ?").bind(s.shopId, id).first<{ slug: string }>())!.slug;
    const html = (await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`)).text;
    const url = `${origin}/products/${slug}`;
    expect(waTexts(html)).toEqual([`${KURTA} — Rs\u00a04,500\n${url}\n${origin}/media/${key}/960.webp`]);
    expect(html).toContain(`value="${url}"`);
    expect(html).toContain(`href="/admin/${s.slug}/poster?for=product&amp;id=${id}"`);
    await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/status`, { status: "draft" });
    const draft = (await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`)).text;
    expect(draft).toContain("Make this product active to share it");
    expect(waTexts(draft)).toEqual([]);
  });
});

describe("QR and poster routes", () => {
  it("serve the QR of the shop or of one of its products, built from the slugs, never from the query", async () => {
    const s = await sellerWithShop();
    const origin = shopOrigin(s.slug);
    const id = await addProduct(s, { title: KURTA });
    const slug = (await (await shopD1(s.shopId)).prepare("SELECT slug FROM products WHERE shop_id = ? AND id = ?").bind(s.shopId, id).first<{ slug: string }>())!.slug;
    const base = `${ROOT}/admin/${s.slug}`;
    const shopQr = await s.client.get(`${base}/qr.svg?url=${encodeURIComponent("https://evil.example")}`);
    expect(shopQr.status).toBe(200);
    expect(shopQr.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(shopQr.headers.get("x-content-type-options")).toBe("nosniff");
    expect(shopQr.text).toBe(qrSvg(qrEncode(origin), origin));
    const productQr = await s.client.get(`${base}/qr.svg?for=product&id=${id}`);
    expect(productQr.text).toBe(qrSvg(qrEncode(`${origin}/products/${slug}`), `${origin}/products/${slug}`));
    for (const q of ["?for=product", "?for=product&id=0", "?for=product&id=abc", `?for=product&id=${id + 100000}`, "?for=collection&id=1"]) {
      expect((await s.client.get(`${base}/qr.svg${q}`)).status, q).toBe(404);
      expect((await s.client.get(`${base}/poster${q}`)).status, q).toBe(404);
    }
  });

  it("are the members' only: logged out is sent to log in, another seller gets 404, another shop's product 404", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const bProduct = await addProduct(b, { title: KURTA });
    const anon = new Client();
    for (const path of ["/qr.svg", "/poster"]) {
      const res = await anon.get(`${ROOT}/admin/${b.slug}${path}`);
      expect([302, 303], path).toContain(res.status);
      expect(res.location, path).toMatch(/\/login/);
      expect((await a.client.get(`${ROOT}/admin/${b.slug}${path}`)).status, path).toBe(404);
      // B's product through A's own shop: not A's, not found.
      expect((await a.client.get(`${ROOT}/admin/${a.slug}${path}?for=product&id=${bProduct}`)).status, path).toBe(404);
      expect((await b.client.get(`${ROOT}/admin/${b.slug}${path}?for=product&id=${bProduct}`)).status, path).toBe(200);
    }
    // A second seller signed up but in no shop: 404 too.
    const c = await signUp();
    expect((await c.client.get(`${ROOT}/admin/${b.slug}/qr.svg`)).status).toBe(404);
  });

  it("prints an A5 poster in the shop's language, right to left in Urdu, with nothing typed as markup", async () => {
    const s = await sellerWithShop();
    const origin = shopOrigin(s.slug);
    await (await shopD1(s.shopId)).prepare("UPDATE shops SET whatsapp = '+923001234567', city = 'Lahore' WHERE id = ?").bind(s.shopId).run();
    invalidateShop(s.slug);
    const res = await s.client.get(`${ROOT}/admin/${s.slug}/poster`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="en" dir="ltr">');
    expect(res.text).toContain("@page{size:A5;margin:10mm}");
    expect(res.text).toContain('<p class="scan">Scan to shop</p>');
    expect(res.text).toContain(`<bdi dir="ltr">${origin.replace("https://", "")}</bdi>`);
    expect(res.text).toContain('WhatsApp: <bdi dir="ltr">0300 1234567</bdi>');
    expect(res.text).toContain(`<img class="qr" src="/admin/${s.slug}/qr.svg"`);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'sha256-/);

    // Urdu shop, a product whose title is markup, the seller reading English.
    const hostile = `<img src=x onerror=alert(1)> ${KURTA_UR}`;
    const id = await addProduct(s, { title: hostile, price: "1,200" });
    await (await shopD1(s.shopId)).prepare("UPDATE shops SET locale = 'ur', name = ? WHERE id = ?").bind("<b>عائشہ</b> کا کچن", s.shopId).run();
    invalidateShop(s.slug);
    const ur = (await s.client.get(`${ROOT}/admin/${s.slug}/poster?for=product&id=${id}`)).text;
    expect(ur).toContain('<html lang="ur" dir="rtl">');
    expect(ur).toContain('<nav class="toolbar" lang="en" dir="ltr"');
    expect(ur).toContain("خریدنے کے لیے اسکین کریں");
    expect(ur).toContain('<p class="price">Rs\u00a01,200</p>');
    expect(ur).toContain("واٹس ایپ: <bdi dir=\"ltr\">0300 1234567</bdi>");
    expect(ur).not.toContain("<img src=x");
    expect(ur).not.toContain("<b>عائشہ");
    expect(ur).toContain("&lt;img src=x onerror=alert(1)>");
    expect(ur).toContain(`src="/admin/${s.slug}/qr.svg?for=product&amp;id=${id}"`);
    const shopPoster = (await s.client.get(`${ROOT}/admin/${s.slug}/poster`)).text;
    expect(shopPoster).toContain("خریداری کے لیے اسکین کریں");
    expect(shopPoster).toContain("&lt;b>عائشہ&lt;/b> کا کچن");
  });
});
