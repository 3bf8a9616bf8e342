import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LOCALES, preferredLocale } from "../i18n";
import { Client, ROOT, sellerWithShop, shopOrigin, signUp } from "../../test/helpers";

const URDU_FIRST = "ur-PK,ur;q=0.9,en;q=0.8";
const htmlTag = (text: string) => text.match(/<html[^>]*>/)![0];

describe("Accept-Language, read on a first visit (issue 15: the language switch was buried)", () => {
  it("picks the language the browser prefers, by q-value, among LOCALES", () => {
    expect(LOCALES).toContain("ur");
    expect(preferredLocale(URDU_FIRST)).toBe("ur");
    expect(preferredLocale("en-GB,en;q=0.9,ur;q=0.8")).toBe("en");
    expect(preferredLocale("en;q=0.2, ur-PK;q=0.7")).toBe("ur");
    expect(preferredLocale("fr-FR,fr;q=0.9,ur;q=0.5,en;q=0.4")).toBe("ur");
    expect(preferredLocale("UR")).toBe("ur");
    expect(preferredLocale("ur;q=0, en;q=0.1")).toBe("en");
    expect(preferredLocale("ur;q=2, en;q=0.5")).toBe("en");
    expect(preferredLocale("ur;level=1;q=0.9, en;q=0.5")).toBe("ur");
    expect(preferredLocale("*, ur;q=0.5")).toBeNull();
    expect(preferredLocale("fr, de")).toBeNull();
    expect(preferredLocale("")).toBeNull();
    expect(preferredLocale(undefined)).toBeNull();
    expect(preferredLocale(`${"x-".repeat(20000)}ur`)).toBeNull();
  });

  it("the landing, sign-up and log-in pages speak Urdu to a browser that prefers it, and say they vary by it", async () => {
    for (const path of ["/", "/signup", "/login"]) {
      const res = await new Client().get(`${ROOT}${path}`, { "accept-language": URDU_FIRST });
      expect(res.status).toBe(200);
      expect(htmlTag(res.text)).toBe('<html lang="ur" dir="rtl">');
      expect(res.headers.get("vary") ?? "").toMatch(/Accept-Language/i);
      // The way back to English, named in English.
      expect(res.text).toMatch(/<a class="btn ghost small" href="\/lang\/en\?next=[^"]*" lang="en">English<\/a>/);
    }
    const english = await new Client().get(`${ROOT}/`, { "accept-language": "en-US,en;q=0.9" });
    expect(htmlTag(english.text)).toBe('<html lang="en" dir="ltr">');
    expect(english.text).toContain('href="/lang/ur?next=%2F" lang="ur">اردو</a>');
  });

  it("a language picked on this browser (the cookie) wins over the header", async () => {
    const c = new Client();
    const pick = await c.get(`${ROOT}/lang/en?next=%2Fsignup`, { "accept-language": URDU_FIRST });
    expect(pick.status).toBe(303);
    expect(pick.location).toBe("/signup");
    const res = await c.get(`${ROOT}/signup`, { "accept-language": URDU_FIRST });
    expect(htmlTag(res.text)).toBe('<html lang="en" dir="ltr">');
    expect(res.headers.get("vary") ?? "").not.toMatch(/Accept-Language/i);
    // And the other way: an English browser that picked Urdu keeps Urdu.
    const d = new Client();
    await d.get(`${ROOT}/lang/ur?next=%2F`);
    expect(htmlTag((await d.get(`${ROOT}/`, { "accept-language": "en" })).text)).toBe('<html lang="ur" dir="rtl">');
  });

  it("a sign-up from an Urdu browser makes an Urdu account", async () => {
    const c = new Client();
    const login = `03${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
    const res = await c.post(`${ROOT}/signup`, { name: "Rubina", login, password: "correct horse battery" }, { headers: { "accept-language": URDU_FIRST, "cf-connecting-ip": `ip-${login}` } });
    expect(res.status).toBe(303);
    const row = await env.DB.prepare("SELECT locale FROM users WHERE phone = ?").bind(`+92${login.slice(1)}`).first<{ locale: string }>();
    expect(row?.locale).toBe("ur");
  });

  it("never changes a storefront: the shop's language is the shop's", async () => {
    const s = await sellerWithShop();
    const store = await new Client().get(`${shopOrigin(s.slug)}/`, { "accept-language": URDU_FIRST });
    expect(store.status).toBe(200);
    expect(htmlTag(store.text)).toMatch(/lang="en"/);
    expect(htmlTag(store.text)).not.toMatch(/rtl/);
    expect(store.headers.get("vary") ?? "").not.toMatch(/Accept-Language/i);
    // The same page fetched again (cached or not) is the same English page.
    const again = await new Client().get(`${shopOrigin(s.slug)}/`, { "accept-language": "ur" });
    expect(htmlTag(again.text)).toBe(htmlTag(store.text));
  });

  it("a signed-in seller's landing switch changes her account's language and brings her back", async () => {
    const s = await signUp();
    const landing = await s.client.get(`${ROOT}/`);
    expect(landing.text).toMatch(/<form method="post" action="\/admin\/account\/language"[^>]*>/);
    expect(landing.text).toContain('<input type="hidden" name="next" value="/"/>');
    const res = await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur", next: "/" });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/");
    expect(htmlTag((await s.client.get(`${ROOT}/`)).text)).toBe('<html lang="ur" dir="rtl">');
  });
});
