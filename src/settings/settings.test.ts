import { describe, expect, it } from "vitest";
import { Client, provePhone, ROOT, sellerWithShop, shopOrigin, signUp, uniq, uniqPhone } from "../../test/helpers";
import { decode, one, postMultipart } from "../../test/admin-helpers";
import { png } from "../../test/media-fixtures";
import { themeForm as postedTheme } from "../../test/theme-form";
import { themeById } from "../../themes";

const shopRow = (id: number) => one<Record<string, unknown>>("SELECT * FROM shops WHERE id = ?", id);

describe("shop settings", () => {
  it("saves details with normalised Pakistani numbers and bumps the version", async () => {
    const s = await sellerWithShop();
    const before = (await shopRow(s.shopId))!;
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/settings`, { name: "Ayesha's Lawn", description: "Hand-picked lawn", whatsapp: "0300-1234567", phone: "+92 321 7654321", email: "Shop@Example.PK", city: "Lahore", currency: "PKR", locale: "ur" });
    expect(res.status).toBe(303);
    const after = (await shopRow(s.shopId))!;
    expect(after).toMatchObject({ name: "Ayesha's Lawn", whatsapp: "+923001234567", phone: "+923217654321", email: "shop@example.pk", city: "Lahore", locale: "ur" });
    expect(after.version).toBe((before.version as number) + 1);
    const store = await new Client().get(`${shopOrigin(s.slug)}/`);
    expect(decode(store.text)).toContain("Ayesha's Lawn");
  });

  it("refuses a bad WhatsApp number and an empty name, keeping what was typed", async () => {
    const s = await sellerWithShop();
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/settings`, { name: "", whatsapp: "12345", phone: "", email: "", city: "Multan", currency: "PKR", locale: "en" });
    expect(res.status).toBe(400);
    // The example number is a left-to-right island (in Urdu it would read "1234567 0300").
    expect(res.text).toContain('Enter a mobile number like <bdi dir="ltr">0300 1234567</bdi>.');
    expect(res.text).toContain('value="12345"');
    expect(res.text).toContain('value="Multan"');
    expect((await shopRow(s.shopId))!.city).toBe("");
  });

  it("changing the shop's language offers to change hers too, in one tap", async () => {
    const s = await sellerWithShop();
    const details = { name: "Ayesha's Lawn", description: "", whatsapp: "", phone: "", email: "", city: "", currency: "PKR" };
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/settings`, { ...details, locale: "ur" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/${s.slug}/settings?done=1&lang=1`);
    const page = await s.client.get(`${ROOT}${res.location}`);
    expect(page.text).toContain("Your shop now speaks اردو. Use اردو for your admin too?");
    const offer = page.text.match(/<div class="notice" id="admin-language-offer">[\s\S]*?<\/div>/)![0];
    expect(offer).toContain('action="/admin/account/language"');
    expect(offer).toContain('<input type="hidden" name="locale" value="ur"/>');
    expect(offer).toContain(`<input type="hidden" name="next" value="/admin/${s.slug}/settings"/>`);
    const tap = await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur", next: `/admin/${s.slug}/settings` });
    expect(tap.location).toBe(`/admin/${s.slug}/settings`);
    const urdu = await s.client.get(`${ROOT}/admin/${s.slug}/settings`);
    expect(urdu.text).toContain('<html lang="ur" dir="rtl">');
    expect(urdu.text).not.toContain("admin-language-offer");
    // Saving again (the language unchanged, or the same as hers) offers nothing.
    const again = await s.client.post(`${ROOT}/admin/${s.slug}/settings`, { ...details, locale: "ur" });
    expect(again.location).toBe(`/admin/${s.slug}/settings?done=1`);
    // In Urdu, the offer to go back to English.
    const back = await s.client.post(`${ROOT}/admin/${s.slug}/settings`, { ...details, locale: "en" });
    const urduOffer = await s.client.get(`${ROOT}${back.location}`);
    expect(urduOffer.text).toContain("آپ کی دکان اب English میں ہے۔");
    expect(urduOffer.text).toContain("میرے ایڈمن کے لیے English استعمال کریں");
  });

  it("saves payment methods and requires the account details of an enabled wallet", async () => {
    const s = await sellerWithShop();
    const url = `${ROOT}/admin/${s.slug}/settings/payments`;
    const bad = await s.client.post(url, { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "", jazzcashNumber: "03001234567" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Enter the account title customers will see.");
    expect(bad.text).toContain('value="03001234567"');
    expect(JSON.parse((await shopRow(s.shopId))!.payments as string).jazzcash?.enabled ?? false).toBe(false);
    const none = await s.client.post(url, {});
    expect(none.status).toBe(400);
    expect(none.text).toContain("Turn on at least one way to pay.");
    const ok = await s.client.post(url, { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha Khan", jazzcashNumber: "03001234567", bankEnabled: "on", bankTitle: "Ayesha Khan", bankNumber: "PK36SCBL0000001123456702", bankBank: "Meezan Bank" });
    expect(ok.status).toBe(303);
    // Every registered method is stored (a method added later too): these are the ones the form set.
    expect(JSON.parse((await shopRow(s.shopId))!.payments as string)).toMatchObject({
      cod: { enabled: true },
      // Each method stores its own texts (src/payments/<id>): a wallet names no bank.
      jazzcash: { enabled: true, title: "Ayesha Khan", number: "03001234567" },
      easypaisa: { enabled: false, title: "", number: "" },
      bank: { enabled: true, title: "Ayesha Khan", number: "PK36SCBL0000001123456702", bank: "Meezan Bank" },
    });
  });

  it("adds, edits and deletes delivery zones; refuses a negative fee", async () => {
    const s = await sellerWithShop();
    const url = `${ROOT}/admin/${s.slug}/settings/zones`;
    const bad = await s.client.post(url, { name: "Lahore", fee: "-100", freeAbove: "" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("A price cannot be negative.");
    expect(bad.text).toContain('value="-100"');
    expect((await s.client.post(url, { name: "Lahore", fee: "150", freeAbove: "3,000" })).status).toBe(303);
    const zone = (await one<{ id: number; fee: number; free_above: number }>("SELECT id, fee, free_above FROM delivery_zones WHERE shop_id = ? AND name = 'Lahore'", s.shopId))!;
    expect(zone).toMatchObject({ fee: 15_000, free_above: 300_000 });
    expect((await s.client.post(`${url}/${zone.id}`, { name: "Lahore city", fee: "200", freeAbove: "" })).status).toBe(303);
    expect(await one("SELECT name, fee, free_above FROM delivery_zones WHERE id = ?", zone.id)).toEqual({ name: "Lahore city", fee: 20_000, free_above: null });
    expect((await s.client.post(`${url}/${zone.id}/delete`, {})).status).toBe(303);
    expect(await one("SELECT id FROM delivery_zones WHERE id = ?", zone.id)).toBeNull();
  });
});

describe("staff", () => {
  it("invites an existing user and a new one, who join when they accept; staff are kept out of the owner's pages and can be removed", async () => {
    const s = await sellerWithShop();
    const url = `${ROOT}/admin/${s.slug}/staff`;
    const acceptFor = async (client: Client, contact: string) => {
      const inv = (await one<{ id: number }>("SELECT id FROM invitations WHERE shop_id = ? AND contact = ?", s.shopId, contact))!;
      expect((await client.post(`${ROOT}/admin/shops/invitations/${inv.id}/accept`, {})).status).toBe(303);
    };
    const existing = await signUp({ name: "Sana" });
    const add = await s.client.post(url, { contact: existing.login });
    expect(add.location).toContain("done=invited");
    expect(await one("SELECT role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.shop_id = ? AND u.name = 'Sana'", s.shopId)).toBeNull();
    // An invitation to a phone takes effect once she has proven it (src/auth/codes.test.ts).
    await provePhone(existing);
    await acceptFor(existing.client, `+92${existing.login.slice(1)}`);
    expect(await one("SELECT role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.shop_id = ? AND u.name = 'Sana'", s.shopId)).toEqual({ role: "staff" });
    const phone = uniqPhone();
    const inv = await s.client.post(url, { contact: phone });
    expect(inv.location).toContain("done=invited");
    const bad = await s.client.post(url, { contact: "not a phone" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('value="not a phone"');
    const newcomer = await signUp({ name: "Hina", login: phone });
    expect((await newcomer.client.get(`${ROOT}/admin/${s.slug}`)).status).toBe(404);
    await provePhone(newcomer);
    await acceptFor(newcomer.client, `+92${phone.slice(1)}`);
    const home = await newcomer.client.get(`${ROOT}/admin/${s.slug}`);
    expect(home.status).toBe(200);
    // Staff manage products but settings, theme, staff, payments and zones are a 404 for them.
    expect((await newcomer.client.get(`${ROOT}/admin/${s.slug}/products`)).status).toBe(200);
    expect((await newcomer.client.get(`${ROOT}/admin/${s.slug}/collections`)).status).toBe(200);
    for (const path of ["settings", "settings/payments", "settings/zones", "theme", "staff"]) {
      expect((await newcomer.client.get(`${ROOT}/admin/${s.slug}/${path}`)).status, path).toBe(404);
    }
    const post = await newcomer.client.post(`${ROOT}/admin/${s.slug}/settings`, { name: "Hijacked", currency: "PKR", locale: "en", whatsapp: "", phone: "", email: "", city: "" });
    expect(post.status).toBe(404);
    expect((await shopRow(s.shopId))!.name).not.toBe("Hijacked");
    const hub = await newcomer.client.get(`${ROOT}/admin/${s.slug}/shop`);
    expect(hub.text).not.toContain(`/admin/${s.slug}/settings`);
    // The owner removes her.
    const hina = (await one<{ id: number }>("SELECT id FROM users WHERE phone = ?", `+92${phone.slice(1)}`))!;
    expect((await s.client.post(`${url}/${hina.id}/remove`, {})).status).toBe(303);
    expect((await newcomer.client.get(`${ROOT}/admin/${s.slug}/products`)).status).toBe(404);
    // The owner cannot be removed through the staff route.
    const owner = (await one<{ user_id: number }>("SELECT user_id FROM memberships WHERE shop_id = ? AND role = 'owner'", s.shopId))!;
    expect((await s.client.post(`${url}/${owner.user_id}/remove`, {})).status).toBe(404);
  });
});

describe("theme", () => {
  it("draws the settings form from the theme's schema", async () => {
    const s = await sellerWithShop();
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/theme`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<input id="s-background" name="s_background" type="color"/);
    expect(page.text).toContain('<label for="s-background">Background colour</label>');
    expect(page.text).toContain('name="sec0_type" value="image-banner"');
    expect(page.text).toContain('name="s_sec0_heading"');
    expect(page.text).toContain('name="file_logo"');
    expect(page.text).toContain('value="bazaar"');
  });

  it("refuses colours with too little contrast, keeps the form, saves nothing", async () => {
    const s = await sellerWithShop();
    const before = (await shopRow(s.shopId))!;
    const fd = themeForm({ s_text: "#fefefe", s_background: "#ffffff" });
    const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, fd);
    expect(res.status).toBe(400);
    expect(res.text).toContain("These two colours are too close");
    expect(res.text).toContain('value="#fefefe"');
    expect((await shopRow(s.shopId))!.theme_settings).toBe(before.theme_settings);
  });

  it("a logo sent with a refused form is not kept in storage", async () => {
    const s = await sellerWithShop();
    const fd = themeForm({ s_text: "#fefefe", s_background: "#ffffff" });
    fd.append("file_logo", new Blob([(await png(80, 40)) as Uint8Array<ArrayBuffer>], { type: "image/png" }), "logo.png");
    const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, fd);
    expect(res.status).toBe(400);
    const { env } = await import("cloudflare:workers");
    expect((await env.MEDIA.list({ prefix: `shops/${s.shopId}/` })).objects).toEqual([]);
  });

  it("previews unsaved settings, then switches theme and colours with a logo, bumping the version", async () => {
    const s = await sellerWithShop();
    const preview = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme/preview`, themeForm({ theme: "bazaar", s_primary: "#123456" }));
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("#123456");
    expect(preview.text).toContain(`href="https://${s.slug}.hatti.test/`);
    expect((await shopRow(s.shopId))!.theme_id).toBe("classic");
    const fd = themeForm({ theme: "bazaar", s_primary: "#123456" });
    fd.append("file_logo", new Blob([(await png(120, 60)) as Uint8Array<ArrayBuffer>], { type: "image/png" }), "logo.png");
    const v0 = (await shopRow(s.shopId))!.version as number;
    const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, fd);
    expect(res.status).toBe(303);
    const row = (await shopRow(s.shopId))!;
    expect(row.theme_id).toBe("bazaar");
    expect(row.version).toBe(v0 + 1);
    const settings = JSON.parse(row.theme_settings as string);
    expect(settings.primary).toBe("#123456");
    expect(settings.logo).toMatchObject({ width: 120, height: 60, format: "png" });
    expect(settings.logo.key).toMatch(new RegExp(`^shops/${s.shopId}/`));
    const store = await new Client().get(`${shopOrigin(s.slug)}/`);
    expect(store.text).toContain("#123456");
    // Removing the logo deletes its object.
    const rm = themeForm({ theme: "bazaar", s_primary: "#123456", s_logo: JSON.stringify(settings.logo), rm_logo: "on" });
    expect((await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, rm)).status).toBe(303);
    expect(JSON.parse((await shopRow(s.shopId))!.theme_settings as string).logo).toBeNull();
    const { env } = await import("cloudflare:workers");
    expect((await env.MEDIA.list({ prefix: `shops/${s.shopId}/` })).objects).toEqual([]);
  });
});

/** A theme form as the page would post it: a banner with a fresh heading, then the newest products. */
function themeForm(over: Record<string, string> = {}): FormData {
  const theme = themeById(over.theme ?? "classic");
  return postedTheme(theme, over, [
    { type: "image-banner", settings: { heading: uniq("Sale ") } },
    { type: "newest", settings: {} },
  ]);
}
