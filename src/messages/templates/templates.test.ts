// The template registry is whole: every template file registered, every template with en and ur
// text that uses only its declared parameters (and all of them), and a WhatsApp mapping Meta would
// approve. The checker itself is shown to fail broken templates.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n";
import { templateProblems } from "./check";
import { defineTemplate, type TemplateDef } from "./define";
import { TEMPLATES, getTemplate } from "./index";
import { whatsappBodyText } from "./render";

declare global {
  interface ImportMeta {
    glob<T>(pattern: string | string[], opts: { eager: true }): Record<string, T>;
  }
}

const good = defineTemplate({
  id: "sample",
  audience: "seller",
  params: ["shopName", "orderNumber"],
  text: {
    en: { title: "Order {orderNumber}", body: "Order {orderNumber} at {shopName} is ready." },
    ur: { title: "آرڈر {orderNumber}", body: "آرڈر {orderNumber} دکان {shopName} پر تیار ہے۔" },
  },
  whatsapp: { name: "sample", category: "utility", language: { en: "en", ur: "ur" }, body: ["orderNumber", "shopName"] },
  push: { ttlSeconds: 3600, urgency: "normal" },
});

describe("the registry", () => {
  it("has the templates issues 15, 16 and 17 need, each with no problems", () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(
      [
        "low_stock",
        "new_order",
        "order_cancelled",
        "order_cancelled_by_customer",
        "order_confirmed",
        "order_delivered",
        "order_packed",
        "order_shipped",
        "order_shipped_tracking",
        "verification_code",
        "cod_confirm_request",
        "payment_received",
        "payment_proof_sent",
        "payment_not_received",
      ].sort(),
    );
    for (const template of Object.values(TEMPLATES)) {
      expect({ id: template.id, problems: templateProblems(template) }).toEqual({ id: template.id, problems: [] });
    }
  });

  it("registers every template file in the folder, under its own id", () => {
    const modules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });
    const defined = Object.entries(modules).flatMap(([file, exports]) =>
      Object.values(exports)
        .filter((v): v is TemplateDef => typeof v === "object" && v !== null && "whatsapp" in v && "text" in v && "id" in v)
        .map((t) => ({ file, id: t.id })),
    );
    expect(defined.length).toBeGreaterThanOrEqual(10);
    for (const { file, id } of defined) {
      expect({ file, registered: Object.hasOwn(TEMPLATES, id) && TEMPLATES[id as keyof typeof TEMPLATES] !== undefined }).toEqual({
        file,
        registered: true,
      });
    }
  });

  it("uses each WhatsApp template name once", () => {
    const names = Object.values(TEMPLATES).map((t) => t.whatsapp.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("covers every locale the app has", () => {
    for (const template of Object.values(TEMPLATES)) expect(Object.keys(template.text).sort()).toEqual([...LOCALES].sort());
  });

  it("gives a text that fits each order state", () => {
    const en = (id: Parameters<typeof getTemplate>[0]) => getTemplate(id).text.en.body;
    expect(en("order_confirmed")).toMatch(/confirmed/);
    expect(en("order_packed")).toMatch(/packed/);
    expect(en("order_shipped")).toMatch(/on its way/);
    expect(en("order_shipped_tracking")).toMatch(/\{courier\}.*\{trackingNumber\}/);
    expect(en("order_delivered")).toMatch(/delivered/);
    expect(en("order_cancelled")).toMatch(/cancelled/);
    // None of them asks the customer to "reply YES": each message fits its state.
    for (const t of Object.values(TEMPLATES)) expect(t.text.en.body).not.toMatch(/reply|YES/i);
  });

  it("numbers the WhatsApp body in order of appearance, in both languages", () => {
    expect(whatsappBodyText(getTemplate("new_order"), "en")).toBe(
      "New order {{1}} at {{2}} for {{3}}, delivery to {{4}}. Open {{5}} to confirm it.",
    );
    expect(whatsappBodyText(getTemplate("new_order"), "ur")).toBe(
      "نیا آرڈر {{1}} دکان {{2}} پر آیا ہے: رقم {{3}}، ترسیل {{4}} میں۔ تصدیق کے لیے {{5}} کھولیں۔",
    );
  });
});

describe("the checker fails a broken template", () => {
  it("passes the sample", () => {
    expect(templateProblems(good)).toEqual([]);
  });

  it("fails one without Urdu text", () => {
    const { ur: _, ...onlyEn } = good.text;
    const broken = { ...good, text: onlyEn } as unknown as TemplateDef;
    expect(templateProblems(broken)).toContain("ur: no text");
  });

  it("fails one without English text", () => {
    const broken = { ...good, text: { ...good.text, en: { title: "", body: "" } } };
    expect(templateProblems(broken)).toContain("en: no text");
  });

  it("fails one whose text uses a parameter it does not declare", () => {
    const broken = { ...good, text: { ...good.text, ur: { ...good.text.ur, body: good.text.ur.body + " {city} میں" } } };
    expect(templateProblems(broken)).toContain("ur.body: uses {city}, which is not a parameter");
  });

  it("fails one whose Urdu text leaves a parameter out", () => {
    const broken = { ...good, text: { ...good.text, ur: { ...good.text.ur, body: "آرڈر {orderNumber} تیار ہے۔" } } };
    expect(templateProblems(broken)).toContain("ur.body: does not use {shopName}");
  });

  it("fails one whose WhatsApp mapping misses a parameter", () => {
    const broken = { ...good, whatsapp: { ...good.whatsapp, body: ["orderNumber"] as const } };
    expect(templateProblems(broken)).toContain("whatsapp: does not send {shopName}");
  });

  it("fails a WhatsApp body Meta would reject", () => {
    const starts = { ...good, text: { ...good.text, en: { ...good.text.en, body: "{orderNumber} at {shopName} is ready." } } };
    expect(templateProblems(starts)).toContain("whatsapp en: the body starts with a placeholder");
    const ends = { ...good, text: { ...good.text, en: { ...good.text.en, body: "Order {orderNumber} at {shopName}." } } };
    expect(templateProblems(ends)).toContain("whatsapp en: the body ends with a placeholder");
    const adjacent = { ...good, text: { ...good.text, en: { ...good.text.en, body: "Order {orderNumber}, {shopName} is ready." } } };
    expect(templateProblems(adjacent)).toContain("whatsapp en: two placeholders with no word between them");
    const bold = { ...good, text: { ...good.text, en: { ...good.text.en, body: "*Order* {orderNumber} at {shopName} is ready." } } };
    expect(templateProblems(bold)).toContain("whatsapp en: a formatting marker in the fixed text");
    const swapped = { ...good, whatsapp: { ...good.whatsapp, body: ["shopName", "orderNumber"] as const } };
    expect(templateProblems(swapped)).toContain("whatsapp en: placeholders appear as 2,1, not 1..2 in order");
  });
});
