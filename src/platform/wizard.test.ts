import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Client, createShop, ROOT, sellerWithShop, shopOrigin, signUp, uniq } from "../../test/helpers";

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
