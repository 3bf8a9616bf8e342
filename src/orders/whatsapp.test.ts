import { describe, expect, it } from "vitest";
import { ORDER_STATUSES } from "../db/schema";
import { formatMoney, messages, type Locale } from "../i18n";
import { OWN_RIDER } from "./courier";
import type { OrderDetail } from "./read";
import type { OrderStatus } from "./status";
import { sellerWaLink, waLinks } from "./whatsapp";

const SHOPS: Record<Locale, { name: string; locale: Locale }> = {
  en: { name: "Ayesha's Kitchen & Crafts", locale: "en" },
  ur: { name: "عائشہ کی کڑھائی", locale: "ur" },
};
const TITLES: Record<Locale, string> = {
  en: "Handmade embroidered chiffon kurta with dupatta for weddings",
  ur: "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے",
};
const URL_ = "https://ayesha.hatti.test/orders/nlHVK-f-bU-PXhXL7P55qOn2";

function detail(locale: Locale, status: OrderStatus, courier = "", tracking = ""): OrderDetail {
  const now = Date.now();
  return {
    order: {
      id: 7, shopId: 3, number: 1042, token: "nlHVK-f-bU-PXhXL7P55qOn2", idempotencyKey: "k", status, paymentMethod: "cod", paymentStatus: "pending", paymentState: "unpaid", paymentProof: "",
      paymentReference: "", customerName: locale === "ur" ? "ثنا خان" : "Sana Khan", customerPhone: "+923215551234", city: "Lahore",
      address: "House 12, Street 4, Model Town", note: "", zoneId: 1, zoneName: "Lahore", subtotal: 250_000, discount: 0, deliveryFee: 25_000, total: 275_000,
      currency: "PKR", locale, courier, trackingNumber: tracking, confirmation: "none", createdAt: now, updatedAt: now,
    },
    items: [
      { id: 1, shopId: 3, orderId: 7, productId: 1, variantId: 1, title: TITLES[locale], variantTitle: "M / Maroon", sku: "K-M", price: 125_000, quantity: 2, stockTracked: true },
    ] as OrderDetail["items"],
    events: [],
    discounts: [],
  };
}

/** What each state's message must say, in each language (a word a customer would recognise). */
const SAYS: Record<string, Record<Locale, RegExp>> = {
  new: { en: /Please reply YES to confirm/, ur: /تصدیق کے لیے/ },
  confirmed: { en: /is confirmed/, ur: /کنفرم ہو گیا/ },
  packed: { en: /packed and will ship soon/, ur: /پیک ہو گیا ہے اور جلد روانہ/ },
  shipped: { en: /on its way with TCS\. Tracking number: TCS-778899\./, ur: /TCS کے ذریعے روانہ.*TCS-778899/ },
  shippedRider: { en: /on its way with our rider\./, ur: /ہمارے رائیڈر کے ساتھ/ },
  delivered: { en: /has been delivered/, ur: /پہنچ گیا/ },
  cancelled: { en: /has been cancelled/, ur: /منسوخ کر دیا گیا/ },
  returned: { en: /received your returned order/, ur: /واپس کیا گیا آرڈر/ },
};
const ASKS_YES: Record<Locale, RegExp> = { en: /reply YES|confirm\b.*\?/i, ur: /جی ہاں|جواب دیں/ };

interface Case {
  key: string;
  status: OrderStatus;
  courier: string;
  tracking: string;
}
const cases = ORDER_STATUSES.flatMap((status): Case[] =>
  status === "shipped"
    ? [{ key: "shipped", status, courier: "TCS", tracking: "TCS-778899" }, { key: "shippedRider", status, courier: OWN_RIDER, tracking: "" }]
    : [{ key: status as string, status, courier: "", tracking: "" }],
).flatMap((c) => (["en", "ur"] as const).map((locale: Locale) => ({ ...c, locale })));

describe("WhatsApp texts fit the order's state", () => {
  it("covers every status", () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(ORDER_STATUSES));
  });

  it.each(cases)("$key in $locale", ({ key, status, courier, tracking, locale }) => {
    const shop = SHOPS[locale];
    const [first, ...rest] = waLinks(detail(locale, status, courier, tracking), shop, URL_);
    const text = first!.text;
    expect(text).toMatch(SAYS[key]![locale]);
    // Only a new order asks the customer to reply.
    if (status === "new") expect(text).toMatch(ASKS_YES[locale]);
    else expect(text).not.toMatch(ASKS_YES[locale]);
    for (const { text: t, url } of [first!, ...rest]) {
      expect(t).toContain("#1042");
      expect(t).toContain(shop.name);
      expect(t).toContain(URL_);
      expect(t).not.toContain(OWN_RIDER);
      expect(t).not.toMatch(/<\/?[a-z]|&(?:amp|lt|gt|quot|#\d+);|\{\w+\}/i); // no markup, no entity, no unfilled slot
      const wa = new URL(url);
      expect(wa.origin + wa.pathname).toBe("https://wa.me/923215551234");
      expect(wa.searchParams.get("text")).toBe(t);
    }
    expect(rest.map((l) => l.template)).toEqual(["hello"]);
  });
});

describe("WhatsApp texts say the discounts an order took", () => {
  const taken = (locale: Locale): OrderDetail => {
    const d = detail(locale, "new");
    // 10% off the lines with EID10, and the delivery fee waived by an automatic discount.
    d.order = { ...d.order, discount: 25_000, deliveryFee: 0, total: 225_000 };
    d.discounts = [
      { discountId: 1, code: "EID10", title: "", kind: "percent", amount: 25_000 },
      { discountId: 2, code: null, title: locale === "ur" ? "مفت ڈیلیوری ہفتہ" : "Free delivery week", kind: "free_delivery", amount: 25_000 },
    ];
    return d;
  };

  it.each(["en", "ur"] as const)("in %s: the total after them, and each by its code or title", (locale) => {
    const money = (n: number) => formatMoney(n, "PKR", locale);
    const { t } = messages(locale);
    const [confirm] = waLinks(taken(locale), SHOPS[locale], URL_);
    const title = locale === "ur" ? "مفت ڈیلیوری ہفتہ" : "Free delivery week";
    expect(confirm!.text).toContain(`${money(225_000)} (${locale === "ur" ? "رعایت" : "discount"}: EID10: -${money(25_000)}, ${title}: ${t("discounts.offer.freeDelivery")})`);
    const customer = sellerWaLink(taken(locale), { ...SHOPS[locale], whatsapp: "0300 1234567" }, URL_)!;
    expect(new URL(customer).searchParams.get("text")).toContain(`EID10: -${money(25_000)}`);
    // Without discounts, the total alone, as before.
    expect(waLinks(detail(locale, "new"), SHOPS[locale], URL_)[0]!.text).not.toContain("EID10");
  });
});
