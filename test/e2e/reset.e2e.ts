/**
 * She always gets back in (issue 15, section 4), on a 360 px phone: forgot password -> the code
 * read from /dev/outbox.json -> a new password -> her other device is logged out; a wrong code
 * and an expired code refused with clear messages; the same in Urdu, right to left. And after
 * sign-up she proves her number with the code sent to it.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, logIn, phonePage, platformUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SMALL = { width: 360, height: 740 };
const e164 = (local: string) => `+92${local.slice(1)}`;
const newPhone = () => `03${String(Date.now() + Math.floor(Math.random() * 1e6)).slice(-9)}`;

/** The code in the newest verification message to `to`, as /dev/outbox.json shows it. */
async function codeFromOutbox(to: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const res = await fetch(platformUrl("/dev/outbox.json"));
      const { messages } = (await res.json()) as { messages: { to: string; template: string; body: string | null }[] };
      found = messages.find((m) => m.to === to && m.template === "verification_code")?.body?.match(/\b(\d{6})\b/)?.[1];
      return found;
    })
    .toBeTruthy();
  return found!;
}

/** Ages every code sent to `to` past its 10 minutes, in the served database (a second process on its files). */
function expireCodes(to: string): void {
  const wrangler = path.join(import.meta.dirname, "..", "..", "node_modules", "wrangler", "bin", "wrangler.js");
  execFileSync(process.execPath, [wrangler, "d1", "execute", "DB", "--local", "--persist-to", inject("runtime"), "--command", `UPDATE verification_codes SET expires_at = 0 WHERE address = '${to.replace(/[^+0-9]/g, "")}'`], {
    stdio: "pipe",
    env: { ...process.env, CI: "1" },
  });
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function signUp(page: Page, phone: string, password: string, labels = { name: "Your name", login: "Mobile number or email", password: "Password", submit: "Create account" }) {
  await page.goto(platformUrl("/signup"));
  await page.getByLabel(labels.name).fill("Saima Bibi");
  await page.getByLabel(labels.login).fill(phone);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
  await page.waitForURL(/\/start|\/admin/);
}

describe("forgot password on a phone", () => {
  it("code from the outbox, a wrong code refused, a new password; her other device is logged out", async () => {
    const phone = newPhone();
    const old = await phonePage(browser);
    await signUp(old.page, phone, "old password 1");
    await old.page.goto(platformUrl("/admin/account"));
    expect(await old.page.getByRole("heading", { level: 1 }).textContent()).toBe("Your account");

    const { page, context } = await phonePage(browser);
    await page.setViewportSize(SMALL);
    await page.goto(platformUrl("/login"));
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL(/\/forgot$/);
    expect(await page.getByLabel("Mobile number or email").getAttribute("inputmode")).toBe("tel");
    expect(await overflow(page)).toBe(0);
    await page.getByLabel("Mobile number or email").fill(phone);
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.waitForURL(/\/forgot\/code\?to=/);
    expect(await page.locator("#code-sent").textContent()).toContain(`${phone.slice(0, 4)} ${phone.slice(4)}`);
    expect(await page.getByLabel("6-digit code").getAttribute("autocomplete")).toBe("one-time-code");
    expect(await overflow(page)).toBe(0);
    const code = await codeFromOutbox(e164(phone));

    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("6-digit code").fill(wrong);
    await page.getByLabel("New password", { exact: true }).fill("new password 1");
    await page.getByLabel("New password again").fill("new password 1");
    await page.getByRole("button", { name: "Save the new password" }).click();
    expect(await page.locator("#f-code-error").textContent()).toBe("That code is not right. You have 4 more tries.");
    expect(await page.getByLabel("6-digit code").inputValue()).toBe(wrong);

    await page.getByLabel("6-digit code").fill(code);
    await page.getByLabel("New password", { exact: true }).fill("new password 1");
    await page.getByLabel("New password again").fill("new password 1");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.waitForURL(/\/admin\/account\?done=reset$/);
    expect(await page.getByRole("status").textContent()).toBe("Your password is changed. You were logged out on every other device.");
    expect(await overflow(page)).toBe(0);

    // The other device is logged out; the new password logs in.
    await old.page.goto(platformUrl("/admin/account"));
    await old.page.waitForURL(/\/login/);
    await logIn(old.page, phone, "new password 1");
    await Promise.all([old.context.close(), context.close()]);
  });

  it("an expired code is refused with a button for a new one, which then works", async () => {
    const phone = newPhone();
    const s = await phonePage(browser);
    await signUp(s.page, phone, "old password 1");
    await s.context.close();

    const { page, context } = await phonePage(browser);
    await page.setViewportSize(SMALL);
    await page.goto(platformUrl("/forgot"));
    await page.getByLabel("Mobile number or email").fill(phone);
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.waitForURL(/\/forgot\/code/);
    const code = await codeFromOutbox(e164(phone));
    expireCodes(e164(phone));
    await page.getByLabel("6-digit code").fill(code);
    await page.getByLabel("New password", { exact: true }).fill("new password 1");
    await page.getByLabel("New password again").fill("new password 1");
    await page.getByRole("button", { name: "Save the new password" }).click();
    expect(await page.locator("#f-code-error").textContent()).toBe("This code has expired. Ask for a new one.");

    await page.getByRole("button", { name: "Send me a new code" }).click();
    await page.waitForURL(/\/forgot\/code/);
    await expect.poll(() => codeFromOutbox(e164(phone))).not.toBe(code);
    const fresh = await codeFromOutbox(e164(phone));
    await page.getByLabel("6-digit code").fill(fresh);
    await page.getByLabel("New password", { exact: true }).fill("new password 1");
    await page.getByLabel("New password again").fill("new password 1");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.waitForURL(/\/admin\/account\?done=reset$/);
    await context.close();
  });

  it("the same in Urdu, right to left", async () => {
    const phone = newPhone();
    const { page, context } = await phonePage(browser, { locale: "ur-PK" });
    await page.setViewportSize(SMALL);
    await page.goto(platformUrl("/lang/ur?next=/login"));
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await signUp(page, phone, "پرانا پاس ورڈ ۱", { name: "آپ کا نام", login: "موبائل نمبر یا ای میل", password: "پاس ورڈ", submit: "اکاؤنٹ بنائیں" }).catch(async (err) => {
      throw new Error(`Urdu sign-up: ${err}\n${await page.content()}`);
    });
    const old = await context.cookies();
    await page.context().clearCookies();
    await page.context().addCookies(old.filter((c) => c.name === "hatti_lang"));

    await page.goto(platformUrl("/login"));
    await page.getByRole("link", { name: "پاس ورڈ بھول گئیں؟" }).click();
    await page.waitForURL(/\/forgot$/);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await overflow(page)).toBe(0);
    await page.getByLabel("موبائل نمبر یا ای میل").fill(phone);
    await page.getByRole("button", { name: "مجھے کوڈ بھیجیں" }).click();
    await page.waitForURL(/\/forgot\/code/);
    // Her number stays left to right inside the Urdu sentence.
    expect(await page.locator("#code-sent bdi").textContent()).toBe(`${phone.slice(0, 4)} ${phone.slice(4)}`);
    expect(await overflow(page)).toBe(0);
    const res = await fetch(platformUrl("/dev/outbox.json"));
    const msg = ((await res.json()) as { messages: { to: string; locale: string; body: string }[] }).messages.find((m) => m.to === e164(phone))!;
    expect(msg.locale).toBe("ur");
    expect(msg.body).toContain("آپ کا ہٹی تصدیقی کوڈ");
    const code = await codeFromOutbox(e164(phone));

    await page.getByLabel("6 ہندسوں کا کوڈ").fill(code === "000000" ? "111111" : "000000");
    await page.getByLabel("نیا پاس ورڈ", { exact: true }).fill("نیا پاس ورڈ ۱۲۳");
    await page.getByLabel("نیا پاس ورڈ دوبارہ").fill("نیا پاس ورڈ ۱۲۳");
    await page.getByRole("button", { name: "نیا پاس ورڈ محفوظ کریں" }).click();
    expect(await page.locator("#f-code-error").textContent()).toBe("یہ کوڈ درست نہیں۔ آپ کے پاس 4 کوششیں اور ہیں۔");
    await page.getByLabel("6 ہندسوں کا کوڈ").fill(code);
    await page.getByLabel("نیا پاس ورڈ", { exact: true }).fill("نیا پاس ورڈ ۱۲۳");
    await page.getByLabel("نیا پاس ورڈ دوبارہ").fill("نیا پاس ورڈ ۱۲۳");
    await page.getByRole("button", { name: "نیا پاس ورڈ محفوظ کریں" }).click();
    await page.waitForURL(/\/admin\/account\?done=reset$/);
    expect(await page.getByRole("status").textContent()).toBe("آپ کا پاس ورڈ بدل گیا۔ آپ کو باقی تمام آلات سے لاگ آؤٹ کر دیا گیا۔");
    expect(await overflow(page)).toBe(0);
    await context.close();
  });
});

describe("proving her number", () => {
  it("after sign-up: a code by WhatsApp, read from the outbox, typed back; the account shows it confirmed", async () => {
    const phone = newPhone();
    const { page, context } = await phonePage(browser);
    await page.setViewportSize(SMALL);
    await signUp(page, phone, "my secret 123");
    await page.goto(platformUrl("/admin/account"));
    expect(await page.locator("#phone").textContent()).toContain("Not confirmed yet");
    await page.locator("#phone").getByRole("button", { name: "Send me a code" }).click();
    await page.waitForURL(/\/admin\/account\/phone$/);
    expect(await overflow(page)).toBe(0);
    const res = await fetch(platformUrl("/dev/outbox.json"));
    const msg = ((await res.json()) as { messages: { to: string; channel: string }[] }).messages.find((m) => m.to === e164(phone))!;
    expect(msg.channel).toBe("whatsapp");
    await page.getByLabel("6-digit code").fill(await codeFromOutbox(e164(phone)));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.waitForURL(/\/admin\/account\?done=proven$/);
    expect(await page.getByRole("status").textContent()).toBe("Your number is confirmed.");
    expect(await page.locator("#phone .proven").textContent()).toBe("✓ Confirmed");
    await context.close();
  });
});
