import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Client, createShop, ROOT, signUp, uniq } from "../../test/helpers";

async function secondDevice(login: string, password: string) {
  const c = new Client();
  const res = await c.post(`${ROOT}/login`, { login, password }, { headers: { "cf-connecting-ip": uniq("ip") } });
  expect(res.status).toBe(303);
  return c;
}
const loggedIn = async (c: Client) => (await c.get(`${ROOT}/admin/account`)).status === 200;

describe("account", () => {
  it("a password change logs out every other device, not this one", async () => {
    const s = await signUp();
    const phone = await secondDevice(s.login, s.password);
    expect(await loggedIn(phone)).toBe(true);
    const res = await s.client.post(`${ROOT}/admin/account/password`, { current: s.password, password: "a brand new one" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Password changed");
    expect(await loggedIn(s.client)).toBe(true);
    expect(await loggedIn(phone)).toBe(false);
    // The new password works, the old one does not.
    await secondDevice(s.login, "a brand new one");
    const old = await new Client().post(`${ROOT}/login`, { login: s.login, password: s.password }, { headers: { "cf-connecting-ip": uniq("ip") } });
    expect(old.status).toBe(401);
  });

  it("refuses a wrong current password or a weak new one, changing nothing", async () => {
    const s = await signUp();
    const before = await env.DB.prepare("SELECT password_hash FROM users WHERE phone = ?").bind(`+92${s.login.slice(1)}`).first();
    const wrong = await s.client.post(`${ROOT}/admin/account/password`, { current: "not it at all", password: "a brand new one" });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("That is not your current password.");
    const weak = await s.client.post(`${ROOT}/admin/account/password`, { current: s.password, password: "short" });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain("Use at least 8 characters.");
    const after = await env.DB.prepare("SELECT password_hash FROM users WHERE phone = ?").bind(`+92${s.login.slice(1)}`).first();
    expect(after).toEqual(before);
  });

  it("logs out other devices, or everywhere", async () => {
    const s = await signUp();
    const other = await secondDevice(s.login, s.password);
    await s.client.post(`${ROOT}/admin/account/sessions/others`, {});
    expect(await loggedIn(s.client)).toBe(true);
    expect(await loggedIn(other)).toBe(false);
    const third = await secondDevice(s.login, s.password);
    const out = await s.client.post(`${ROOT}/admin/account/sessions/all`, {});
    expect(out.location).toBe("/login");
    expect(await loggedIn(s.client)).toBe(false);
    expect(await loggedIn(third)).toBe(false);
  });

  it("switches the admin to Urdu, right to left", async () => {
    const s = await signUp();
    await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const page = await s.client.get(`${ROOT}/admin/account`);
    expect(page.text).toContain('<html lang="ur" dir="rtl">');
    expect(page.text).toContain("آپ کا اکاؤنٹ");
  });

  it("the admin's top bar has the language switch: a form that works without JavaScript and keeps the page", async () => {
    const s = await signUp();
    const slug = await createShop(s);
    const page = `/admin/${slug}/orders?status=new`;
    const orders = await s.client.get(`${ROOT}${page}`);
    const header = orders.text.match(/<header class="top">[\s\S]*?<\/header>/)![0];
    expect(header).toMatch(/<form method="post" action="\/admin\/account\/language"[^>]*>/);
    expect(header).toContain(`<input type="hidden" name="next" value="${page.replace("&", "&amp;")}"/>`);
    expect(header).toMatch(/<button class="btn ghost small" type="submit" name="locale" value="ur" lang="ur"[^>]*>اردو<\/button>/);
    const res = await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur", next: page });
    expect(res.status).toBe(303);
    expect(res.location).toBe(page);
    const after = await s.client.get(`${ROOT}${page}`);
    expect(after.text).toContain('<html lang="ur" dir="rtl">');
    // In Urdu, the switch offers English back.
    expect(after.text).toMatch(/name="locale" value="en" lang="en"[^>]*>English<\/button>/);
    // Her pick also holds for this browser's platform pages once she has logged out.
    await s.client.post(`${ROOT}/logout`, {});
    expect((await s.client.get(`${ROOT}/login`)).text).toContain('<html lang="ur" dir="rtl">');
  });

  it("the switch never sends her off the site", async () => {
    const s = await signUp();
    for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await s.client.post(`${ROOT}/admin/account/language`, { locale: "en", next });
      expect(res.status).toBe(303);
      expect(res.location).toBe("/admin/account");
    }
    const long = await s.client.post(`${ROOT}/admin/account/language`, { locale: "en", next: `/${"a".repeat(5000)}` });
    expect(long.status).toBe(400);
  });
});
