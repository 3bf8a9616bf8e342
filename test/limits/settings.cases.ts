/** The shop settings forms: details, payment methods, delivery zones (new and edit), the JazzCash credentials. */
import { env } from "cloudflare:workers";
import { detailsSchema, paymentsForm, zoneSchema } from "../../src/settings/schema";
import { easypaySchema, jazzcashSchema } from "../../src/gateways/config";
import { ROOT, sellerWithShop, shopD1 } from "../helpers";
import { emailOf, moneyOf, phoneOf, stockOf, type FormCase } from "./harness";

type Ctx = Awaited<ReturnType<typeof sellerWithShop>>;
const admin = (s: Ctx, path: string) => `${ROOT}/admin/${s.slug}${path}`;
const seller = {
  setup: () => sellerWithShop(),
  post: (s: Ctx, url: string, body: Record<string, string | string[]>) => s.client.post(url, body),
  saved: (res: { status: number }) => res.status === 303,
};

export const settingsCases: FormCase<Ctx>[] = [
  {
    ...seller,
    route: "POST /_p/admin/:shop/settings",
    schema: detailsSchema,
    page: (s) => admin(s, "/settings"),
    action: (s) => admin(s, "/settings"),
    valid: () => ({ name: "Ayesha's Kitchen", description: "", whatsapp: "", phone: "", email: "", city: "Lahore", currency: "PKR", locale: "en" }),
    values: { whatsapp: phoneOf, phone: phoneOf, email: emailOf, lowStockAt: stockOf },
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/settings/payments",
    schema: paymentsForm,
    page: (s) => admin(s, "/settings/payments"),
    action: (s) => admin(s, "/settings/payments"),
    valid: () => ({ codEnabled: "on", codConfirm: "on", codConfirmHours: "24" }),
    // Whole hours typed with n characters (" 24"): spaces are trimmed.
    values: { codConfirmHours: (n) => "24".padStart(n, " ") },
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/settings/zones",
    schema: zoneSchema,
    page: (s) => admin(s, "/settings/zones"),
    action: (s) => admin(s, "/settings/zones"),
    valid: () => ({ name: "Karachi", fee: "250", freeAbove: "" }),
    values: { fee: moneyOf, freeAbove: moneyOf },
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/settings/zones/:id",
    schema: zoneSchema,
    page: (s) => admin(s, "/settings/zones"),
    action: (s) => admin(s, `/settings/zones/${(s as Ctx & { zoneId: number }).zoneId}`),
    async setup() {
      const s = await sellerWithShop();
      const zone = await (await shopD1(s.shopId)).prepare("SELECT id FROM delivery_zones WHERE shop_id = ? ORDER BY id LIMIT 1").bind(s.shopId).first<{ id: number }>();
      return { ...s, zoneId: zone!.id };
    },
    valid: () => ({ name: "Lahore", fee: "150", freeAbove: "5000" }),
    values: { fee: moneyOf, freeAbove: moneyOf },
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/gateways",
    schema: jazzcashSchema,
    page: (s) => admin(s, "/gateways"),
    action: (s) => admin(s, "/gateways"),
    valid: () => ({ merchantId: "MC12345", password: "0123456789abcdef", salt: "z8y7x6w5v4u3t2s1", mode: "sandbox" }),
    // A merchant ID is letters and digits (JazzCash's portal issues "MC12345"-like ids).
    values: { merchantId: (n) => "M".repeat(n) },
    // Never shown back, even after a refusal.
    secret: ["password", "salt"],
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/gateways/easypay",
    schema: easypaySchema,
    page: (s) => admin(s, "/gateways/easypay"),
    action: (s) => admin(s, "/gateways/easypay"),
    valid: () => ({ storeId: "43210", hashKey: "HATTISANDBOXKEY1", username: "hatti-store", password: "0123456789abcdef", accountNum: "654321987", mode: "sandbox" }),
    // The store ID and account number are digits; the hash key is exactly 16 characters (its cap).
    values: { storeId: (n) => "4".repeat(n), accountNum: (n) => "6".repeat(n), hashKey: (n) => "K".repeat(n) },
    secret: ["hashKey", "password"],
  },
];
