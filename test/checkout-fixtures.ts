/**
 * Fixtures for the checkout and orders tests: a catalogue seeded straight into D1 with drizzle
 * for a shop made through the real sign-up and wizard, and a customer that walks the storefront.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { deliveryZones, products, shops, variants } from "../src/db/schema";
import { Client, sellerWithShop, shopD1, shopDb, shopOrigin, uniq, type Res } from "./helpers";

export interface SeededVariant {
  id: number;
  productId: number;
  shopId: number;
  title: string;
  price: number;
}

export async function seedProduct(
  shopId: number,
  opts: { title?: string; status?: "active" | "draft"; trackStock?: boolean; variants?: { title: string; price: number; stock: number; sku?: string }[] } = {},
): Promise<SeededVariant[]> {
  const title = opts.title ?? uniq("Kurta ");
  const list = opts.variants ?? [{ title: "Default", price: 150_000, stock: 10 }];
  const d = await shopDb(shopId);
  const [p] = await d
    .insert(products)
    .values({ shopId, slug: uniq("p"), title, status: opts.status ?? "active", trackStock: opts.trackStock ?? true, price: list[0]!.price })
    .returning({ id: products.id });
  // Ten rows a statement: D1 binds at most 100 parameters.
  const values = list.map((v, i) => ({ shopId, productId: p!.id, title: v.title, price: v.price, stock: v.stock, sku: v.sku ?? null, position: i }));
  const rows = [];
  for (let i = 0; i < values.length; i += 10) {
    rows.push(...(await d.insert(variants).values(values.slice(i, i + 10)).returning({ id: variants.id, title: variants.title, price: variants.price })));
  }
  return rows.map((r) => ({ ...r, productId: p!.id, shopId }));
}

export async function zonesOf(shopId: number) {
  return (await shopDb(shopId)).select().from(deliveryZones).where(eq(deliveryZones.shopId, shopId)).all();
}

export async function stockOf(variant: { id: number; shopId: number }): Promise<number> {
  const row = await (await shopD1(variant.shopId)).prepare("SELECT stock FROM variants WHERE id = ?").bind(variant.id).first<{ stock: number }>();
  return row!.stock;
}

/** Enables wallets/bank with accounts (call before the shop's storefront is first visited). */
export async function setPayments(shopId: number, payments: object, whatsapp = "0300 1112233") {
  await (await shopDb(shopId)).update(shops).set({ payments: JSON.stringify(payments), whatsapp }).where(eq(shops.id, shopId));
}

/** A seller with a shop, a two-variant product and a one-variant product, COD + JazzCash. */
export async function shopWithCatalogue() {
  const seller = await sellerWithShop();
  await setPayments(seller.shopId, {
    cod: { enabled: true },
    jazzcash: { enabled: true, title: "Ayesha Bibi", number: "0301 7654321" },
    bank: { enabled: false, title: "", number: "" },
  });
  const kurta = await seedProduct(seller.shopId, {
    title: "Lawn Kurta",
    variants: [
      { title: "S", price: 250_000, stock: 5, sku: uniq("K-S") },
      { title: "M", price: 260_000, stock: 5, sku: uniq("K-M") },
    ],
  });
  const [dupatta] = await seedProduct(seller.shopId, { title: "Chiffon Dupatta", variants: [{ title: "Default", price: 90_000, stock: 20 }] });
  const [zone] = await zonesOf(seller.shopId);
  return { seller, kurta, dupatta: dupatta!, zone: zone!, origin: shopOrigin(seller.slug) };
}

/**
 * Another shop with a catalogue in the shard that holds `shopId` (src/db/shards.ts): new shops go
 * to the emptiest shard, so shops are made until one lands there. Only there could one shop's
 * queries ever meet the other's rows (ids are per database): what "another shop's variant" tests need.
 */
export async function shopWithCatalogueBeside(shopId: number) {
  const shardOf = async (id: number) => (await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(id).first<{ shard: number }>())!.shard;
  const k = await shardOf(shopId);
  for (let i = 0; i < 10; i++) {
    const s = await shopWithCatalogue();
    if ((await shardOf(s.seller.shopId)) === k) return s;
  }
  throw new Error(`no new shop landed in shard ${k}`);
}

export const customerForm = (over: Record<string, string> = {}) => ({
  name: "Sana Khan",
  phone: "0321-5551234",
  city: "Lahore",
  address: "House 12, Street 4, Model Town",
  note: "",
  payment: "cod",
  ...over,
});

/** The idempotency key and the fields of the checkout form on a rendered page. */
export function checkoutKey(res: Res): string {
  const m = /name="key" value="([^"]+)"/.exec(res.text);
  if (!m) throw new Error(`no checkout form: ${res.status} ${res.text.slice(0, 300)}`);
  return m[1]!;
}

const unescapeAttr = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of the checkout form on a rendered page, as a browser posts them back: its key and the facts it was priced with. */
export function checkoutHidden(res: Res): { key: string; basis: string } {
  const basis = /name="basis" value="([^"]*)"/.exec(res.text);
  if (!basis) throw new Error(`no checkout form: ${res.status} ${res.text.slice(0, 300)}`);
  return { key: checkoutKey(res), basis: unescapeAttr(basis[1]!) };
}

/** A customer with these lines in the cart (through POST /cart/add), on the checkout page. */
export async function customerAtCheckout(origin: string, lines: [number, number][], ip = uniq("ip")) {
  const client = new Client();
  const headers = { "cf-connecting-ip": ip };
  for (const [variant, quantity] of lines) {
    const res = await client.post(`${origin}/cart/add`, { variant: String(variant), quantity: String(quantity) }, { csrf: false, headers });
    if (res.status !== 303) throw new Error(`add failed ${res.status} ${res.text.slice(0, 300)}`);
  }
  const page = await client.get(`${origin}/checkout`, headers);
  return { client, headers, page, ...checkoutHidden(page) };
}

/** A customer places an order; returns its token, id and status page path. */
export async function placeOrderAt(origin: string, zoneId: number, lines: [number, number][], over: Record<string, string> = {}) {
  const { client, headers, key, basis } = await customerAtCheckout(origin, lines);
  const res = await client.post(`${origin}/checkout`, { ...customerForm(over), key, basis, zone: String(zoneId) }, { csrf: false, headers });
  if (res.status !== 303) throw new Error(`checkout failed ${res.status} ${res.text.slice(0, 500)}`);
  const path = res.location!.replace("?placed=1", "");
  const token = path.slice("/orders/".length);
  const row = await (await shopD1(new URL(origin).hostname.split(".")[0]!)).prepare("SELECT id, number FROM orders WHERE token = ?").bind(token).first<{ id: number; number: number }>();
  return { client, token, path, id: row!.id, number: row!.number };
}

