/**
 * One-time codes (src/auth/codes.ts) and the flows on them: forgot password (issue 15, section 4)
 * and proving a phone number, with a controlled clock where time matters.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CODE_MAX_TRIES, CODE_TTL_MS, checkCode, codeMatches, hashCode, newCode, sendCode } from "./codes";
import { RULES } from "./rate-limit";
import { messageOf } from "../messages/outbox";
import { clearOfWindowEdge, Client, codeSentTo, db, provePhone, ROOT, sellerWithShop, signUp, uniq, uniqPhone, type Res } from "../../test/helpers";

const E164 = (phone: string) => `+92${phone.slice(1)}`;
const phoneId = (local: string) => ({ kind: "phone" as const, value: E164(local) });
const roundTrips = (res: Res) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1]);
const statements = (res: Res) => Number(/d1s;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1]);
const rows = async <T,>(sql: string, ...params: unknown[]) => (await env.DB.prepare(sql).bind(...params).all<T>()).results;
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("a code", () => {
  it("is 6 digits, leading zeros kept, drawn again above the largest multiple of a million (no modulo bias)", () => {
    const draws = [2 ** 32 - 1, 4_294_000_000, 42];
    expect(newCode(() => draws.shift()!)).toBe("000042");
    expect(draws).toEqual([]);
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^[0-9]{6}$/);
  });

  it("is stored salted and hashed: never the code, never the same hash twice", async () => {
    const a = await hashCode("204817");
    const b = await hashCode("204817");
    expect(a).not.toBe(b);
    expect(a).not.toContain("204817");
    expect(a).toMatch(/^[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(await codeMatches("204817", a)).toBe(true);
    expect(await codeMatches("204818", a)).toBe(false);
  });

  it("works for 10 minutes, by the clock given", async () => {
    const s = await signUp();
    const to = phoneId(s.login);
    const t0 = Date.UTC(2026, 10, 30, 9, 0, 0);
    const sent = await sendCode(db(), { purpose: "reset", to, ip: uniq("ip"), now: t0 });
    expect(sent.ok).toBe(true);
    const code = await codeSentTo(to.value);
    const [row] = await rows<{ code_hash: string; expires_at: number }>("SELECT code_hash, expires_at FROM verification_codes WHERE address = ?", to.value);
    expect(row!.expires_at).toBe(t0 + CODE_TTL_MS);
    expect(row!.code_hash).not.toContain(code);
    expect(await checkCode(db(), { purpose: "reset", to, code, now: t0 + CODE_TTL_MS })).toEqual({ ok: false, reason: "expired" });
    expect((await checkCode(db(), { purpose: "reset", to, code, now: t0 + CODE_TTL_MS - 1 })).ok).toBe(true);
    // Used once, it is gone.
    expect(await checkCode(db(), { purpose: "reset", to, code, now: t0 + 1 })).toEqual({ ok: false, reason: "expired" });
  });

  it(`takes ${CODE_MAX_TRIES} tries, then is dead even for the right code`, async () => {
    const s = await signUp();
    const to = phoneId(s.login);
    await sendCode(db(), { purpose: "reset", to, ip: uniq("ip") });
    const code = await codeSentTo(to.value);
    for (let left = CODE_MAX_TRIES - 1; left > 0; left--) {
      expect(await checkCode(db(), { purpose: "reset", to, code: wrongOf(code) })).toEqual({ ok: false, reason: "wrong", triesLeft: left });
    }
    expect(await checkCode(db(), { purpose: "reset", to, code: wrongOf(code) })).toEqual({ ok: false, reason: "dead" });
    expect(await checkCode(db(), { purpose: "reset", to, code })).toEqual({ ok: false, reason: "dead" });
  });

  it("is replaced by a new one for the same purpose; the other purpose's code is left alone", async () => {
    const s = await signUp();
    const to = phoneId(s.login);
    await sendCode(db(), { purpose: "reset", to, ip: uniq("ip") });
    const first = await codeSentTo(to.value);
    await sendCode(db(), { purpose: "reset", to, ip: uniq("ip") });
    const second = await codeSentTo(to.value);
    const live = await rows<{ purpose: string }>("SELECT purpose FROM verification_codes WHERE address = ? AND used_at IS NULL", to.value);
    expect(live).toEqual([{ purpose: "reset" }]);
    if (first !== second) expect((await checkCode(db(), { purpose: "reset", to, code: first })).ok).toBe(false);
    expect((await checkCode(db(), { purpose: "reset", to, code: second })).ok).toBe(true);
  });

  it("is written with its message in one batch: the code row and the outbox row, or neither", async () => {
    const s = await signUp();
    const to = phoneId(s.login);
    const ip = uniq("ip");
    for (let i = 0; i < RULES.codeAddress.limit + 1; i++) await sendCode(db(), { purpose: "reset", to, ip });
    const codes = await rows<{ id: number; user_id: number }>("SELECT id, user_id FROM verification_codes WHERE address = ?", to.value);
    const messages = await rows<{ params: string; channel: string; locale: string; shop_id: number | null }>(
      "SELECT params, channel, locale, shop_id FROM outbox WHERE template = 'verification_code' AND recipient = ?",
      to.value,
    );
    // Three sent (each replacing the last: one row left), the fourth refused: no code, no message.
    expect(codes).toHaveLength(1);
    expect(messages).toHaveLength(RULES.codeAddress.limit);
    expect(JSON.parse(messages.at(-1)!.params).codeId).toBe(codes[0]!.id);
    expect(messages.every((m) => m.channel === "whatsapp" && m.locale === "en" && m.shop_id === null)).toBe(true);
  });

  it("goes by SMS when a shop she owns sends its alerts by SMS, by email to an email login", async () => {
    const owner = await sellerWithShop();
    await env.DB.prepare("UPDATE shops SET alert_channel = 'sms' WHERE id = ?").bind(owner.shopId).run();
    const sent = await sendCode(db(), { purpose: "reset", to: phoneId(owner.login), ip: uniq("ip") });
    expect(sent.ok && sent.messages.length).toBe(1);
    expect(await rows("SELECT channel FROM outbox WHERE recipient = ? AND template = 'verification_code'", E164(owner.login))).toEqual([{ channel: "sms" }]);
    const email = `${uniq("sana")}@example.pk`;
    await signUp({ login: email });
    await sendCode(db(), { purpose: "reset", to: { kind: "email", value: email }, ip: uniq("ip") });
    expect(await rows("SELECT channel FROM outbox WHERE recipient = ?", email)).toEqual([{ channel: "email" }]);
  });

  it("is sent only while it can be typed: once used, its queued message has nothing to send", async () => {
    const s = await signUp();
    const to = phoneId(s.login);
    await sendCode(db(), { purpose: "reset", to, ip: uniq("ip") });
    const code = await codeSentTo(to.value);
    const row = (await rows<Record<string, unknown>>("SELECT * FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1", to.value))[0]!;
    const asRow = { ...row, shopId: row.shop_id, params: row.params } as never;
    expect((await messageOf(db(), asRow, ROOT))?.params).toEqual({ code });
    await checkCode(db(), { purpose: "reset", to, code });
    expect(await messageOf(db(), asRow, ROOT)).toBeNull();
  });
});

const ip = () => ({ "cf-connecting-ip": uniq("ip") });
const ask = (client: Client, login: string, headers = ip()) => client.post(`${ROOT}/forgot`, { login }, { headers });

describe("forgot password", () => {
  it("is linked from the log-in page, in English and Urdu", async () => {
    const en = await new Client().get(`${ROOT}/login`);
    expect(en.text).toContain('<a href="/forgot" id="forgot-link">Forgot password?</a>');
    const ur = new Client();
    ur.cookies(new URL(ROOT).host).set("hatti_lang", "ur");
    expect((await ur.get(`${ROOT}/login`)).text).toContain("پاس ورڈ بھول گئیں؟");
    const page = await new Client().get(`${ROOT}/forgot`);
    expect(page.text).toContain('<input id="f-login" name="login" type="text" value inputmode="tel" autocomplete="username" required maxlength="254" dir="ltr"/>');
  });

  it("answers the same whether or not the account exists, in the same round trips and statements", async () => {
    const s = await signUp();
    const nobody = uniqPhone();
    const known = await ask(new Client(), s.login);
    const unknown = await ask(new Client(), nobody);
    expect([known.status, unknown.status]).toEqual([303, 303]);
    expect(known.location).toBe(`/forgot/code?to=${encodeURIComponent(E164(s.login))}`);
    expect(unknown.location).toBe(`/forgot/code?to=${encodeURIComponent(E164(nobody))}`);
    expect([roundTrips(unknown), statements(unknown)]).toEqual([roundTrips(known), statements(known)]);
    expect(roundTrips(known)).toBe(1);
    // Page 2 reads alike, and a wrong code is answered alike (tries left), then too many tries.
    const strip = (r: Res, phone: string) => r.text.replaceAll(E164(phone), "X").replaceAll(`${phone.slice(0, 4)} ${phone.slice(4)}`, "X").replaceAll(phone.slice(1), "X").replace(/value="[^"]*" name="_csrf"|name="_csrf" value="[^"]*"/g, "");
    const page = async (phone: string) => strip(await new Client().get(`${ROOT}/forgot/code?to=${encodeURIComponent(E164(phone))}`), phone);
    expect(await page(nobody)).toBe(await page(s.login));
    const code = await codeSentTo(E164(s.login));
    const guess = (phone: string) => new Client().post(`${ROOT}/forgot/code`, { login: E164(phone), code: wrongOf(code), password: "new password 1", confirm: "new password 1" });
    for (let i = 0; i < CODE_MAX_TRIES; i++) {
      const [a, b] = [await guess(s.login), await guess(nobody)];
      expect([b.status, strip(b, nobody)]).toEqual([a.status, strip(a, s.login)]);
      expect([roundTrips(b), statements(b)]).toEqual([roundTrips(a), statements(a)]);
    }
    // No message ever went to the number without an account.
    expect(await rows("SELECT id FROM outbox WHERE recipient = ?", E164(nobody))).toEqual([]);
  });

  it(`sends ${RULES.codeAddress.limit} codes an hour to one address, refusing the next; and ${RULES.codeIp.limit} from one IP`, async () => {
    const s = await signUp();
    await clearOfWindowEdge(RULES.codeAddress);
    for (let i = 0; i < RULES.codeAddress.limit; i++) expect((await ask(new Client(), s.login)).status).toBe(303);
    const past = await ask(new Client(), s.login);
    expect(past.status).toBe(429);
    expect(past.text).toContain("Too many codes were asked for. Please try again in");
    const headers = ip();
    for (let i = 0; i < RULES.codeIp.limit; i++) expect((await ask(new Client(), uniqPhone(), headers)).status).toBe(303);
    expect((await ask(new Client(), uniqPhone(), headers)).status).toBe(429);
  });

  it("resets the password with the code: every session revoked, logged in afresh here, the code used", async () => {
    const s = await signUp();
    const other = new Client();
    await other.post(`${ROOT}/login`, { login: s.login, password: s.password }, { headers: ip() });
    expect((await other.get(`${ROOT}/admin/account`)).status).toBe(200);
    const here = new Client();
    expect((await ask(here, s.login)).status).toBe(303);
    const code = await codeSentTo(E164(s.login));
    // Wrong code, weak password, a confirmation that differs: each beside its field, the code untouched.
    const weak = await here.post(`${ROOT}/forgot/code`, { login: E164(s.login), code, password: "short", confirm: "other" });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('id="f-password-error"');
    expect(weak.text).toContain("Use at least 8 characters.");
    const mismatch = await here.post(`${ROOT}/forgot/code`, { login: E164(s.login), code, password: "new password 1", confirm: "new password 2" });
    expect(mismatch.text).toContain("The two passwords are not the same.");
    const wrong = await here.post(`${ROOT}/forgot/code`, { login: E164(s.login), code: wrongOf(code), password: "new password 1", confirm: "new password 1" });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="f-code-error" role="alert">That code is not right. You have 4 more tries.</);
    expect(wrong.text).toContain(`value="${wrongOf(code)}"`);

    const ok = await here.post(`${ROOT}/forgot/code`, { login: E164(s.login), code: ` ${code.slice(0, 3)} ${code.slice(3)} `, password: "new password 1", confirm: "new password 1" });
    expect([ok.status, ok.location]).toEqual([303, "/admin/account?done=reset"]);
    const done = await here.get(`${ROOT}/admin/account?done=reset`);
    expect(done.text).toContain("Your password is changed. You were logged out on every other device.");
    expect(done.text).toContain("You are logged in on 1 device (this one).");
    expect((await other.get(`${ROOT}/admin/account`)).location).toMatch(/^\/login/);
    expect((await s.client.get(`${ROOT}/admin/account`)).location).toMatch(/^\/login/);
    // The old password is refused, the new one works; the code cannot be used again.
    expect((await new Client().post(`${ROOT}/login`, { login: s.login, password: s.password }, { headers: ip() })).status).toBe(401);
    expect((await new Client().post(`${ROOT}/login`, { login: s.login, password: "new password 1" }, { headers: ip() })).status).toBe(303);
    const again = await new Client().post(`${ROOT}/forgot/code`, { login: E164(s.login), code, password: "new password 2", confirm: "new password 2" });
    expect(again.text).toContain("This code has expired. Ask for a new one.");
    expect(again.text).toContain('id="new-code"');
    // The code went to her phone: it is proven too; and the message is in the outbox.
    expect(await rows("SELECT phone_verified_at IS NOT NULL AS proven FROM users WHERE phone = ?", E164(s.login))).toEqual([{ proven: 1 }]);
    expect(await rows("SELECT channel, template FROM outbox WHERE recipient = ?", E164(s.login))).toEqual([{ channel: "whatsapp", template: "verification_code" }]);
  });

  it("tells an expired code and too many tries apart, each with a button for a new code", async () => {
    const s = await signUp();
    await ask(new Client(), s.login);
    const code = await codeSentTo(E164(s.login));
    await env.DB.prepare("UPDATE verification_codes SET expires_at = ? WHERE address = ?").bind(Date.now() - 1, E164(s.login)).run();
    const expired = await new Client().post(`${ROOT}/forgot/code`, { login: E164(s.login), code, password: "new password 1", confirm: "new password 1" });
    expect(expired.status).toBe(400);
    expect(expired.text).toContain("This code has expired. Ask for a new one.");
    expect(expired.text).toMatch(/<form method="post" action="\/forgot" id="new-code"/);
    await ask(new Client(), s.login);
    const fresh = await codeSentTo(E164(s.login));
    let last: Res | undefined;
    for (let i = 0; i < CODE_MAX_TRIES; i++) last = await new Client().post(`${ROOT}/forgot/code`, { login: E164(s.login), code: wrongOf(fresh), password: "new password 1", confirm: "new password 1" });
    expect(last!.status).toBe(429);
    expect(last!.text).toContain("Too many wrong tries for this code. Ask for a new one.");
  });

  it("in Urdu: the pages' words, right to left, and her message in Urdu", async () => {
    const ur = new Client();
    ur.cookies(new URL(ROOT).host).set("hatti_lang", "ur");
    const login = uniqPhone();
    expect((await ur.post(`${ROOT}/signup`, { name: "صائمہ بی بی", login, password: "correct horse battery" }, { headers: ip() })).status).toBe(303);
    const c = new Client();
    c.cookies(new URL(ROOT).host).set("hatti_lang", "ur");
    const page1 = await c.get(`${ROOT}/forgot`);
    expect(page1.text).toContain('dir="rtl"');
    expect(page1.text).toContain("اپنا پاس ورڈ دوبارہ بنائیں");
    const res = await ask(c, login);
    const page2 = await c.get(`${ROOT}${res.location}`);
    expect(page2.text).toContain(`<bdi dir="ltr">${login.slice(0, 4)} ${login.slice(4)}</bdi>`);
    expect(page2.text).toContain("6 ہندسوں کا کوڈ");
    const [msg] = await rows<{ locale: string }>("SELECT locale FROM outbox WHERE recipient = ?", E164(login));
    expect(msg!.locale).toBe("ur");
    const code = await codeSentTo(E164(login));
    const wrong = await c.post(`${ROOT}/forgot/code`, { login: E164(login), code: wrongOf(code), password: "نیا پاس ورڈ ۱۲۳", confirm: "نیا پاس ورڈ ۱۲۳" });
    expect(wrong.text).toContain("یہ کوڈ درست نہیں۔ آپ کے پاس 4 کوششیں اور ہیں۔");
    const ok = await c.post(`${ROOT}/forgot/code`, { login: E164(login), code: "۰۰۰۰۰۰".replace(/./g, (_, i: number) => String.fromCharCode(0x06f0 + Number(code[i]))), password: "نیا پاس ورڈ ۱۲۳", confirm: "نیا پاس ورڈ ۱۲۳" });
    expect(ok.status).toBe(303);
    expect((await c.get(`${ROOT}/admin/account?done=reset`)).text).toContain("آپ کا پاس ورڈ بدل گیا۔");
  });
});

describe("proving her phone", () => {
  it("is asked on the dashboard, sends a WhatsApp code, and shows the number as confirmed with a tick", async () => {
    const owner = await sellerWithShop();
    const dash = await owner.client.get(`${ROOT}/admin/${owner.slug}`);
    expect(dash.text).toContain('id="prove-phone"');
    expect(dash.text).toContain(`action="/admin/account/phone/send?next=${encodeURIComponent(`/admin/${owner.slug}`)}"`);
    const sent = await owner.client.post(`${ROOT}/admin/account/phone/send?next=${encodeURIComponent(`/admin/${owner.slug}`)}`, {}, { headers: ip() });
    expect([sent.status, sent.location]).toEqual([303, `/admin/account/phone?next=${encodeURIComponent(`/admin/${owner.slug}`)}`]);
    const [msg] = await rows<{ channel: string; template: string }>("SELECT channel, template FROM outbox WHERE recipient = ?", E164(owner.login));
    expect(msg).toEqual({ channel: "whatsapp", template: "verification_code" });
    const code = await codeSentTo(E164(owner.login));
    const wrong = await owner.client.post(`${ROOT}/admin/account/phone?next=${encodeURIComponent(`/admin/${owner.slug}`)}`, { code: wrongOf(code) });
    expect(wrong.text).toContain("That code is not right. You have 4 more tries.");
    const ok = await owner.client.post(`${ROOT}/admin/account/phone?next=${encodeURIComponent(`/admin/${owner.slug}`)}`, { code });
    expect([ok.status, ok.location]).toEqual([303, `/admin/${owner.slug}`]);
    expect((await owner.client.get(`${ROOT}/admin/${owner.slug}`)).text).not.toContain('id="prove-phone"');
    const account = await owner.client.get(`${ROOT}/admin/account`);
    expect(account.text).toMatch(/<strong class="proven"><span aria-hidden="true">✓ <\/span>Confirmed<\/strong>/);
  });

  it("is not asked of an email login; a code for her account goes to her own number only", async () => {
    const s = await signUp({ login: `${uniq("e")}@example.pk` });
    expect((await s.client.post(`${ROOT}/admin/account/phone/send`, {}, { headers: ip() })).status).toBe(404);
    const a = await signUp();
    const b = await signUp();
    const userB = (await rows<{ id: number }>("SELECT id FROM users WHERE phone = ?", E164(b.login)))[0]!.id;
    // A code for A's number under B's account has no account: nothing is sent.
    const sent = await sendCode(db(), { purpose: "prove_phone", to: phoneId(a.login), userId: userB, ip: uniq("ip") });
    expect(sent.ok && sent.messages).toEqual([]);
  });
});

describe("a staff invitation to a phone", () => {
  it("takes effect only once she has proven that number: her page says so and links to proving it", async () => {
    const owner = await sellerWithShop();
    const sana = await signUp({ name: "Sana Qureshi" });
    await owner.client.post(`${ROOT}/admin/${owner.slug}/staff`, { contact: sana.login });
    const { id } = (await rows<{ id: number }>("SELECT id FROM invitations WHERE shop_id = ? AND contact = ?", owner.shopId, E164(sana.login)))[0]!;
    const shops = await sana.client.get(`${ROOT}/admin/shops`);
    expect(shops.text).toContain(`This invitation is for <bdi dir="ltr">${sana.login.slice(0, 4)} ${sana.login.slice(4)}</bdi>. Confirm that this number is yours to accept it.`);
    expect(shops.text).toContain(`action="/admin/account/phone/send?next=%2Fadmin%2Fshops"`);
    expect(shops.text).not.toContain(`/admin/shops/invitations/${id}/accept`);
    const early = await sana.client.post(`${ROOT}/admin/shops/invitations/${id}/accept`, {});
    expect([early.status, early.location]).toEqual([303, "/admin/shops"]);
    expect(await rows("SELECT role FROM memberships WHERE shop_id = ? AND role = 'staff'", owner.shopId)).toEqual([]);

    await provePhone(sana);
    expect((await sana.client.get(`${ROOT}/admin/shops`)).text).toContain(`/admin/shops/invitations/${id}/accept`);
    const accepted = await sana.client.post(`${ROOT}/admin/shops/invitations/${id}/accept`, {});
    expect([accepted.status, accepted.location]).toEqual([303, `/admin/${owner.slug}`]);
    expect(await rows("SELECT role FROM memberships WHERE shop_id = ? AND role = 'staff'", owner.shopId)).toEqual([{ role: "staff" }]);
  });
});
