import { latinSlug } from "../lib/latin-slug";

/** Shop slugs: the subdomain of a shop. 3 to 30 of a-z, 0-9 and inner hyphens. */
export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]$/;

/** Sub-domains that can never be a shop: infrastructure, brand and confusable names. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "www", "admin", "administrator", "app", "api", "mail", "email", "smtp", "imap", "pop", "ftp",
  "static", "assets", "cdn", "media", "img", "images", "files", "help", "support", "blog",
  "docs", "status", "dev", "staging", "test", "demo-shop", "shop", "shops", "store", "stores",
  "hatti", "login", "logout", "signup", "register", "account", "accounts", "billing", "pay",
  "payment", "payments", "checkout", "cart", "dashboard", "root", "system", "security", "abuse",
  "postmaster", "hostmaster", "webmaster", "info", "news", "about", "legal", "terms", "privacy",
  "ns", "ns1", "ns2", "dns", "mx", "vpn", "auth", "oauth", "sso", "m", "mobile", "web",
]);

export type SlugProblem = "invalid" | "reserved";

/** Why a slug cannot be used, or null when its form is fine (it may still be taken). */
export function slugProblem(slug: string): SlugProblem | null {
  if (!SLUG_RE.test(slug) || slug.includes("--")) return "invalid";
  if (RESERVED_SLUGS.has(slug)) return "reserved";
  return null;
}

/** Suggests a slug from a shop name: "Ayesha's Kitchen!" -> "ayeshas-kitchen". */
export function suggestSlug(name: string): string {
  const base = latinSlug(name, 30);
  if (base.length >= 3 && !RESERVED_SLUGS.has(base)) return base;
  if (base.length >= 3) return `${base.slice(0, 25)}-shop`;
  // Names in Urdu script (or too short) have no latin letters to go on.
  return base ? `${base}-shop` : "my-shop";
}

/** Variants to offer when a slug is taken: name-2, name-pk, name-store... */
export function alternativeSlugs(slug: string): string[] {
  const stem = slug.slice(0, 25).replace(/-+$/, "");
  return [`${stem}-pk`, `${stem}-shop`, `${stem}-store`, `${stem}-2`, `${stem}-3`].filter(
    (s) => slugProblem(s) === null,
  );
}
