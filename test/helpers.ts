/**
 * Test helpers: a tiny browser-like client (cookie jar, same-origin headers, CSRF token)
 * that talks to the Worker through exports.default.fetch, and shortcuts that create
 * sellers and shops through the real sign-up and wizard routes.
 */
import { env, exports } from "cloudflare:workers";
import { createDb } from "../src/db/client";
import { shardD1 } from "../src/db/shards";

export const ROOT = "https://hatti.test";
export const shopOrigin = (slug: string) => `https://${slug}.hatti.test`;
/** The directory (src/db/shards.ts): accounts, sessions, memberships, the shops' directory rows. */
export const db = () => createDb(env.DB);

/** The D1 database of the shard that holds the shop (by id or slug; src/db/shards.ts), as the directory says. */
export async function shopD1(shop: number | string): Promise<D1Database> {
  const row = await env.DB.prepare(`SELECT shard FROM shops WHERE ${typeof shop === "number" ? "id" : "slug"} = ?`).bind(shop).first<{ shard: number }>();
  const d1 = row ? shardD1(env, row.shard) : null;
  if (!d1) throw new Error(`no shard holds shop ${shop}`);
  return d1;
}

/** Drizzle over the shop's shard. */
export const shopDb = async (shop: number | string) => createDb(await shopD1(shop));

/**
 * The columns "nothing changed" compares in a table: all of them, but the outbox's rows by what
 * they are (the queue delivers earlier messages beside the tests, changing their state; a
 * refused request must write no message).
 */
export const comparedColumns = (table: string) => (table === "outbox" ? "id, shop_id, channel, recipient, template, params, locale, created_at" : "*");

let counter = 0;
/** A name unique within this test file (storage is shared by the tests of a file). */
export function uniq(prefix = "t"): string {
  counter += 1;
  return `${prefix}${counter}${Math.random().toString(36).slice(2, 7)}`;
}

/** A valid, unique Pakistani mobile number in 03xx format. */
export function uniqPhone(): string {
  return `03${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
}

export const TEST_CSRF = "test-csrf-token-0123456789abcdefghijklmnop";

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class Client {
  /** cookies by host */
  jar = new Map<string, Map<string, string>>();

  cookies(host: string): Map<string, string> {
    let m = this.jar.get(host);
    if (!m) this.jar.set(host, (m = new Map()));
    return m;
  }

  cookieHeader(url: string): string {
    return [...this.cookies(new URL(url).host)].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(url: string, res: Response) {
    const host = new URL(url).host;
    for (const sc of res.headers.getSetCookie()) {
      const [pair, ...attrs] = sc.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      // Host-only cookies (no Domain attribute) are all this app sets; assert that here.
      if (attrs.some((a) => a.trim().toLowerCase().startsWith("domain="))) throw new Error(`cookie ${name} has a Domain attribute`);
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) this.cookies(host).delete(name);
      else this.cookies(host).set(name, value);
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Res> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set("cookie", cookie);
    const res = await exports.default.fetch(new Request(url, { ...init, headers, redirect: "manual" }));
    this.store(url, res);
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
  }

  get(url: string, headers: Record<string, string> = {}): Promise<Res> {
    return this.fetch(url, { headers });
  }

  /** POSTs a urlencoded form from the same origin, with the CSRF token like a real page would. */
  post(url: string, form: Record<string, string | string[]>, opts: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Res> {
    const { origin, host } = new URL(url);
    const body = new URLSearchParams();
    if (opts.csrf !== false) {
      this.cookies(host).set("hatti_csrf", TEST_CSRF);
      body.append("_csrf", TEST_CSRF);
    }
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", origin, ...opts.headers },
    });
  }
}

export interface Seller {
  client: Client;
  login: string;
  password: string;
  name: string;
}

/** Signs a new seller up through POST /signup; the client holds her session. */
export async function signUp(overrides: Partial<{ name: string; login: string; password: string }> = {}): Promise<Seller> {
  const client = new Client();
  const seller = { name: overrides.name ?? "Ayesha", login: overrides.login ?? uniqPhone(), password: overrides.password ?? "correct horse battery" };
  const res = await client.post(`${ROOT}/signup`, seller, { headers: { "cf-connecting-ip": uniq("ip") } });
  if (res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${res.text.slice(0, 300)}`);
  return { client, ...seller };
}

/** Creates a shop through the wizard's last step; returns its slug. */
export async function createShop(seller: Seller, opts: { slug?: string; name?: string; theme?: string } = {}): Promise<string> {
  const slug = opts.slug ?? uniq("shop");
  const res = await seller.client.post(`${ROOT}/start/theme`, { name: opts.name ?? "Ayesha's Kitchen", slug, theme: opts.theme ?? "classic" });
  if (res.status !== 303) throw new Error(`shop creation failed: ${res.status} ${res.text.slice(0, 300)}`);
  return slug;
}

/** A seller with one shop: the usual starting point of an admin test. */
export async function sellerWithShop(opts: { theme?: string } = {}) {
  const seller = await signUp();
  const slug = await createShop(seller, opts);
  const shop = await env.DB.prepare("SELECT id FROM shops WHERE slug = ?").bind(slug).first<{ id: number }>();
  return { ...seller, slug, shopId: shop!.id };
}

/** The code of the newest verification message to `address` (E.164 or email), from its outbox row. */
export async function codeSentTo(address: string): Promise<string> {
  const row = await env.DB.prepare("SELECT params FROM outbox WHERE template = 'verification_code' AND recipient = ? ORDER BY id DESC LIMIT 1")
    .bind(address)
    .first<{ params: string }>();
  if (!row) throw new Error(`no code was sent to ${address}`);
  return (JSON.parse(row.params) as { code: string }).code;
}

/** Proves a seller's phone through the real routes: a code sent, read from the outbox, typed back. */
export async function provePhone(seller: Seller): Promise<void> {
  const sent = await seller.client.post(`${ROOT}/admin/account/phone/send`, {}, { headers: { "cf-connecting-ip": uniq("ip") } });
  if (sent.status !== 303) throw new Error(`sending the code failed: ${sent.status} ${sent.text.slice(0, 300)}`);
  const res = await seller.client.post(`${ROOT}/admin/account/phone`, { code: await codeSentTo(`+92${seller.login.slice(1)}`) });
  if (res.status !== 303) throw new Error(`proving the phone failed: ${res.status} ${res.text.slice(0, 300)}`);
}

/**
 * Rate limits count in fixed windows (windowStart, src/auth/rate-limit.ts). A test that counts
 * hits up to a limit first waits out the current window when less than `marginMs` of it is left,
 * so its hits never straddle a window's edge, where the count starts again (the Worker under test
 * and the tests read the same clock). Rare: 15 s in 15 minutes or an hour.
 */
export async function clearOfWindowEdge(rule: { windowMs: number }, marginMs = 15_000): Promise<void> {
  const left = rule.windowMs - (Date.now() % rule.windowMs);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}

/** Which shard holds the shop (src/db/shards.ts). */
export async function shardOfShop(shopId: number): Promise<number> {
  return (await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(shopId).first<{ shard: number }>())!.shard;
}

/**
 * Makes shops with `make` until one lands in the shard of `shopId`: ids are per database, so
 * "B's ids under A" means B's rows only when both live in one shard (in two shards, B's order 1
 * and A's order 1 are each her own).
 */
export async function inShardOf<T extends { shopId: number }>(shopId: number, make: () => Promise<T>): Promise<T> {
  const want = await shardOfShop(shopId);
  for (let i = 0; i < 6; i++) {
    const made = await make();
    if ((await shardOfShop(made.shopId)) === want) return made;
  }
  throw new Error(`no shop landed in shard ${want}`);
}
