/**
 * Look-alike shops (issue 13, item 8): platform, payment and phishing words are reserved as
 * parts of an address, not only as whole names, from one list; ordinary shop names stay free;
 * suggestSlug never suggests a reserved address; an account owns at most 5 shops.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_SHOPS_OWNED } from "../platform/schemas";
import { RESERVED, alternativeSlugs, slugProblem, suggestSlug } from "./slug";
import { all, one } from "../../test/admin-helpers";
import { Client, createShop, ROOT, shopD1, signUp, uniq, type Seller } from "../../test/helpers";

/** Addresses that must be refused, and why they are dangerous. */
const RESERVED_TABLE: [string, string][] = [
  ["hatti-support", "the platform's name with a help word"],
  ["hatti-login", "the platform's name with a log-in word"],
  ["hatti", "the platform's name"],
  ["hattipk", "the platform's name run into another word"],
  ["hatti-pk", "the platform's name as a part"],
  ["my-hatti", "the platform's name as a later part"],
  ["h4tti-shop", "the platform's name in digits"],
  ["jazzcash", "a wallet"],
  ["jazz-cash", "a wallet split by a hyphen"],
  ["jazzcashpk", "a wallet run into another word"],
  ["my-jazzcash-account", "a wallet inside"],
  ["jazzca5h", "a wallet in digits"],
  ["easypaisa", "a wallet"],
  ["easy-paisa-help", "a wallet split, with a help word"],
  ["sadapay", "a wallet"],
  ["nayapay-wallet", "a wallet"],
  ["raast-transfer", "the State Bank's instant payments"],
  ["meezan-bank", "a bank"],
  ["hbl-konnect", "a bank's wallet"],
  ["bank-alfalah", "a bank"],
  ["paypal-help", "a payment brand"],
  ["whatsapp-verify", "a messenger and a verification word"],
  ["verify-account", "phishing words"],
  ["verifyaccount", "a verification word run into another"],
  ["secure-login", "phishing words"],
  ["loginpage", "a log-in word run into another"],
  ["l0gin-help", "a log-in word in digits"],
  ["account-update", "an account word"],
  ["official-store", "an official-looking word"],
  ["payment-confirm", "a payment word"],
  ["refund-desk", "a refund word"],
  ["otp-code", "a one-time-password word"],
  ["bisp-8171", "the income-support programme and its SMS number, used in SMS scams"],
  ["kyc-update", "a know-your-customer word"],
  ["www", "infrastructure"],
  ["api", "infrastructure"],
  ["mail", "infrastructure"],
  ["admin", "the admin"],
  ["support", "support"],
  ["shop", "a generic whole name"],
];

/** Addresses real sellers would pick, that must stay free. */
const ALLOWED_TABLE: [string, string][] = [
  ["banky-crafts", '"bank" only as a whole part'],
  ["embankment-books", '"bank" inside a word'],
  ["power-banks", '"banks" is not "bank"'],
  ["ayeshas-kitchen", "an ordinary name"],
  ["chhatti-gifts", 'a word that contains "hatti" (a birth ceremony)'],
  ["chatti-pottery", 'a word that contains "hatti" (a clay pot)'],
  ["chatting-corner", 'a word that contains "hatti"'],
  ["jazz-cafe", '"jazz" alone'],
  ["easy-bakes", '"easy" alone'],
  ["cash-and-carry", '"cash" alone'],
  ["paisa-wasool", '"paisa" alone'],
  ["raasta-dhaba", '"raast" inside a word'],
  ["helpful-hands", '"help" inside a word'],
  ["accountant-aunty", '"account" inside a word'],
  ["securely-packed", '"secure" inside a word'],
  ["ayesha-store", '"store" only as a whole name'],
  ["shop-with-sana", '"shop" only as a whole name'],
  ["mail-order-mithai", '"mail" only as a whole name'],
  ["lahore-bazaar", "an ordinary name"],
  ["nani-ki-dukaan", "an ordinary name"],
  ["zainab-embroidery", "an ordinary name"],
  ["a1-foods", "digits in an ordinary name"],
  ["demo-bazaar", "the demo shops"],
  ["demo-urdu", "the demo shops"],
];

describe("reserved addresses", () => {
  it.each(RESERVED_TABLE)("refuses %s (%s)", (slug) => {
    expect(slugProblem(slug)).toBe("reserved");
  });
  it.each(ALLOWED_TABLE)("allows %s (%s)", (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it("keeps every reserved word in one list, each with how it is matched", () => {
    const kinds = new Set(Object.values(RESERVED));
    expect([...kinds].sort()).toEqual(["inside", "name", "part", "start"]);
    for (const [word, kind] of Object.entries(RESERVED)) {
      expect(word, word).toMatch(/^[a-z0-9-]+$/);
      // Every word is refused as a whole address; one too short to be an address is refused for its form.
      expect(slugProblem(word), word).toBe(word.length >= 3 ? "reserved" : "invalid");
      // Inside a longer address, only a `name` word is free.
      expect(slugProblem(`${word}-crafts`), `${word}-crafts`).toBe(kind === "name" ? null : "reserved");
    }
  });

  it("never suggests a reserved address, from a name or as an alternative", () => {
    const names = [
      "Hatti Support", "JazzCash Store", "Easypaisa", "Admin", "Verify Account", "Ayesha di Hatti", "Meezan Bank Crafts",
      "Official", "www", "Mail", "h4tti", "Jazz Cash", "Secure Login Help", "Shop", "OTP", "BISP 8171",
      ...Object.keys(RESERVED), ...Object.keys(RESERVED).map((w) => `${w} crafts`), ...Object.keys(RESERVED).map((w) => `Ayesha ${w}`),
    ];
    for (const name of names) {
      const s = suggestSlug(name);
      expect(slugProblem(s), `${name} -> ${s}`).toBeNull();
    }
    // Still a useful suggestion where there is one.
    expect(suggestSlug("Ayesha's Kitchen!")).toBe("ayeshas-kitchen");
    expect(suggestSlug("Ayesha di Hatti")).toBe("ayesha-di");
    expect(suggestSlug("Ayesha Bank Crafts")).toBe("ayesha-crafts");
    expect(suggestSlug("Meezan Bank Crafts")).toBe("crafts");
    expect(suggestSlug("Mail")).toBe("mail-shop");
    expect(suggestSlug("Hatti Support")).toBe("my-shop");
    for (const slug of ["ayesha", "hatti", "jazzcash"]) expect(alternativeSlugs(slug).every((s) => slugProblem(s) === null)).toBe(true);
  });

  it("gives an Urdu name a readable Latin address (never my-shop), and refuses reserved words spelt in Urdu", () => {
    const cases: Record<string, string> = {
      "عائشہ کے کپڑے": "ayesha-ke-kapre",
      "فاطمہ بوتیک": "fatma-boutique",
      "لاہوری کھانے": "lahori-khane",
      "ثنا کی مہندی": "sana-ki-mehndi",
      "کراچی کرافٹس": "karachi-crafts",
      "زینب بوتیک": "zainab-boutique",
      "گھر کا کھانا": "ghar-ka-khana",
      "پشاوری چپل": "pashawri-chapl",
      "ہاتھ سے بنے زیورات": "hath-se-bane-zewrat",
      "امی کا حلوہ": "ami-ka-halwa",
      // Mixed Urdu and English, Urdu and Arabic-Indic digits, Arabic keyboard letters.
      "Ayesha کے کپڑے": "ayesha-ke-kapre",
      "Nani کا Kitchen": "nani-ka-kitchen",
      "۱۲۳ کپڑے": "123-kapre",
      "٢٤ گھنٹے بیکری": "24-ghante-bekri",
      "فاطمه بوتيك": "fatma-boutique",
    };
    for (const [name, slug] of Object.entries(cases)) expect(suggestSlug(name), name).toBe(slug);
    // Urdu spellings of reserved words are refused as their Latin ones are.
    const lookAlikes: Record<string, string> = { "ہٹی سپورٹ": "my-shop", "میزان بینک کرافٹس": "mezan-crafts", "واٹس ایپ شاپ": "my-shop", "جاز کیش": "my-shop", "ایزی پیسہ کلیکشن": "my-shop" };
    for (const [name, slug] of Object.entries(lookAlikes)) expect(suggestSlug(name), name).toBe(slug);
    expect(slugProblem("hatti-support")).toBe("reserved");
  });

  it("the wizard and the live check refuse them; the storefront host shows no create link", async () => {
    const s = await signUp();
    for (const slug of ["hatti-support", "jazzcash", "verify-account", "easy-paisa-help"]) {
      const res = await s.client.post(`${ROOT}/start`, { name: "My Shop", slug });
      expect(res.status, slug).toBe(400);
      expect(res.text).toContain("This address is reserved.");
      const api = JSON.parse((await new Client().get(`${ROOT}/api/slug?slug=${slug}`)).text);
      expect(api).toEqual({ ok: false, problem: "reserved" });
      const host = await new Client().get(`https://${slug}.hatti.test/`);
      expect(host.status).toBe(404);
      expect(host.text).not.toContain("/signup?slug=");
    }
    // Without JavaScript the address is suggested from the name: never a reserved one.
    const res = await s.client.post(`${ROOT}/start`, { name: "Hatti Support", slug: "" });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/start/theme?name=Hatti+Support&slug=my-shop");
  });
});

describe("shops per account", () => {
  const owned = async (s: Seller) =>
    (await one<{ n: number }>("SELECT count(*) AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.phone = ? AND m.role = 'owner'", `+92${s.login.slice(1)}`))!.n;
  const tables = async () => ({
    shops: await all("SELECT * FROM shops ORDER BY id"),
    memberships: await all("SELECT * FROM memberships ORDER BY shop_id, user_id"),
    zones: await all("SELECT * FROM delivery_zones ORDER BY id"),
  });

  it(`opens the ${MAX_SHOPS_OWNED}th and refuses the next with a clear message, changing nothing`, async () => {
    expect(MAX_SHOPS_OWNED).toBe(5);
    const s = await signUp();
    for (let i = 1; i <= MAX_SHOPS_OWNED; i++) await createShop(s, { name: `Zainab Embroidery ${i}` });
    expect(await owned(s)).toBe(MAX_SHOPS_OWNED);
    const before = await tables();
    const slug = uniq("sixth");

    const start = await s.client.post(`${ROOT}/start`, { name: "Sixth Shop", slug });
    expect(start.status).toBe(400);
    expect(start.text).toContain(`You already own ${MAX_SHOPS_OWNED} shops, the most one account can open.`);
    expect(start.text).toContain('value="Sixth Shop"');
    const theme = await s.client.post(`${ROOT}/start/theme`, { name: "Sixth Shop", slug, theme: "classic" });
    expect(theme.status).toBe(400);
    expect(theme.text).toContain(`You already own ${MAX_SHOPS_OWNED} shops, the most one account can open.`);
    expect((await s.client.get(`${ROOT}/start`)).text).toContain(`You already own ${MAX_SHOPS_OWNED} shops`);
    expect(await tables()).toEqual(before);
    expect((await new Client().get(`https://${slug}.hatti.test/`)).status).toBe(404);
  });

  it("counts only shops she owns: staff of other shops can still open her own", async () => {
    const s = await signUp();
    for (let i = 0; i < MAX_SHOPS_OWNED - 1; i++) await createShop(s);
    const other = await signUp();
    const otherSlug = await createShop(other);
    const otherId = (await one<{ id: number }>("SELECT id FROM shops WHERE slug = ?", otherSlug))!.id;
    const sId = (await one<{ id: number }>("SELECT id FROM users WHERE phone = ?", `+92${s.login.slice(1)}`))!.id;
    await env.DB.prepare("INSERT INTO memberships (shop_id, user_id, role) VALUES (?, ?, 'staff')").bind(otherId, sId).run();
    expect((await s.client.post(`${ROOT}/start/theme`, { name: "Fifth", slug: uniq("fifth"), theme: "classic" })).status).toBe(303);
    expect(await owned(s)).toBe(MAX_SHOPS_OWNED);
  });

  it("cannot be passed by wizard posts racing each other", async () => {
    const s = await signUp();
    for (let i = 0; i < MAX_SHOPS_OWNED - 1; i++) await createShop(s);
    const slugs = [uniq("race"), uniq("race"), uniq("race")];
    const results = await Promise.all(slugs.map((slug) => s.client.post(`${ROOT}/start/theme`, { name: "Race", slug, theme: "classic" })));
    expect(results.map((r) => r.status).sort()).toEqual([303, 400, 400]);
    expect(await owned(s)).toBe(MAX_SHOPS_OWNED);
    const made = await all<{ slug: string }>(`SELECT slug FROM shops WHERE slug IN (?, ?, ?)`, ...slugs);
    expect(made).toHaveLength(1);
    // No orphan rows from the refused ones: every shop has its owner and its starting zone.
    // (Memberships are the directory's; a shop's zones are in its shard: src/db/shards.ts.)
    const orphans = await one<{ n: number }>("SELECT count(*) AS n FROM shops s WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.shop_id = s.id)");
    expect(orphans!.n).toBe(0);
    const listed = await all<{ id: number }>("SELECT id FROM shops ORDER BY id");
    for (const { id } of listed) {
      expect((await (await shopD1(id)).prepare("SELECT count(*) AS n FROM delivery_zones WHERE shop_id = ?").bind(id).first<{ n: number }>())!.n, `shop ${id}'s zone`).toBeGreaterThan(0);
    }
  });
});
