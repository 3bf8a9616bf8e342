import { nameSlug } from "../lib/latin-slug";

/** The longest shop address (a subdomain label is at most 63; short addresses are typed on phones). */
export const SLUG_MAX = 30;
/** Shop slugs: the subdomain of a shop. 3 to SLUG_MAX of a-z, 0-9 and inner hyphens. */
const SLUG_RE = new RegExp(`^[a-z0-9](?:[a-z0-9-]{1,${SLUG_MAX - 2}})[a-z0-9]$`);

/**
 * How a reserved word is matched against an address. A slug's parts are its hyphen-separated
 * words ("verify-account": "verify", "account").
 *
 * - name: the whole address only. Infrastructure and generic names ("mail", "shop", "store")
 *   that are harmless inside an ordinary one ("mail-order-mithai", "ayesha-store").
 * - part: any part. Words that make an address look official, ask for credentials or money, or
 *   name a bank or a payment brand: "verify-account", "meezan-bank", "hatti-support". As a whole
 *   part only, so the same letters inside a word stay free: "banky-crafts", "embankment-books",
 *   "helpful-hands", "accountant-aunty".
 * - start: any part that begins with it. Words also run into the next one: "loginpage",
 *   "verifynow", "hattipk". Only words that ordinary words do not begin with; "hatti" is matched
 *   this way and not anywhere, because "chhatti", "chatti" and "chatting" contain it.
 * - inside: anywhere, hyphens ignored ("jazz-cash", "myeasypaisa"). Long, made-up brand names
 *   that no ordinary word contains.
 *
 * Parts, starts and insides are also read with digits as the letters they pass for ("h4tti",
 * "l0gin", "jazzca5h"). This is the one list of reserved words; slugProblem() applies it.
 */
export type Reserved = "name" | "part" | "start" | "inside";

export const RESERVED: Readonly<Record<string, Reserved>> = {
  // Infrastructure and platform names: the whole address only.
  www: "name", app: "name", api: "name", mail: "name", email: "name", smtp: "name", imap: "name", pop: "name", ftp: "name",
  static: "name", assets: "name", cdn: "name", media: "name", img: "name", images: "name", files: "name", blog: "name",
  docs: "name", status: "name", dev: "name", staging: "name", test: "name", "demo-shop": "name", shop: "name", shops: "name",
  store: "name", stores: "name", logout: "name", register: "name", checkout: "name", cart: "name", dashboard: "name",
  root: "name", system: "name", abuse: "name", postmaster: "name", hostmaster: "name", webmaster: "name", info: "name",
  news: "name", about: "name", legal: "name", terms: "name", privacy: "name", ns: "name", ns1: "name", ns2: "name",
  dns: "name", mx: "name", vpn: "name", m: "name", mobile: "name", web: "name",
  // The platform itself.
  hatti: "start",
  admin: "part", administrator: "part", auth: "part", oauth: "part", sso: "part", signup: "part",
  // Help and accounts: the words of a phishing page.
  support: "part", help: "part", helpdesk: "part", helpline: "part", customercare: "part", official: "part",
  login: "start", logon: "start", signin: "start", signon: "start", password: "start", verify: "start",
  verification: "part", verified: "part", account: "part", accounts: "part", secure: "part", security: "part",
  otp: "part", kyc: "part", update: "part", billing: "part", refund: "part", refunds: "part", reward: "part",
  rewards: "part", prize: "part", lottery: "part", claim: "part", loan: "part", loans: "part",
  // Money words and payment brands.
  pay: "part", payment: "part", payments: "part", wallet: "part", bank: "part", banking: "part", raast: "part",
  jazzcash: "inside", easypaisa: "inside", sadapay: "inside", nayapay: "inside", upaisa: "inside", paypak: "inside",
  paypal: "inside", payoneer: "inside", konnect: "part", visa: "part", mastercard: "part", unionpay: "part",
  // Banks.
  hbl: "part", ubl: "part", mcb: "part", abl: "part", nbp: "part", sbp: "part", meezan: "part", alfalah: "part",
  askari: "part", faysal: "part", bankislami: "part", silkbank: "part",
  // Government programmes and agencies named in SMS scams (BISP's SMS number is 8171).
  bisp: "part", "8171": "part", ehsaas: "part", nadra: "part", pta: "part", fbr: "part", gov: "part", govt: "part",
  // Marketplaces, messengers and telecoms that customers trust.
  whatsapp: "inside", facebook: "part", instagram: "part", google: "part", daraz: "part", telenor: "part",
  zong: "part", ufone: "part", mobilink: "part",
};

const byKind = (kind: Reserved) => Object.keys(RESERVED).filter((w) => RESERVED[w] === kind);
const NAMES: ReadonlySet<string> = new Set(byKind("name"));
const PARTS: ReadonlySet<string> = new Set(byKind("part"));
const STARTS = byKind("start");
const INSIDE = byKind("inside");

/** The slug, and read with digits as letters (1 as i, and as l). */
function readings(slug: string): string[] {
  if (!/[013457]/.test(slug)) return [slug];
  const base = slug.replace(/[03457]/g, (d) => ({ 0: "o", 3: "e", 4: "a", 5: "s", 7: "t" })[d as "0"]!);
  return [slug, base.replace(/1/g, "i"), base.replace(/1/g, "l")];
}

/** Whether one word (a whole part of a slug) is reserved as a part, a start or inside. */
function wordIsReserved(part: string): boolean {
  return PARTS.has(part) || STARTS.some((w) => part.startsWith(w)) || INSIDE.some((w) => part.includes(w));
}

/** Whether the slug is reserved by any rule of RESERVED. */
function isReservedSlug(slug: string): boolean {
  if (NAMES.has(slug)) return true;
  return readings(slug).some((s) => s.split("-").some(wordIsReserved) || INSIDE.some((w) => s.replace(/-/g, "").includes(w)));
}

export type SlugProblem = "invalid" | "reserved";

/** Why a slug cannot be used, or null when its form is fine (it may still be taken). */
export function slugProblem(slug: string): SlugProblem | null {
  if (!SLUG_RE.test(slug) || slug.includes("--")) return "invalid";
  if (isReservedSlug(slug)) return "reserved";
  return null;
}

/**
 * Suggests a slug from a shop name: "Ayesha's Kitchen!" -> "ayeshas-kitchen", "عائشہ کے کپڑے"
 * -> "ayesha-ke-kapre" (Urdu read in Latin letters: src/lib/latin-slug.ts). Never a reserved
 * one: a reserved whole name gets "-shop" ("mail-shop"), reserved words are left out
 * ("Meezan Bank Crafts" -> "meezan-crafts"), and "my-shop" when nothing is left.
 */
export function suggestSlug(name: string): string {
  const base = nameSlug(name, SLUG_MAX);
  const kept = base
    .split("-")
    .filter((p) => p && !readings(p).some(wordIsReserved))
    .join("-");
  const candidates = [base, `${base.slice(0, 25).replace(/-+$/, "")}-shop`, kept, `${kept}-shop`];
  // A name of reserved words only, or of no letters at all, has nothing to go on.
  return candidates.find((s) => slugProblem(s) === null) ?? "my-shop";
}

/** Variants to offer when a slug is taken: name-2, name-pk, name-store... */
export function alternativeSlugs(slug: string): string[] {
  const stem = slug.slice(0, 25).replace(/-+$/, "");
  return [`${stem}-pk`, `${stem}-shop`, `${stem}-store`, `${stem}-2`, `${stem}-3`].filter(
    (s) => slugProblem(s) === null,
  );
}
