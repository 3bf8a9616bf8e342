/**
 * Log-in under attack (issue 13, item 5): wrong passwords are counted per (account, address)
 * and per account. One address is refused after a few wrong passwords on one account; the
 * account as a whole is only slowed down, so the owner's correct password from her own
 * phone always gets her in, whatever anyone else sends from elsewhere. On her next log-in
 * she is told how many wrong passwords were tried, and the count starts again.
 */
import { describe, expect, it } from "vitest";
import { RULES } from "./rate-limit";
import { LOGIN_WAIT, loginWaitMs } from "./login-guard";
import { one } from "../../test/admin-helpers";
import { clearOfWindowEdge, Client, ROOT, signUp, uniq, uniqPhone, type Res } from "../../test/helpers";

const from = (ip: string) => ({ "cf-connecting-ip": ip });
const login = (c: Client, login: string, password: string, ip: string) => c.post(`${ROOT}/login`, { login, password }, { headers: from(ip) });
const wrong = (account: string, ip = uniq("ip")) => login(new Client(), account, "not the password", ip);
/** The Server-Timing entry `name;dur=N` as a number (null when absent). */
const timing = (res: Res, name: string) => {
  const m = new RegExp(`(?:^|,\\s*)${name};dur=([0-9.]+)`).exec(res.headers.get("server-timing") ?? "");
  return m ? Number(m[1]) : null;
};
const E164 = (phone: string) => `+92${phone.slice(1)}`;

describe("wrong passwords from other addresses", () => {
  it("never keep the owner out: 8 wrong passwords from 8 addresses and 6 from one, then her correct password from her phone gets in", async () => {
    const owner = await signUp();
    await clearOfWindowEdge(RULES.loginPair);
    const attacker = uniq("ip");
    for (let i = 0; i < 8; i++) expect((await wrong(owner.login, uniq("ip"))).status).toBe(401);
    const fromOne: number[] = [];
    for (let i = 0; i < 6; i++) fromOne.push((await wrong(owner.login, attacker)).status);
    expect(fromOne).toEqual([401, 401, 401, 401, 401, 429]);

    const phone = new Client();
    const res = await login(phone, owner.login, owner.password, uniq("ip"));
    expect(res.status).toBe(303);
    expect((await phone.get(`${ROOT}/admin/shops`)).status).toBe(200);
  });

  it("refuse one address after five wrong passwords on one account, even its correct password, and nothing else", async () => {
    const owner = await signUp();
    const other = await signUp();
    await clearOfWindowEdge(RULES.loginPair);
    const ip = uniq("ip");
    for (let i = 0; i < RULES.loginPair.limit; i++) expect((await wrong(owner.login, ip)).status).toBe(401);
    const refused = await login(new Client(), owner.login, owner.password, ip);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("Too many wrong passwords for this account from your connection");
    expect(refused.text).toContain(`value="${owner.login}"`);
    // The same address may still log in to another account, and the owner from another address.
    expect((await login(new Client(), other.login, other.password, ip)).status).toBe(303);
    expect((await login(new Client(), owner.login, owner.password, uniq("ip"))).status).toBe(303);
  });

  it("keeps the per-address log-in limit", async () => {
    await clearOfWindowEdge(RULES.loginIp);
    const ip = uniq("ip");
    const statuses: number[] = [];
    for (let i = 0; i <= RULES.loginIp.limit; i++) statuses.push((await wrong(uniqPhone(), ip)).status);
    expect(statuses.slice(0, RULES.loginIp.limit).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("slowing an account down", () => {
  it("waits a bounded, growing time per attempt past the account's threshold, and never more than the cap", () => {
    const n = RULES.loginAccount.limit;
    expect(loginWaitMs(0)).toBe(0);
    expect(loginWaitMs(n - 1)).toBe(0);
    expect(loginWaitMs(n)).toBe(LOGIN_WAIT.firstMs);
    expect(loginWaitMs(n + 1)).toBe(LOGIN_WAIT.firstMs * 2);
    for (const f of [n + 10, n + 100, 1e6, Number.MAX_SAFE_INTEGER]) expect(loginWaitMs(f)).toBe(LOGIN_WAIT.maxMs);
    expect(LOGIN_WAIT.maxMs).toBeLessThanOrEqual(5_000);
  });

  it("slows every attempt on an account under a spread attack, and still lets her correct password in", async () => {
    const owner = await signUp();
    const n = RULES.loginAccount.limit;
    for (let i = 0; i < n; i++) {
      const res = await wrong(owner.login);
      expect(res.status).toBe(401);
      expect(timing(res, "login-wait")).toBeNull();
    }
    const slowed = await wrong(owner.login);
    expect(slowed.status).toBe(401);
    expect(timing(slowed, "login-wait")).toBe(LOGIN_WAIT.firstMs);
    const res = await login(new Client(), owner.login, owner.password, uniq("ip"));
    expect(res.status).toBe(303);
    expect(timing(res, "login-wait")).toBe(LOGIN_WAIT.firstMs * 2);
  });
});

describe("the failed-attempts notice", () => {
  it("tells her on her next log-in how many wrong passwords were tried, once, then counts from zero", async () => {
    const owner = await signUp();
    const id = (await one<{ id: number }>("SELECT id FROM users WHERE phone = ?", E164(owner.login)))!.id;
    for (let i = 0; i < 3; i++) await wrong(owner.login);
    expect(await one("SELECT failed_logins FROM users WHERE id = ?", id)).toEqual({ failed_logins: 3 });

    const c = new Client();
    const res = await login(c, owner.login, owner.password, uniq("ip"));
    expect(res.status).toBe(303);
    expect(await one("SELECT failed_logins FROM users WHERE id = ?", id)).toEqual({ failed_logins: 0 });
    const landed = await c.get(ROOT + res.location!);
    expect(landed.status).toBe(200);
    expect(landed.text).toContain("There were 3 failed attempts to log in to your account since your last log-in.");
    // Shown once.
    expect((await c.get(ROOT + res.location!)).text).not.toContain("failed attempt");

    // Nothing since: no notice. One since: the singular.
    const again = new Client();
    const quiet = await login(again, owner.login, owner.password, uniq("ip"));
    expect((await again.get(ROOT + quiet.location!)).text).not.toContain("failed attempt");
    await wrong(owner.login);
    const third = new Client();
    const one1 = await login(third, owner.login, owner.password, uniq("ip"));
    expect((await third.get(ROOT + one1.location!)).text).toContain("There was 1 failed attempt to log in to your account since your last log-in.");
  });

  it("is shown on the page she lands on, in her language, whatever `next` says", async () => {
    const owner = await signUp();
    await owner.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    for (let i = 0; i < 2; i++) await wrong(owner.login);
    const c = new Client();
    const res = await c.post(`${ROOT}/login?next=${encodeURIComponent("/admin/account")}`, { login: owner.login, password: owner.password }, { headers: from(uniq("ip")) });
    expect(res.location).toBe("/admin/account");
    const page = await c.get(ROOT + res.location!);
    expect(page.text).toContain("لاگ اِن کی 2 ناکام کوششیں");
  });

  it("counts checked wrong passwords only: an address refused before its password was checked adds nothing", async () => {
    const owner = await signUp();
    const ip = uniq("ip");
    for (let i = 0; i < RULES.loginPair.limit + 3; i++) await wrong(owner.login, ip);
    expect(await one("SELECT failed_logins FROM users WHERE phone = ?", E164(owner.login))).toEqual({ failed_logins: RULES.loginPair.limit });
  });
});

describe("no user enumeration", () => {
  it("answers an unknown account exactly as a real one: same status, message and D1 work, refusals included", async () => {
    const owner = await signUp();
    const nobody = uniqPhone();
    const [ipA, ipB] = [uniq("ip"), uniq("ip")];
    for (let i = 0; i <= RULES.loginPair.limit; i++) {
      const real = await wrong(owner.login, ipA);
      const fake = await wrong(nobody, ipB);
      expect(fake.status, `attempt ${i + 1}`).toBe(real.status);
      expect(fake.text.replaceAll(nobody, "LOGIN")).toBe(real.text.replaceAll(owner.login, "LOGIN"));
      // The same round trips and statements whether the account exists or not.
      expect([timing(fake, "d1q"), timing(fake, "d1s")], `attempt ${i + 1}`).toEqual([timing(real, "d1q"), timing(real, "d1s")]);
    }
    // An unknown account leaves no row behind but its counters.
    expect(await one("SELECT 1 AS x FROM users WHERE phone = ?", E164(nobody))).toBeNull();
  });
});
