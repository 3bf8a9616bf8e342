import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Client, createShop, ROOT, sellerWithShop, shopD1, shopOrigin, signUp, uniq } from "../../test/helpers";

describe("create-a-shop wizard", () => {
  it("takes a name and an address, then a theme, and the shop is live", async () => {
    const s = await signUp();
    const slug = uniq("kitchen");
    const step2 = await s.client.post(`${ROOT}/start`, { name: "Nani's Kitchen", slug });
    expect(step2.status).toBe(303);
    expect(step2.location).toBe(`/start/theme?name=Nani%27s+Kitchen&slug=${slug}`);
    const step3 = await s.client.get(`${ROOT}${step2.location}`);
    expect(step3.status).toBe(200);
    expect(step3.text).toContain(`${slug}.hatti.test`);
    const created = await s.client.post(`${ROOT}/start/theme`, { name: "Nani's Kitchen", slug, theme: "classic" });
    expect(created.status).toBe(303);
    expect(created.location).toBe(`/admin/${slug}/live`);
    const live = await s.client.get(`${ROOT}/admin/${slug}/live`);
    expect(live.text).toContain("Your shop is live!");
    expect(live.text).toContain(`/admin/${slug}/products/new`);
    const shop = await env.DB.prepare("SELECT s.name, s.theme_id, m.role FROM shops s JOIN memberships m ON m.shop_id = s.id WHERE s.slug = ?").bind(slug).first();
    expect(shop).toEqual({ name: "Nani's Kitchen", theme_id: "classic", role: "owner" });
    expect((await new Client().get(`${shopOrigin(slug)}/`)).status).toBe(200);
  });

  it("suggests the address from the name when none was typed (JavaScript off)", async () => {
    const s = await signUp();
    const name = `Rubina ${uniq("crafts")}`;
    const res = await s.client.post(`${ROOT}/start`, { name, slug: "" });
    expect(res.status).toBe(303);
    expect(res.location).toContain(`slug=rubina-${name.split(" ")[1]}`);
  });

  it("refuses a taken, reserved or malformed address with a suggestion, keeping the name", async () => {
    const a = await sellerWithShop();
    const s = await signUp();
    const taken = await s.client.post(`${ROOT}/start`, { name: "My Shop", slug: a.slug });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain("already taken");
    expect(taken.text).toContain(`Try ${a.slug}-pk`);
    expect(taken.text).toContain('value="My Shop"');
    const reserved = await s.client.post(`${ROOT}/start`, { name: "My Shop", slug: "admin" });
    expect(reserved.text).toContain("reserved");
    const bad = await s.client.post(`${ROOT}/start`, { name: "My Shop", slug: "-Bad Slug-" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("lower-case letters");
    const noName = await s.client.post(`${ROOT}/start`, { name: " ", slug: uniq("ok") });
    expect(noName.text).toContain("Please enter a shop name");
  });

  it("checks availability live through the API", async () => {
    const a = await sellerWithShop();
    const api = async (slug: string) => JSON.parse((await new Client().get(`${ROOT}/api/slug?slug=${encodeURIComponent(slug)}`)).text);
    expect(await api(uniq("free"))).toEqual({ ok: true });
    expect(await api(a.slug)).toEqual({ ok: false, problem: "taken", suggestion: `${a.slug}-pk` });
    expect(await api("www")).toEqual({ ok: false, problem: "reserved" });
    expect(await api("<b>")).toEqual({ ok: false, problem: "invalid" });
  });

  it("refuses an unknown theme and a slug taken between screens", async () => {
    const s = await signUp();
    const slug = uniq("race");
    const noTheme = await s.client.post(`${ROOT}/start/theme`, { name: "Race", slug, theme: "nope" });
    expect(noTheme.status).toBe(400);
    expect(noTheme.text).toContain("Please pick one of the themes.");
    const other = await signUp();
    await createShop(other, { slug });
    const late = await s.client.post(`${ROOT}/start/theme`, { name: "Race", slug, theme: "classic" });
    expect(late.status).toBe(409);
    expect(late.text).toContain("already taken");
    const count = await env.DB.prepare("SELECT count(*) AS n FROM shops WHERE slug = ?").bind(slug).first<{ n: number }>();
    expect(count?.n).toBe(1);
  });

  it("asks for a log-in first", async () => {
    const res = await new Client().get(`${ROOT}/start`);
    expect(res.status).toBe(303);
    expect(res.location).toBe("/login?next=%2Fstart");
  });
});

describe("several shops", () => {
  it("a seller can own several shops and switch between them", async () => {
    const s = await sellerWithShop();
    const second = await createShop(s, { name: "Second Shop" });
    const list = await s.client.get(`${ROOT}/admin/shops`);
    expect(list.text).toContain(`/admin/${s.slug}`);
    expect(list.text).toContain(`/admin/${second}`);
    // /admin opens the shop she worked on last.
    await s.client.get(`${ROOT}/admin/${second}`);
    expect((await s.client.get(`${ROOT}/admin`)).location).toBe(`/admin/${second}`);
    await s.client.get(`${ROOT}/admin/${s.slug}`);
    expect((await s.client.get(`${ROOT}/admin`)).location).toBe(`/admin/${s.slug}`);
  });

  it("a seller without a shop is sent to the wizard", async () => {
    const s = await signUp();
    expect((await s.client.get(`${ROOT}/admin`)).location).toBe("/start");
  });
});

describe("the shop's WhatsApp number (issue 15: set-up never asked for it)", () => {
  const whatsappOf = async (slug: string) => (await (await shopD1(slug)).prepare("SELECT whatsapp FROM shops WHERE slug = ?").bind(slug).first<{ whatsapp: string }>())!.whatsapp;

  it("a phone sign-up's shop takes her mobile, and the live screen says where orders will reach her", async () => {
    const s = await signUp({ login: "0300 1234567".replace("1234567", String(1_000_000 + Math.floor(Math.random() * 8_999_999))) });
    const slug = await createShop(s, { name: "Handmade embroidered chiffon kurta with dupatta" });
    const local = s.login.replace(/\s/g, "");
    expect(await whatsappOf(slug)).toBe(`+92${local.slice(1)}`);
    const live = await s.client.get(`${ROOT}/admin/${slug}/live`);
    expect(live.status).toBe(200);
    const shown = `${local.slice(0, 4)} ${local.slice(4)}`;
    expect(live.text).toContain(`Orders will reach you on WhatsApp at <bdi dir="ltr">${shown}</bdi>.`);
    // "Change": a form on this screen, the number typed with the phone keypad.
    expect(live.text).toMatch(/<summary[^>]*>Change<\/summary>/);
    expect(live.text).toMatch(/<input[^>]*name="whatsapp"[^>]*>/);
    const input = live.text.match(/<input[^>]*name="whatsapp"[^>]*>/)![0];
    expect(input).toContain('inputmode="tel"');
    expect(input).toContain('autocomplete="tel"');
    expect(input).toContain(`value="${shown}"`);
  });

  it("an email sign-up's shop has none: the live screen asks for it, refuses a bad number and saves a good one", async () => {
    const s = await signUp({ login: `${uniq("ayesha")}@example.pk` });
    const slug = await createShop(s);
    expect(await whatsappOf(slug)).toBe("");
    const live = await s.client.get(`${ROOT}/admin/${slug}/live`);
    expect(live.text).toContain("Where should orders reach you?");
    expect(live.text).not.toContain("Orders will reach you on WhatsApp");
    expect(live.text).toContain(`action="/admin/${slug}/live"`);

    const bad = await s.client.post(`${ROOT}/admin/${slug}/live`, { whatsapp: "12345" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter a mobile number like <bdi dir="ltr">0300 1234567</bdi>.');
    expect(bad.text).toContain('value="12345"');
    expect(await whatsappOf(slug)).toBe("");
    const long = await s.client.post(`${ROOT}/admin/${slug}/live`, { whatsapp: "0".repeat(5000) });
    expect(long.status).toBe(400);

    const good = await s.client.post(`${ROOT}/admin/${slug}/live`, { whatsapp: "۰۳۲۱-۷۶۵۴۳۲۱" });
    expect(good.status).toBe(303);
    expect(good.location).toBe(`/admin/${slug}/live?done=1`);
    expect(await whatsappOf(slug)).toBe("+923217654321");
    const after = await s.client.get(`${ROOT}${good.location}`);
    expect(after.text).toContain('Orders will reach you on WhatsApp at <bdi dir="ltr">0321 7654321</bdi>.');
    // The storefront's WhatsApp button follows at once.
    expect((await new Client().get(`${shopOrigin(slug)}/`)).text).toContain("923217654321");
  });

  it("in Urdu, and only the owner may change it", async () => {
    const s = await signUp();
    await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const slug = await createShop(s);
    const live = await s.client.get(`${ROOT}/admin/${slug}/live`);
    expect(live.text).toContain("آرڈر آپ کو واٹس ایپ پر <bdi dir=\"ltr\">");
    expect(live.text).toContain("تبدیل کریں");
    const stranger = await signUp();
    expect((await stranger.client.post(`${ROOT}/admin/${slug}/live`, { whatsapp: "03001112222" })).status).toBe(404);
  });
});
