/**
 * Plural messages: t() picks a message's CLDR plural form by its `count` with Intl.PluralRules
 * (English and Urdu: `one` for 1, `other` for everything else), and the pages that print a
 * count read right in both languages ("1 device", not "1 devices").
 */
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { messages, type Locale, type Message, type MessageKey, type TParams } from ".";
import { ur } from "./ur";
import { addProduct, one } from "../../test/admin-helpers";
import { Client, ROOT, sellerWithShop, shopOrigin, uniq } from "../../test/helpers";

/** t() without its compile-time rules, to call it as a caller that forgot the count would. */
const loose = (locale: Locale) => messages(locale).t as (key: MessageKey, params?: TParams) => string;

describe("t() and plural forms", () => {
  it("workerd's plural rules for English and Urdu have the categories the catalogues use", () => {
    for (const locale of ["en", "ur"]) expect(new Intl.PluralRules(locale).resolvedOptions().pluralCategories.toSorted()).toEqual(["one", "other"]);
  });

  it("every plural message has exactly its locale's forms", () => {
    const catalogues: Record<Locale, Record<string, Message>> = { en, ur };
    let plurals = 0;
    for (const [locale, cat] of Object.entries(catalogues)) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.toSorted();
      for (const [key, message] of Object.entries(cat)) {
        if (typeof message === "string") continue;
        plurals++;
        expect(Object.keys(message).toSorted(), `${locale} ${key}`).toEqual(categories);
        for (const form of Object.values(message)) expect(form, `${locale} ${key}`).toContain("{count}");
      }
    }
    expect(plurals).toBeGreaterThanOrEqual(12);
  });

  const cases: [Locale, MessageKey, number | undefined, string][] = [
    ["en", "products.variantCount", 0, "0 variants"],
    ["en", "products.variantCount", 1, "1 variant"],
    ["en", "products.variantCount", 2, "2 variants"],
    ["en", "products.variantCount", 21, "21 variants"],
    ["en", "products.variantCount", 1.5, "1.5 variants"],
    ["ur", "products.variantCount", 0, "0 اقسام"],
    ["ur", "products.variantCount", 1, "1 قسم"],
    ["ur", "products.variantCount", 2, "2 اقسام"],
    ["ur", "products.variantCount", 21, "21 اقسام"],
    ["en", "account.sessions.body", 1, "You are logged in on 1 device (this one)."],
    ["en", "account.sessions.body", 3, "You are logged in on 3 devices (this one included)."],
    ["ur", "account.sessions.body", 1, "آپ 1 آلے پر لاگ اِن ہیں (یہی والا)۔"],
    ["ur", "account.sessions.body", 3, "آپ 3 آلات پر لاگ اِن ہیں (یہ والا بھی)۔"],
    ["en", "collections.count", 1, "1 product"],
    ["en", "collections.count", 20, "20 products"],
    ["ur", "collections.count", 1, "1 چیز"],
    ["ur", "collections.count", 20, "20 مصنوعات"],
    ["en", "csv.rowErrors", 1, "1 row could not be imported"],
    ["ur", "csv.rowErrors", 1, "1 قطار درآمد نہیں ہو سکی"],
    ["ur", "csv.rowErrors", 2, "2 قطاریں درآمد نہیں ہو سکیں"],
    ["en", "checkout.cart.missing", 1, "1 item no longer available was removed from your cart."],
    ["en", "checkout.cart.missing", 2, "2 items no longer available were removed from your cart."],
    ["ur", "checkout.cart.short", 1, "صرف 1 باقی ہے: براہ کرم تعداد کم کریں۔"],
    ["ur", "checkout.cart.short", 4, "صرف 4 باقی ہیں: براہ کرم تعداد کم کریں۔"],
    // A caller that forgot the count gets the `other` form with the placeholder left, never a throw.
    ["en", "products.variantCount", undefined, "{count} variants"],
    ["ur", "products.variantCount", undefined, "{count} اقسام"],
  ];
  it.each(cases)("%s %s count=%s -> %s", (locale, key, count, want) => {
    expect(loose(locale)(key, count === undefined ? undefined : { count })).toBe(want);
  });

  it("a count given as text picks `other` (only a number selects a form); plain messages are as before", () => {
    expect(loose("en")("products.variantCount", { count: "1" })).toBe("1 variants");
    const { t } = messages("en");
    expect(t("common.save")).toBe("Save");
    expect(t("validation.tooLong", { max: 80 })).toBe("This is too long (at most 80 characters).");
    expect(t("validation.tooLong", {})).toBe("This is too long (at most {max} characters).");
    expect(messages("ur").t("validation.tooLong", { max: 80 })).toBe("یہ بہت لمبا ہے (زیادہ سے زیادہ 80 حروف)۔");
  });

  it("builds each locale's messages once, not per call", () => {
    expect(messages("ur")).toBe(messages("ur"));
    expect(messages("en").t).toBe(messages("en").t);
  });
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function secondDevice(login: string, password: string) {
  const c = new Client();
  const res = await c.post(`${ROOT}/login`, { login, password }, { headers: { "cf-connecting-ip": uniq("ip") } });
  expect(res.status).toBe(303);
  return c;
}

describe("pages that print a count", () => {
  it("the account page says 1 device / 2 devices, in English and Urdu", async () => {
    const s = await sellerWithShop();
    expect(text((await s.client.get(`${ROOT}/admin/account`)).text)).toContain("You are logged in on 1 device (this one).");
    const phone = await secondDevice(s.login, s.password);
    expect(text((await s.client.get(`${ROOT}/admin/account`)).text)).toContain("You are logged in on 2 devices (this one included).");
    await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    expect(text((await s.client.get(`${ROOT}/admin/account`)).text)).toContain("آپ 2 آلات پر لاگ اِن ہیں (یہ والا بھی)۔");
    await phone.post(`${ROOT}/admin/account/sessions/others`, {});
    expect(text((await phone.get(`${ROOT}/admin/account`)).text)).toContain("آپ 1 آلے پر لاگ اِن ہیں (یہی والا)۔");
  });

  it("the admin lists say 1 product / 12 products and 3 variants, in English and Urdu", async () => {
    const s = await sellerWithShop();
    const kurta = await addProduct(s, {
      title: "Handmade embroidered chiffon kurta with dupatta for weddings",
      opt1Name: "Size",
      opt1Values: "S, M, L",
      v0_key: "S",
      v1_key: "M",
      v2_key: "L",
    });
    const others: number[] = [];
    // 12 products: at 13 a collection save is still the "too many SQL variables" of issue 13 item 2.
    for (let i = 0; i < 11; i++) others.push(await addProduct(s, { title: `ہاتھ سے کڑھائی والا شیفون کا کرتا ${i + 1}` }));
    const base = `${ROOT}/admin/${s.slug}/collections`;
    expect((await s.client.post(base, { title: "Eid specials", product: String(kurta) })).status).toBe(303);
    expect((await s.client.post(base, { title: "Summer lawn", product: [kurta, ...others].map(String) })).status).toBe(303);

    const enCollections = text((await s.client.get(base)).text);
    expect(enCollections).toContain("Eid specials 1 product ");
    expect(enCollections).toContain("Summer lawn 12 products ");
    expect(text((await s.client.get(`${ROOT}/admin/${s.slug}/products`)).text)).toContain("· 3 variants");

    await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const urCollections = text((await s.client.get(base)).text);
    expect(urCollections).toContain("Eid specials 1 چیز ");
    expect(urCollections).toContain("Summer lawn 12 مصنوعات ");
    expect(text((await s.client.get(`${ROOT}/admin/${s.slug}/products`)).text)).toContain("· 3 اقسام");
  });

  it("the cart says 1 item was removed, not 1 items were", async () => {
    const s = await sellerWithShop();
    await addProduct(s, { title: "Handmade embroidered chiffon kurta with dupatta for weddings" });
    const variant = await one<{ id: number }>("SELECT id FROM variants WHERE shop_id = ?", s.shopId);
    const shopper = new Client();
    // Her cart holds the kurta and a variant that no longer exists.
    shopper.cookies(new URL(shopOrigin(s.slug)).host).set("hatti_cart", `${variant!.id}x1.999999991x1`);
    const cart = await shopper.get(`${shopOrigin(s.slug)}/cart`);
    expect(cart.status).toBe(200);
    expect(text(cart.text)).toContain("1 item no longer available was removed from your cart.");
  });
});
