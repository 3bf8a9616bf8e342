/**
 * The wizard's shop address from an Urdu name, and the "try this instead" suggestion as a control
 * she can tap (a link that fills the address in, without JavaScript), in English and Urdu.
 */
import { describe, expect, it } from "vitest";
import { ROOT, sellerWithShop, signUp, uniq, type Res } from "../../test/helpers";

/** The controls that carry a suggested address (data-slug), read with a real HTML parser. */
async function suggestionControls(res: Res) {
  const found: { tag: string; href: string | null; slug: string | null; cls: string | null; text: string }[] = [];
  await new HTMLRewriter()
    .on("[data-slug]", {
      element: (e) => void found.push({ tag: e.tagName, href: e.getAttribute("href"), slug: e.getAttribute("data-slug"), cls: e.getAttribute("class"), text: "" }),
      text: (t) => void (found.at(-1)!.text += t.text),
    })
    .transform(new Response(res.text))
    .text();
  return found;
}

describe("shop address from an Urdu name", () => {
  it("suggests a readable Latin address for an Urdu name when none was typed (JavaScript off)", async () => {
    const s = await signUp();
    const tail = uniq("x");
    const res = await s.client.post(`${ROOT}/start`, { name: `عائشہ کے کپڑے ${tail}`, slug: "" });
    expect(res.status).toBe(303);
    expect(res.location).toContain(`slug=ayesha-ke-kapre-${tail}`);
  });

  for (const locale of ["en", "ur"] as const) {
    it(`offers a taken address's free variant as a link that fills it in, keeping the name (${locale})`, async () => {
      const a = await sellerWithShop();
      const s = await signUp();
      if (locale === "ur") await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
      const name = "ثنا کی مہندی";
      const taken = await s.client.post(`${ROOT}/start`, { name, slug: a.slug });
      expect(taken.status).toBe(400);
      const [control, ...more] = await suggestionControls(taken);
      expect(more).toEqual([]);
      expect(control).toMatchObject({ tag: "a", slug: `${a.slug}-pk` });
      expect(control!.cls).toContain("btn");
      expect(control!.text).toContain(`${a.slug}-pk`);
      // Tapping it (no JavaScript): the same form, her name kept, the address filled in.
      const filled = await s.client.get(`${ROOT}${control!.href!.replace(/&amp;/g, "&")}`);
      expect(filled.status).toBe(200);
      expect(filled.text).toContain(`value="${a.slug}-pk"`);
      expect(filled.text).toContain(`value="${name}"`);
      if (locale === "ur") expect(filled.text).toContain('lang="ur"');
    });
  }

  it("suggests an address for one typed in Urdu or reserved", async () => {
    const s = await signUp();
    const urdu = await s.client.post(`${ROOT}/start`, { name: "فاطمہ بوتیک", slug: "فاطمہ" });
    expect(urdu.status).toBe(400);
    expect((await suggestionControls(urdu)).map((c) => c.slug)).toEqual(["fatma"]);
    const reserved = await s.client.post(`${ROOT}/start`, { name: "فاطمہ بوتیک", slug: "admin" });
    expect(reserved.status).toBe(400);
    expect((await suggestionControls(reserved)).map((c) => c.slug)).toEqual(["fatma-boutique"]);
  });
});
