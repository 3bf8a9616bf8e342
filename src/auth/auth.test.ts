import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "./password";
import { normalizePakPhone } from "../lib/phone";
import { parseIdentity } from "./identity";
import { sha256Hex } from "../lib/bytes";
import { clearOfWindowEdge, Client, ROOT, sellerWithShop, shopOrigin, signUp, uniq, uniqPhone } from "../../test/helpers";
import { RULES } from "./rate-limit";

const ip = () => ({ "cf-connecting-ip": uniq("ip") });

describe("passwords", () => {
  it("hashes with PBKDF2-SHA256 at 100,000 iterations and a per-user salt", async () => {
    const a = await hashPassword("same password");
    const b = await hashPassword("same password");
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", a)).toBe(true);
    expect(await verifyPassword("other password", a)).toBe(false);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
  });
  it("refuses iteration counts above the Workers production cap", async () => {
    await expect(hashPassword("x", 100_001)).rejects.toThrow(/100000/);
    expect(await verifyPassword("x", "pbkdf2-sha256$200000$AAAA$AAAA")).toBe(false);
  });
});

describe("identities", () => {
  it("normalises Pakistani mobile numbers to +92", () => {
    for (const raw of ["03001234567", "0300-1234567", "0300 1234567", "3001234567", "923001234567", "+92 300 1234567", "00923001234567", "۰۳۰۰۱۲۳۴۵۶۷"]) {
      expect(normalizePakPhone(raw), raw).toBe("+923001234567");
    }
    for (const bad of ["12345", "0421234567", "+14155550123", "0300123456", "030012345678", "phone"]) expect(normalizePakPhone(bad), bad).toBeNull();
  });
  it("tells emails from phones", () => {
    expect(parseIdentity(" Ayesha@Example.PK ")).toEqual({ kind: "email", value: "ayesha@example.pk" });
    expect(parseIdentity("ayesha@")).toBeNull();
    expect(parseIdentity("<script>@x.pk")).toBeNull();
  });
});

describe("sign-up", () => {
  it("creates the account, stores the phone as +92 and sets a safe session cookie", async () => {
    const c = new Client();
    const phone = uniqPhone();
    const res = await c.post(`${ROOT}/signup`, { name: "Ayesha", login: phone, password: "long enough" }, { headers: ip() });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/start");
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith("hatti_sid="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const user = await env.DB.prepare("SELECT phone, password_hash FROM users WHERE phone = ?").bind(`+92${phone.slice(1)}`).first<{ phone: string; password_hash: string }>();
    expect(user?.phone).toBe(`+92${phone.slice(1)}`);
    expect(user?.password_hash).not.toContain("long enough");
  });

  it("shows each problem beside its field and keeps what was typed, never the password", async () => {
    const res = await new Client().post(`${ROOT}/signup`, { name: "", login: "12345", password: "short" }, { headers: ip() });
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="f-name-error"');
    expect(res.text).toContain('id="f-login-error"');
    expect(res.text).toContain('id="f-password-error"');
    expect(res.text).toContain('value="12345"');
    expect(res.text).not.toContain('value="short"');
    expect(res.text).toContain("Use at least 8 characters.");
  });

  it("refuses a duplicate phone or email however it is written", async () => {
    const phone = uniqPhone();
    await signUp({ login: phone });
    const again = await new Client().post(`${ROOT}/signup`, { name: "B", login: `+92 ${phone.slice(1, 4)} ${phone.slice(4)}`, password: "long enough" }, { headers: ip() });
    expect(again.status).toBe(409);
    expect(again.text).toContain("already exists");
    const email = `${uniq("e")}@example.pk`;
    await signUp({ login: email });
    const dup = await new Client().post(`${ROOT}/signup`, { name: "B", login: email.toUpperCase(), password: "long enough" }, { headers: ip() });
    expect(dup.status).toBe(409);
  });

  it("refuses an oversized body with 413", async () => {
    const res = await new Client().post(`${ROOT}/signup`, { name: "x".repeat(1_200_000), login: uniqPhone(), password: "long enough" }, { headers: ip() });
    expect(res.status).toBe(413);
    expect(res.text).toContain("too much");
  });

  it("is rate limited per IP", async () => {
    await clearOfWindowEdge(RULES.signupIp);
    const headers = ip();
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await new Client().post(`${ROOT}/signup`, { name: "", login: "", password: "" }, { headers })).status;
    expect(last).toBe(429);
  });
});

describe("log-in and sessions", () => {
  it("stores only a hash of the session token", async () => {
    const s = await signUp();
    const token = s.client.cookies("hatti.test").get("hatti_sid")!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(await env.DB.prepare("SELECT 1 FROM sessions WHERE id = ?").bind(token).first()).toBeNull();
    expect(await env.DB.prepare("SELECT 1 FROM sessions WHERE id = ?").bind(await sha256Hex(token)).first()).not.toBeNull();
  });

  it("gives one generic message for a wrong password and for an unknown account", async () => {
    const s = await signUp();
    const wrong = await new Client().post(`${ROOT}/login`, { login: s.login, password: "wrong password" }, { headers: ip() });
    const unknown = await new Client().post(`${ROOT}/login`, { login: uniqPhone(), password: "wrong password" }, { headers: ip() });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const msg = "That mobile number or email and password do not match.";
    expect(wrong.text).toContain(msg);
    expect(unknown.text).toContain(msg);
    expect(wrong.text).toContain(`value="${s.login}"`);
  });

  it("issues a new session at log-in (no fixation) and log-out revokes it", async () => {
    const s = await signUp();
    const c = new Client();
    c.cookies("hatti.test").set("hatti_sid", "planted-token-planted-token-planted");
    const res = await c.post(`${ROOT}/login`, { login: s.login, password: s.password }, { headers: ip() });
    expect(res.status).toBe(303);
    const token = c.cookies("hatti.test").get("hatti_sid")!;
    expect(token).not.toBe("planted-token-planted-token-planted");
    expect((await c.get(`${ROOT}/admin/shops`)).status).toBe(200);

    const out = await c.post(`${ROOT}/logout`, {});
    expect(out.status).toBe(303);
    expect(await env.DB.prepare("SELECT 1 FROM sessions WHERE id = ?").bind(await sha256Hex(token)).first()).toBeNull();
    // The old token no longer opens anything, even if a copy of it was kept.
    const replay = new Client();
    replay.cookies("hatti.test").set("hatti_sid", token);
    const after = await replay.get(`${ROOT}/admin/shops`);
    expect(after.status).toBe(303);
    expect(after.location).toMatch(/^\/login/);
  });

  it("an expired session is not accepted", async () => {
    const s = await signUp();
    const token = s.client.cookies("hatti.test").get("hatti_sid")!;
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE id = ?").bind(Date.now() - 1, await sha256Hex(token)).run();
    const res = await s.client.get(`${ROOT}/admin/shops`);
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/login/);
  });

  it("redirects only to local paths after log-in", async () => {
    const s = await signUp();
    const res = await new Client().post(`${ROOT}/login?next=${encodeURIComponent("//evil.example/x")}`, { login: s.login, password: s.password }, { headers: ip() });
    expect(res.location).toBe("/start");
  });
});

describe("CSRF", () => {
  it("refuses a form post without the token or from another origin", async () => {
    const s = await signUp();
    const noToken = await s.client.post(`${ROOT}/logout`, {}, { csrf: false });
    expect(noToken.status).toBe(403);
    const crossSite = await s.client.post(`${ROOT}/logout`, {}, { headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    // Still logged in.
    expect((await s.client.get(`${ROOT}/admin/shops`)).status).toBe(200);
  });
});

describe("tenant boundaries", () => {
  it("never sends the session cookie to a shop subdomain (host-only cookie)", async () => {
    const a = await sellerWithShop();
    expect(a.client.cookies(new URL(shopOrigin(a.slug)).host).has("hatti_sid")).toBe(false);
    const setCookies = (await a.client.get(`${ROOT}/admin/${a.slug}`)).headers.getSetCookie();
    for (const c of setCookies) expect(c).not.toMatch(/domain=/i);
  });

  it("a seller of shop A gets 404 for shop B's admin URLs", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    for (const path of ["", "/live", "/orders", "/products", "/shop"]) {
      const res = await a.client.get(`${ROOT}/admin/${b.slug}${path}`);
      expect(res.status, path).toBe(404);
    }
    expect((await a.client.get(`${ROOT}/admin/${a.slug}`)).status).toBe(200);
  });
});
