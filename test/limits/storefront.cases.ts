/** The customer's forms: add to cart, change and remove a line, check out. */
import { env } from "cloudflare:workers";
import { addSchema, checkoutSchema, codeSchema, removeSchema, updateSchema } from "../../src/checkout/schemas";
import { customerAtCheckout, customerForm, shopWithCatalogue } from "../checkout-fixtures";
import { Client, uniq, shopD1 } from "../helpers";
import { phoneOf, type Body, type FormCase } from "./harness";

interface Customer {
  client: Client;
  headers: Record<string, string>;
  key?: string;
  basis?: string;
}
type Ctx = Awaited<ReturnType<typeof shopWithCatalogue>> & { slug: string; customer: Customer };

async function setup(): Promise<Ctx> {
  const shop = await shopWithCatalogue();
  // Plenty of stock: every save at a cap places an order.
  await (await shopD1(shop.seller.shopId)).prepare("UPDATE variants SET stock = 10000 WHERE shop_id = ?").bind(shop.seller.shopId).run();
  const p = await (await shopD1(shop.seller.shopId)).prepare("SELECT slug FROM products WHERE id = ?").bind(shop.dupatta.productId).first<{ slug: string }>();
  return { ...shop, slug: p!.slug, customer: { client: new Client(), headers: { "cf-connecting-ip": uniq("ip") } } };
}

const customer = {
  setup,
  post: (x: Ctx, url: string, body: Body) => x.customer.client.post(url, body, { csrf: false, headers: x.customer.headers }),
  get: (x: Ctx, url: string) => x.customer.client.get(url, x.customer.headers),
};

/** A customer with the dupatta in her cart (what the cart page's forms act on). */
async function withCart(x: Ctx) {
  x.customer = await customerAtCheckout(x.origin, [[x.dupatta.id, 1]]);
}

export const storefrontCases: FormCase<Ctx>[] = [
  {
    ...customer,
    route: "POST /_s/cart/add",
    schema: addSchema,
    page: (x) => `${x.origin}/products/${x.slug}`,
    action: (x) => `${x.origin}/cart/add`,
    valid: (x) => ({ variant: String(x.dupatta.id), quantity: "1" }),
    saved: (res) => res.status === 303,
    // The quantity as its widest valid text: "099".
    values: { quantity: (n) => `${"0".repeat(n - 2)}99` },
    notTyped: ["variant"],
    refusal: "alert",
  },
  {
    ...customer,
    route: "POST /_s/cart/update",
    schema: updateSchema,
    page: (x) => `${x.origin}/cart`,
    action: (x) => `${x.origin}/cart/update`,
    async valid(x) {
      await withCart(x);
      return { variant: String(x.dupatta.id), quantity: "2" };
    },
    saved: (res) => res.status === 303,
    values: { quantity: (n) => `${"0".repeat(n - 2)}99` },
    notTyped: ["variant"],
    refusal: "alert",
  },
  {
    ...customer,
    route: "POST /_s/cart/remove",
    schema: removeSchema,
    page: (x) => `${x.origin}/cart`,
    action: (x) => `${x.origin}/cart/remove`,
    async valid(x) {
      await withCart(x);
      return { variant: String(x.dupatta.id) };
    },
    saved: (res) => res.status === 303,
    notTyped: ["variant"],
  },
  {
    ...customer,
    route: "POST /_s/cart/code",
    schema: codeSchema,
    page: (x) => `${x.origin}/cart`,
    action: (x) => `${x.origin}/cart/code`,
    async valid(x) {
      await withCart(x);
      return { code: "EID10" };
    },
    saved: (res) => res.status === 303,
    // A code is Latin letters and digits, in either language.
    values: { code: (n) => "EID".padEnd(n, "0") },
  },
  {
    ...customer,
    route: "POST /_s/checkout",
    schema: checkoutSchema,
    page: (x) => `${x.origin}/checkout`,
    action: (x) => `${x.origin}/checkout`,
    async valid(x) {
      x.customer = await customerAtCheckout(x.origin, [[x.dupatta.id, 1]]);
      return { ...customerForm(), key: x.customer.key!, basis: x.customer.basis!, zone: String(x.zone.id) };
    },
    saved: (res) => res.status === 303 && (res.location ?? "").startsWith("/orders/"),
    values: { phone: phoneOf },
    // The basis is the page's own facts, posted back as they were: src/pricing/facts.ts caps and tests it.
    notTyped: ["key", "basis", "zone"],
    // A checkout refused for another field records her phone for the seller (src/recovery).
    volatile: ["rate_limits", "checkout_intents"],
  },
];
