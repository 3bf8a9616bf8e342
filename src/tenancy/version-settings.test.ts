/** The shop version rule (src/tenancy/version.test.ts) for CSV import, settings, theme and the wizard. */
import { beforeAll, describe, expect, it } from "vitest";
import { Client, createShop, shopD1, shopOrigin, signUp, uniq } from "../../test/helpers";
import { addProduct, all, one } from "../../test/admin-helpers";
import { MAX_ZONES } from "../settings/schema";
import { EN, admin, checkoutOf, expectRefused, expectSeen, freezeDate, importCsv, otherShop, seller, trips } from "../../test/version-fixtures";

freezeDate();

/** Another seller's shop with one of everything: its ids are 404s for ours. */
let other: Awaited<ReturnType<typeof otherShop>>;
beforeAll(async () => {
  other = await otherShop();
});

describe("CSV import", () => {
  it("an import bumps once and shows; a file with only bad rows bumps nothing", async () => {
    const s = await seller();
    await expectSeen("CSV import", s, {
      trips: 4,
      path: "/collections/all",
      act: () => importCsv(s, [`eid-kurta,${EN},,,,,TRUE,Title,Default Title,,,KRT-1,shopify,4,4750,,,active`]),
      status: 200,
      shows: (p) => p.text.includes(EN),
    });
    await expectRefused("CSV with only bad rows", s, () => importCsv(s, [`eid-kurta-2,,,,,,TRUE,Title,Default Title,,,,shopify,4,abc,,,active`]), 400);
  });
});

describe("settings and theme", () => {
  it("details, payment methods, zones (add, edit, delete) and the theme each bump once and show", async () => {
    const s = await seller();
    const product = await addProduct(s, { title: EN });
    const checkout = await checkoutOf(s, product);
    const details = { description: "", whatsapp: "", phone: "", email: "", city: "Lahore", currency: "PKR", locale: "en" };
    await expectSeen("settings details", s, {
      trips: 3,
      path: "/",
      act: () => s.client.post(admin(s, "/settings"), { ...details, name: "Ayesha's Eid Boutique" }),
      shows: (p) => p.text.includes("Ayesha&#39;s Eid Boutique") || p.text.includes("Ayesha's Eid Boutique"),
    });
    await expectSeen("settings payments", s, {
      trips: 3,
      page: checkout,
      act: () => s.client.post(admin(s, "/settings/payments"), { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha Khan", jazzcashNumber: "03001234567" }),
      shows: (p) => p.text.includes('value="jazzcash"'),
    });
    await expectSeen("zone add", s, {
      trips: 3,
      page: checkout,
      act: () => s.client.post(admin(s, "/settings/zones"), { name: "Karachi Saddar", fee: "250", freeAbove: "" }),
      shows: (p) => p.text.includes("Karachi Saddar"),
    });
    const zone = (await one<{ id: number }>("SELECT id FROM delivery_zones WHERE shop_id = ? AND name = 'Karachi Saddar'", s.shopId))!.id;
    await expectSeen("zone edit", s, {
      trips: 3,
      page: checkout,
      act: () => s.client.post(admin(s, `/settings/zones/${zone}`), { name: "Karachi Clifton", fee: "300", freeAbove: "5000" }),
      shows: (p) => p.text.includes("Karachi Clifton"),
    });
    await expectSeen("zone delete", s, { trips: 3, page: checkout, act: () => s.client.post(admin(s, `/settings/zones/${zone}/delete`), {}), shows: (p) => !p.text.includes("Karachi Clifton") });
    await expectSeen("theme save", s, {
      trips: 3,
      path: "/",
      act: () => s.client.post(admin(s, "/theme"), { theme: "classic", has_announcement: "1", s_announcement: "Eid sale: free delivery in Lahore" }),
      shows: (p) => p.text.includes("Eid sale: free delivery in Lahore"),
    });
  });

  it("refuses without a bump: validation errors, the zones' cap, another shop's zone", async () => {
    const s = await seller(other.shard);
    await expectRefused("details without a name", s, () => s.client.post(admin(s, "/settings"), { name: "", city: "Lahore", currency: "PKR", locale: "en" }), 400);
    await expectRefused("a wallet without its number", s, () => s.client.post(admin(s, "/settings/payments"), { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha Khan", jazzcashNumber: "" }), 400);
    await expectRefused("a zone without a name", s, () => s.client.post(admin(s, "/settings/zones"), { name: "", fee: "250" }), 400);
    await expectRefused("edit of another shop's zone", s, () => s.client.post(admin(s, `/settings/zones/${other.zone}`), { name: "Mine", fee: "250", freeAbove: "" }), 404);
    await expectRefused("delete of another shop's zone", s, () => s.client.post(admin(s, `/settings/zones/${other.zone}/delete`), {}), 404);
    await expectRefused("a theme announcement past its cap", s, () => s.client.post(admin(s, "/theme"), { theme: "classic", has_announcement: "1", s_announcement: "x".repeat(121) }), 400);
    await (await shopD1(s.shopId)).prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
       INSERT INTO delivery_zones (shop_id, name, fee, position) SELECT ?1, 'Zone ' || n, 100, n FROM seq`,
    ).bind(s.shopId, MAX_ZONES - 1).run();
    await expectRefused("a zone past the cap", s, () => s.client.post(admin(s, "/settings/zones"), { name: "One too many", fee: "250" }), 400);
  });
});

describe("the wizard", () => {
  it("an address visited before its shop existed shows the new shop at once", async () => {
    const slug = uniq("eidbazaar");
    const missing = await new Client().get(`${shopOrigin(slug)}/`);
    expect(missing.status).toBe(404);
    await createShop(await signUp(), { slug, name: "Eid Bazaar Lahore" });
    const made = await new Client().get(`${shopOrigin(slug)}/`);
    expect(made.status).toBe(200);
    expect(made.text).toContain("Eid Bazaar Lahore");
  });
});
