/**
 * Form helpers as the routes use them: the first message of each field (a catalogue key), the cap
 * of a field that was too long beside it, issues of no field under "_form"; the form read as
 * strings with NUL bytes dropped, files and the CSRF token left out, a repeated name's last value.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pageSchema } from "../pages/schema";
import { messages } from "../i18n";
import { fieldErrors, fieldMessage, readForm, validate } from "./form";

const TITLE = "Handmade embroidered chiffon kurta with dupatta for weddings";
const URDU = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";
const TITLE_CAP = pageSchema.shape.title.maxLength!;

describe("validate", () => {
  it.each([
    ["a valid page (English)", { title: TITLE, body: "Sizes S to XL" }, null],
    ["a valid page (Urdu), title at its cap", { title: URDU.padEnd(TITLE_CAP, "ا"), body: URDU }, null],
    ["an empty title: its first issue only", { title: "  ", body: "" }, { title: "validation.titleRequired" }],
    ["a title one past its cap: the cap beside it", { title: "ک".repeat(TITLE_CAP + 1), body: "" }, { title: "validation.tooLong", "title.max": String(TITLE_CAP) }],
    ["two fields wrong: one message each", { title: "", body: "x".repeat(20_001) }, { title: "validation.titleRequired", body: "validation.tooLong", "body.max": "20000" }],
  ] as const)("%s", (_, values, errors) => {
    const r = validate(pageSchema, values);
    if (errors === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, errors });
  });

  it("puts an issue of no field under _form, and a field's own issue first", () => {
    const schema = z
      .object({ cod: z.string().max(2, "validation.tooLong").optional(), wallet: z.string().optional() })
      .refine((v) => v.cod || v.wallet, "payments.oneRequired");
    expect(validate(schema, {})).toEqual({ ok: false, errors: { _form: "payments.oneRequired" } });
    expect(validate(schema, { cod: "yes" })).toEqual({ ok: false, errors: { cod: "validation.tooLong", "cod.max": "2" } });
  });

  it("maps posted names to the field they are shown beside, the first issue winning", () => {
    const schema = z.object({ s_logo: z.string().max(3, "theme.tooLong"), rm_logo: z.enum(["on"], "theme.invalid").optional() });
    const r = schema.safeParse({ s_logo: "a long logo ref", rm_logo: "off" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!, { field: (name) => name.replace(/^(s|rm)_/, "") })).toEqual({ logo: "theme.tooLong", "logo.max": "3" });
  });

  it("says the cap in the message beside the field", () => {
    const { t } = messages("en");
    const r = validate(pageSchema, { title: "ک".repeat(TITLE_CAP + 1), body: "" });
    expect(r.ok).toBe(false);
    expect(fieldMessage(t, r.ok ? undefined : r.errors, "title")).toBe(`This is too long (at most ${TITLE_CAP} characters).`);
    expect(fieldMessage(t, {}, "title")).toBeUndefined();
  });
});

describe("readForm", () => {
  const app = new Hono().post("/", async (c) => c.json(await readForm(c)));

  it("reads strings: NUL bytes dropped, the CSRF token and files left out, a repeated name's last value", async () => {
    const fd = new FormData();
    fd.append("title", `${TITLE}\0`);
    fd.append("body", `${URDU}\0\0`);
    fd.append("_csrf", "token");
    fd.append("photo", new File([new Uint8Array([0xff, 0xd8, 0xff])], "kurta.jpg", { type: "image/jpeg" }));
    fd.append("size", "S");
    fd.append("size", "XL");
    const res = await app.request("/", { method: "POST", body: fd });
    expect(await res.json()).toEqual({ title: TITLE, body: URDU, size: "XL" });

    const urlencoded = await app.request("/", {
      method: "POST",
      body: new URLSearchParams({ title: `${URDU}\0`, _csrf: "token" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await urlencoded.json()).toEqual({ title: URDU });
  });
});
