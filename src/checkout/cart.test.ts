import { describe, expect, it } from "vitest";
import { formatMoney } from "../i18n";
import { Client, shopD1 } from "../../test/helpers";
import { customerAtCheckout, customerForm, seedProduct, shopWithCatalogue, shopWithCatalogueBeside, stockOf } from "../../test/checkout-fixtures";

const add = (c: Client, origin: string, variant: string, quantity: string) =>
  c.post(`${origin}/cart/add`, { variant, quantity }, { csrf: false });
const money = (minor: number) => formatMoney(minor, "PKR", "en");
const cartCookie = (c: Client, origin: string) => c.cookies(new URL(origin).host).get("hatti_cart");

describe("cart in a cookie", () => {
  it("adds, merges, updates and removes lines; prices come from D1", async () => {
    const { kurta, dupatta, origin } = await shopWithCatalogue();
    const c = new Client();
    const res = await add(c, origin, String(kurta[0]!.id), "2");
    expect(res.status).toBe(303);
    expect(res.location).toBe("/cart");
    const set = res.headers.getSetCookie().find((s) => s.startsWith("hatti_cart="))!;
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Secure/i);
    expect(set).toMatch(/Path=\//i);
    expect(set).not.toMatch(/HttpOnly/i);
    await add(c, origin, String(dupatta.id), "1");
    await add(c, origin, String(kurta[0]!.id), "1");
    expect(cartCookie(c, origin)).toBe(`${kurta[0]!.id}x3.${dupatta.id}x1`);

    const cart = await c.get(`${origin}/cart`);
    expect(cart.status).toBe(200);
    expect(cart.headers.get("cache-control")).toBe("private, no-store");
    expect(cart.text).toContain("Lawn Kurta");
    expect(cart.text).toContain("Chiffon Dupatta");
    expect(cart.text).toContain(`Subtotal</th><td>${money(3 * 250_000 + 90_000)}</td>`);

    expect((await c.post(`${origin}/cart/update`, { variant: String(kurta[0]!.id), quantity: "1" }, { csrf: false })).status).toBe(303);
    expect(cartCookie(c, origin)).toBe(`${kurta[0]!.id}x1.${dupatta.id}x1`);
    await c.post(`${origin}/cart/update`, { variant: String(dupatta.id), quantity: "0" }, { csrf: false });
    expect(cartCookie(c, origin)).toBe(`${kurta[0]!.id}x1`);
    await c.post(`${origin}/cart/remove`, { variant: String(kurta[0]!.id) }, { csrf: false });
    expect(cartCookie(c, origin)).toBeUndefined();
    const empty = await c.get(`${origin}/cart`);
    expect(empty.text).toContain("Your cart is empty.");
  });

  it("refuses bad quantities with a clear message and leaves the cart alone", async () => {
    const { kurta, origin } = await shopWithCatalogue();
    const c = new Client();
    await add(c, origin, String(kurta[0]!.id), "1");
    for (const q of ["0", "-1", "1e9", "abc", "100", "2.5", ""]) {
      const res = await add(c, origin, String(kurta[0]!.id), q);
      expect(res.status, q).toBe(400);
      expect(res.text).toContain("Choose a quantity from 1 to 99.");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
    for (const q of ["-1", "1e9", "abc"]) {
      const res = await c.post(`${origin}/cart/update`, { variant: String(kurta[0]!.id), quantity: q }, { csrf: false });
      expect(res.status, q).toBe(400);
    }
    expect(cartCookie(c, origin)).toBe(`${kurta[0]!.id}x1`);
  });

  it("refuses a variant of another shop, a draft product or a made-up id", async () => {
    const a = await shopWithCatalogue();
    const b = await shopWithCatalogueBeside(a.seller.shopId); // in a's shard: only there could a's reads meet b's rows
    const [draft] = await seedProduct(a.seller.shopId, { status: "draft" });
    const c = new Client();
    for (const v of [String(b.kurta[0]!.id), String(draft!.id), "999999999", "x"]) {
      const res = await add(c, a.origin, v, "1");
      expect(res.status, v).toBe(400);
      expect(res.text).toContain("That item is not available any more.");
    }
    expect(cartCookie(c, a.origin)).toBeUndefined();
  });

  it("ignores a foreign variant put in the cookie by hand and never charges it", async () => {
    const a = await shopWithCatalogue();
    const b = await shopWithCatalogueBeside(a.seller.shopId); // in a's shard: only there could a's reads meet b's rows
    const c = new Client();
    c.cookies(new URL(a.origin).host).set("hatti_cart", `${b.kurta[0]!.id}x2.${a.dupatta.id}x1`);
    const cart = await c.get(`${a.origin}/cart`);
    expect(cart.status).toBe(200);
    expect(cart.text).not.toContain("Lawn Kurta");
    expect(cart.text).toContain("1 item no longer available was removed from your cart.");
    expect(cart.text).toContain(`Subtotal</th><td>${money(90_000)}</td>`);
    // The cookie is rewritten without the foreign line.
    expect(cartCookie(c, a.origin)).toBe(`${a.dupatta.id}x1`);
    expect(await stockOf(b.kurta[0]!)).toBe(5);
  });

  it("sanitises a tampered cookie and drops an oversized one, never a 500", async () => {
    const { kurta, dupatta, origin } = await shopWithCatalogue();
    const host = new URL(origin).host;
    const cases: [string, string | undefined][] = [
      [`${kurta[0]!.id}x500.garbage.<script>.${dupatta.id}x0.${dupatta.id}x2.${dupatta.id}x3`, `${kurta[0]!.id}x99.${dupatta.id}x5`],
      ["%%%;;==", undefined],
      [`${"1x1.".repeat(400)}1x1`, undefined],
      ["-5x2.0x1.99999999999x1", undefined],
    ];
    for (const [raw, expected] of cases) {
      const c = new Client();
      c.cookies(host).set("hatti_cart", raw);
      const res = await c.get(`${origin}/cart`);
      expect(res.status, raw.slice(0, 30)).toBe(200);
      expect(cartCookie(c, origin)).toBe(expected);
    }
  });

  it("flags sold-out and short lines and never charges them", async () => {
    const { seller, kurta, dupatta, origin } = await shopWithCatalogue();
    const [gone] = await seedProduct(seller.shopId, { title: "Gone Shawl", variants: [{ title: "Default", price: 500_000, stock: 1 }] });
    const c = new Client();
    await add(c, origin, String(gone!.id), "1");
    await add(c, origin, String(kurta[0]!.id), "2");
    await add(c, origin, String(dupatta.id), "1");
    const shard = await shopD1(seller.shopId);
    await shard.prepare("UPDATE variants SET stock = 0 WHERE id = ?").bind(gone!.id).run();
    await shard.prepare("UPDATE variants SET stock = 1 WHERE id = ?").bind(kurta[0]!.id).run();
    const cart = await c.get(`${origin}/cart`);
    expect(cart.text).toContain("Sold out: not included in your order.");
    expect(cart.text).toContain("Only 1 left: please lower the quantity.");
    expect(cart.text).toContain("Please change the items marked above before checking out.");
    // Only the dupatta is charged.
    expect(cart.text).toContain(`Subtotal</th><td>${money(90_000)}</td>`);
    const checkout = await c.get(`${origin}/checkout`);
    expect(checkout.status).toBe(200);
    expect(checkout.headers.get("cache-control")).toBe("private, no-store");
  });

  it("sends an empty cart from /checkout back to the cart", async () => {
    const { origin } = await shopWithCatalogue();
    const res = await new Client().get(`${origin}/checkout`);
    expect(res.status).toBe(303);
    expect(res.location).toBe("/cart");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a cross-site post", async () => {
    const { kurta, origin } = await shopWithCatalogue();
    const res = await new Client().post(`${origin}/cart/add`, { variant: String(kurta[0]!.id), quantity: "1" }, { csrf: false, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });

  it("speaks the shop's language: Urdu pages are right to left with Urdu messages", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    await (await shopD1(seller.shopId)).prepare("UPDATE shops SET locale = 'ur' WHERE id = ?").bind(seller.shopId).run();
    const { invalidateShop } = await import("../tenancy/shop-cache");
    invalidateShop(seller.slug);
    const { client, headers, page, key } = await customerAtCheckout(origin, [[dupatta.id, 1]]);
    expect(page.text).toMatch(/<html lang="ur" dir="rtl"/);
    expect(page.text).toContain("آرڈر مکمل کریں");
    expect(page.text).toContain("کیش آن ڈیلیوری");
    const bad = await client.post(`${origin}/checkout`, { ...customerForm({ phone: "123" }), key, zone: String(zone.id) }, { csrf: false, headers });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("پاکستانی موبائل نمبر لکھیں، مثلاً 0300 1234567۔");
    const cart = await client.get(`${origin}/cart`);
    expect(cart.text).toContain("آپ کی ٹوکری");
  });
});
