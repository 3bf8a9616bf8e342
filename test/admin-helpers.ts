/** Helpers of the admin tests: multipart posts with the CSRF token, and direct D1 reads. */
import { env } from "cloudflare:workers";
import { DIRECTORY_TABLES } from "../src/db/shards";
import { Client, ROOT, TEST_CSRF, sellerWithShop, shopD1 } from "./helpers";

export async function postMultipart(client: Client, url: string, form: FormData, headers: Record<string, string> = {}) {
  const { origin, host } = new URL(url);
  client.cookies(host).set("hatti_csrf", TEST_CSRF);
  return client.fetch(url, { method: "POST", body: form, headers: { origin, "x-csrf-token": TEST_CSRF, ...headers } });
}

/**
 * Where a direct read runs: the shard of the shop its first placeholder names when that is
 * `shop_id = ?` (src/db/shards.ts: a shop's rows live in its shard) and it reads no directory
 * table, else the directory.
 */
const DIRECTORY_READ = new RegExp(`\\b(FROM|JOIN)\\s+"?(${DIRECTORY_TABLES.join("|")})\\b`, "i");

async function databaseOf(query: string, binds: unknown[]): Promise<D1Database> {
  if (DIRECTORY_READ.test(query)) return env.DB;
  // The bind of the first `shop_id = ?` (or, on `shops`, of `id = ?`) names the shop.
  const at = (re: RegExp) => {
    const m = re.exec(query);
    return m ? query.slice(0, m.index + m[0].length).split("?").length - 2 : -1;
  };
  const i = Math.max(at(/\bshop_id\s*=\s*\?/), /\bFROM\s+"?shops"?\b/i.test(query) ? at(/\bid\s*=\s*\?/) : -1);
  return i >= 0 && typeof binds[i] === "number" ? shopD1(binds[i] as number) : env.DB;
}

export async function all<T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T[]> {
  return (await (await databaseOf(query, binds)).prepare(query).bind(...binds).all<T>()).results;
}

export async function one<T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T | null> {
  return (await databaseOf(query, binds)).prepare(query).bind(...binds).first<T>();
}

export type Shop = Awaited<ReturnType<typeof sellerWithShop>>;

/** A minimal valid product form (no options). */
export function productForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return { title: "Lawn suit", description: "Soft cotton.\nThree pieces.", price: "2,499", compareAt: "", status: "active", trackStock: "on", v0_key: "", v0_id: "", v0_stock: "5", v0_sku: "", intent: "save", ...over };
}

/** Creates a product through the admin form; returns its id. */
export async function addProduct(s: Shop, over: Record<string, string | string[]> = {}): Promise<number> {
  const res = await s.client.post(`${ROOT}/admin/${s.slug}/products`, productForm(over));
  if (res.status !== 303) throw new Error(`create failed ${res.status}: ${res.text.slice(0, 500)}`);
  return Number(/products\/(\d+)/.exec(res.location!)![1]);
}

export const decode = (html: string) => html.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/**
 * Direct reads in the shop's shard whatever the query names (a row by its id, the shop's full
 * `shops` row): `inShop(s.shopId).one("SELECT price FROM products WHERE id = ?", id)`.
 */
export function inShop(shopId: number) {
  return {
    all: async <T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T[]> => (await (await shopD1(shopId)).prepare(query).bind(...binds).all<T>()).results,
    one: async <T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T | null> => (await shopD1(shopId)).prepare(query).bind(...binds).first<T>(),
  };
}

/** The shard that holds the shop (src/db/shards.ts), as the directory says. */
export const shardOf = async (shopId: number) => (await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(shopId).first<{ shard: number }>())!.shard;
