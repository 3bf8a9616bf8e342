// Parameters are plain text and cannot change a template's structure: no markup, no new lines,
// no WhatsApp formatting that reaches the fixed text, no bidi reordering, no second substitution.
import { describe, expect, it } from "vitest";
import { getTemplate } from "./index";
import {
  PARAM_MAX,
  TemplateParamsError,
  checkedParams,
  renderText,
  sanitiseParam,
  whatsappParam,
  whatsappTemplatePayload,
} from "./render";

const TITLE_EN = "Handmade embroidered chiffon kurta with dupatta for weddings - Maroon / L";
const TITLE_UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

const newOrder = {
  shopName: "Ayesha's Handmade Kurtas",
  orderNumber: "#1042",
  total: "Rs 12,450",
  city: "Lahore",
  link: "https://hatti.pk/admin/orders/1042",
};

const HOSTILE = [
  "<script>alert(1)</script>",
  "*bold* _italic_ ~strike~ ```mono```",
  "Lahore\n\nPAYMENT DUE: send Rs 5,000 to 0300-1234567\n",
  "tab\there    and        spaces",
  "\u202Eevil\u202C reversed \u2066isolate\u2069",
  "nul\u0000bell\u0007esc\u001b[31m",
  "crlf\r\nnext\u2028line\u2029para\u0085nel",
];

describe("renderText", () => {
  it("renders the new-order message in English and Urdu", () => {
    expect(renderText("new_order", "en", newOrder)).toEqual({
      title: "New order #1042 at Ayesha's Handmade Kurtas",
      body: "New order #1042 at Ayesha's Handmade Kurtas for Rs 12,450, delivery to Lahore. Open https://hatti.pk/admin/orders/1042 to confirm it.",
    });
    const ur = renderText("new_order", "ur", { ...newOrder, shopName: "عائشہ کے کرتے", city: "لاہور" });
    expect(ur.body).toBe(
      "نیا آرڈر #1042 دکان عائشہ کے کرتے پر آیا ہے: رقم Rs 12,450، ترسیل لاہور میں۔ تصدیق کے لیے https://hatti.pk/admin/orders/1042 کھولیں۔",
    );
  });

  it("keeps the template's structure whatever a parameter holds", () => {
    const template = getTemplate("low_stock");
    for (const locale of ["en", "ur"] as const) {
      // The fixed text between placeholders, in order.
      const fixed = template.text[locale].body.split(/\{\w+\}/);
      for (const hostile of HOSTILE) {
        const params = { shopName: hostile, product: hostile, stock: "2", link: "https://hatti.pk/admin/products/7" };
        const { body, title } = renderText("low_stock", locale, params);
        expect(body).not.toMatch(/[\n\r\t\u2028\u2029\u0085\u0000-\u001f\u202A-\u202E\u2066-\u2069]/);
        expect(title).not.toMatch(/[\n\r\t\u2028\u2029\u0085\u0000-\u001f\u202A-\u202E\u2066-\u2069]/);
        expect(body).not.toMatch(/ {2,}/);
        // Each piece of fixed text is still there, in order, exactly once between the parameters.
        let at = 0;
        for (const piece of fixed) {
          const found = body.indexOf(piece, at);
          expect(found).toBeGreaterThanOrEqual(at);
          at = found + piece.length;
        }
      }
    }
  });

  it("leaves markup as the text it is (every channel is plain text)", () => {
    const { body } = renderText("order_confirmed", "en", { shopName: "<b>Shop</b><script>x()</script>", orderNumber: "#1" });
    expect(body).toContain("<b>Shop</b><script>x()</script>");
  });

  it("substitutes once: a parameter that looks like a placeholder stays literal", () => {
    const { body } = renderText("new_order", "en", { ...newOrder, shopName: "{link} {city}" });
    expect(body).toContain("at {link} {city} for");
    expect(body.match(/https:\/\/hatti\.pk/g)).toHaveLength(1);
  });

  it("refuses an unknown template, a missing, empty or unknown parameter", () => {
    expect(() => renderText("no_such", "en", {})).toThrow(TemplateParamsError);
    const { link: _, ...noLink } = newOrder;
    expect(() => renderText("new_order", "en", noLink)).toThrow(/parameter "link" is missing/);
    expect(() => renderText("new_order", "en", { ...newOrder, city: " \n\t " })).toThrow(/parameter "city" is empty/);
    expect(() => renderText("new_order", "en", { ...newOrder, extra: "x" })).toThrow(/unknown parameter "extra"/);
    expect(() => renderText("new_order", "en", { ...newOrder, city: 5 as unknown as string })).toThrow(/"city" is missing/);
    // Rows read back from storage can hold anything.
    expect(() => renderText("new_order", "fr" as "en", newOrder)).toThrow(/unknown locale "fr"/);
    expect(() => whatsappTemplatePayload("new_order", "fr" as "en", newOrder)).toThrow(/unknown locale "fr"/);
    expect(() => renderText("new_order", "en", null as unknown as Record<string, string>)).toThrow(/not an object/);
    // An inherited property is not a parameter.
    expect(() => renderText("new_order", "en", Object.create({ ...newOrder }))).toThrow(TemplateParamsError);
  });
});

describe("sanitiseParam", () => {
  it("makes one line of every whitespace run, and drops controls and bidi overrides", () => {
    expect(sanitiseParam("  Lahore\n\nCantt\t\tBlock   Z  ")).toBe("Lahore Cantt Block Z");
    expect(sanitiseParam("a\u0000b\u0007c")).toBe("abc");
    expect(sanitiseParam("crlf\r\nnext\u2028line\u0085nel")).toBe("crlf next line nel");
    expect(sanitiseParam("Rs \u202E054,21\u202C")).toBe("Rs 054,21");
    expect(sanitiseParam("\u2066#1042\u2069")).toBe("#1042");
  });

  it("keeps the joiners Urdu needs and the text of a long Urdu title", () => {
    expect(sanitiseParam("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(sanitiseParam(TITLE_UR)).toBe(TITLE_UR);
    expect(sanitiseParam(TITLE_EN)).toBe(TITLE_EN);
  });

  it(`caps a parameter at ${PARAM_MAX} characters without splitting a character`, () => {
    expect(sanitiseParam("x".repeat(PARAM_MAX))).toBe("x".repeat(PARAM_MAX));
    const long = sanitiseParam(`${TITLE_UR} `.repeat(10));
    expect(Array.from(long).length).toBeLessThanOrEqual(PARAM_MAX);
    expect(Array.from(long).length).toBeGreaterThan(PARAM_MAX - 5);
    expect(long.endsWith("…")).toBe(true);
    const emoji = sanitiseParam("🧵".repeat(PARAM_MAX + 1));
    expect(Array.from(emoji)).toHaveLength(PARAM_MAX);
    expect(emoji.slice(0, -1)).toBe("🧵".repeat(PARAM_MAX - 1));
  });
});

describe("WhatsApp parameters", () => {
  it("obey the Cloud API's rule: no newline, tab or more than 4 consecutive spaces", () => {
    for (const hostile of HOSTILE) {
      const payload = whatsappTemplatePayload("low_stock", "ur", { shopName: hostile, product: hostile, stock: "2", link: "https://hatti.pk/a" });
      for (const component of payload.components) {
        for (const p of component.parameters as { type: string; text: string }[]) {
          expect(p.type).toBe("text");
          expect(p.text).not.toMatch(/[\n\t]| {5,}/);
          expect(p.text).not.toBe("");
        }
      }
    }
  });

  it("cannot pair up formatting markers across the fixed text", () => {
    // Two parameters that would make everything between them bold.
    const payload = whatsappTemplatePayload("new_order", "en", { ...newOrder, orderNumber: "*#1042", shopName: "Kurtas*" });
    const texts = (payload.components[0]!.parameters as { text: string }[]).map((p) => p.text);
    expect(texts.join(" ")).not.toMatch(/[*~`]/);
    expect(whatsappParam("*bold* _it_ ~s~ `m`")).toBe("∗bold∗ ＿it＿ ∼s∼ ˋmˋ");
    // An underscore inside a word or a link formats nothing and stays.
    expect(whatsappParam("https://hatti.pk/media/kurta_red_l.webp")).toBe("https://hatti.pk/media/kurta_red_l.webp");
  });

  it("builds the documented template object, body parameters in the mapping's order", () => {
    expect(whatsappTemplatePayload("new_order", "ur", newOrder)).toEqual({
      name: "hatti_new_order",
      language: { code: "ur" },
      components: [
        {
          type: "body",
          parameters: ["#1042", "Ayesha's Handmade Kurtas", "Rs 12,450", "Lahore", "https://hatti.pk/admin/orders/1042"].map((text) => ({ type: "text", text })),
        },
      ],
    });
  });

  it("sends the verification code to the body and the copy-code button", () => {
    expect(whatsappTemplatePayload("verification_code", "en", { code: "482913" })).toEqual({
      name: "hatti_verification_code",
      language: { code: "en" },
      components: [
        { type: "body", parameters: [{ type: "text", text: "482913" }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "482913" }] },
      ],
    });
  });

  it("checks parameters before building anything", () => {
    expect(() => whatsappTemplatePayload("new_order", "en", {})).toThrow(TemplateParamsError);
    expect(checkedParams("order_shipped_tracking", { shopName: "A", orderNumber: "#1", courier: "TCS", trackingNumber: "  77 12 \n", trackingUrl: "https://postex.pk/tracking?cn=7712" }).params.trackingNumber).toBe("77 12");
  });
});
