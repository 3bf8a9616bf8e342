/**
 * The mobile-or-email field of sign-up and log-in opens the phone pad (it opened the letters
 * keyboard), and a link swaps it for the email keyboard and back, keeping the page's own query.
 * The boundary suite (test/limits) checks every phone and email field of every form.
 */
import { describe, expect, it } from "vitest";
import { Client, ROOT, type Res } from "../../test/helpers";
import { tags } from "../../test/security-html";

const loginInput = (res: Res) => tags(res.text).find((t) => t.name === "input" && t.attrs.get("name") === "login")!.attrs;
/** The link under the field (in its <p class="field-switch">). */
const switchLink = (res: Res) => {
  const all = tags(res.text);
  const at = all.findIndex((t) => t.name === "p" && t.attrs.get("class") === "field-switch");
  return all[at + 1]?.attrs.get("href")?.replace(/&amp;/g, "&");
};

describe("phone or email field", () => {
  for (const path of ["/signup?slug=ayesha-ke-kapre", "/login?next=%2Fadmin"]) {
    it(`${path}: the phone pad first, the email keyboard a tap away, and back`, async () => {
      const c = new Client();
      const first = await c.get(`${ROOT}${path}`);
      expect(first.status).toBe(200);
      expect(Object.fromEntries(["type", "inputmode", "autocomplete"].map((k) => [k, loginInput(first).get(k)]))).toEqual({ type: "text", inputmode: "tel", autocomplete: "username" });
      expect(first.text).toContain("Use an email address instead");
      const toEmail = switchLink(first)!;
      expect(toEmail).toContain("with=email");
      expect(toEmail).toContain(path.split("?")[1]!);
      const second = await c.get(`${ROOT}${toEmail}`);
      expect(loginInput(second).get("inputmode")).toBe("email");
      expect(second.text).toContain("Use a mobile number instead");
    });
  }

  it("in Urdu too", async () => {
    const c = new Client();
    c.cookies(new URL(ROOT).host).set("hatti_lang", "ur");
    const res = await c.get(`${ROOT}/signup`);
    expect(res.text).toContain('lang="ur"');
    expect(res.text).toContain("اس کے بجائے ای میل لکھیں");
    expect(loginInput(res).get("inputmode")).toBe("tel");
  });
});
