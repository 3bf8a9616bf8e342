/**
 * Staff by consent (issue 13, item 7): an invitation is pending until the invitee, logged in,
 * accepts it; she can decline, and leave later; the owner sees the contact she typed and
 * "Pending" until then, and the member's name only after she accepts; log-in never moves her
 * into a shop; the shop's staff and invitations are capped.
 */
import { describe, expect, it } from "vitest";
import { STAFF_CAP } from "./schema";
import { all, one } from "../../test/admin-helpers";
import { Client, createShop, provePhone, ROOT, sellerWithShop, signUp, uniq, uniqPhone, type Seller } from "../../test/helpers";

const E164 = (phone: string) => `+92${phone.slice(1)}`;
const staffUrl = (slug: string) => `${ROOT}/admin/${slug}/staff`;
const userId = async (s: Seller) => (await one<{ id: number }>("SELECT id FROM users WHERE phone = ?", E164(s.login)))!.id;
const memberRole = async (shopId: number, uid: number) =>
  (await one<{ role: string }>("SELECT role FROM memberships WHERE shop_id = ? AND user_id = ?", shopId, uid))?.role ?? null;
const invitationId = async (shopId: number, contact: string) =>
  (await one<{ id: number }>("SELECT id FROM invitations WHERE shop_id = ? AND contact = ?", shopId, contact))!.id;
/** She accepts, having proven her phone first (an invitation to a phone waits for that: src/auth/codes.test.ts). */
const proven = new Set<string>();
const accept = async (s: Seller, id: number) => {
  if (!s.login.includes("@") && !proven.has(s.login)) {
    await provePhone(s);
    proven.add(s.login);
  }
  return s.client.post(`${ROOT}/admin/shops/invitations/${id}/accept`, {});
};
const decline = (s: Seller, id: number) => s.client.post(`${ROOT}/admin/shops/invitations/${id}/decline`, {});

describe("an invitation", () => {
  it("makes nobody staff and shows the owner no name: the same answer whether the number has an account or not", async () => {
    const owner = await sellerWithShop();
    const sana = await signUp({ name: "Sana Qureshi" });
    const toMember = await owner.client.post(staffUrl(owner.slug), { contact: sana.login });
    const stranger = uniqPhone();
    const toNobody = await owner.client.post(staffUrl(owner.slug), { contact: stranger });
    expect([toMember.status, toMember.location]).toEqual([303, `/admin/${owner.slug}/staff?done=invited`]);
    expect([toNobody.status, toNobody.location]).toEqual([toMember.status, toMember.location]);
    expect(await memberRole(owner.shopId, await userId(sana))).toBeNull();

    const page = await owner.client.get(`${ROOT}${toMember.location}`);
    expect(page.text).toContain("Invitation sent");
    expect(page.text).not.toContain("Sana Qureshi");
    // Both rows look alike: the contact as typed (normalised) and "Pending".
    const rows = [...page.text.matchAll(/<strong dir="ltr">([^<]+)<\/strong><span class="tag">([^<]+)<\/span>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([[E164(sana.login), "Pending"], [E164(stranger), "Pending"]]);
    // She cannot open the shop.
    expect((await sana.client.get(`${ROOT}/admin/${owner.slug}`)).status).toBe(404);
  });

  it("is shown to her with the shop and who invited; she accepts and is staff, and only then the owner sees her name", async () => {
    const seller = await signUp({ name: "Ayesha Siddiqui" });
    const slug = await createShop(seller, { name: "Zainab Embroidery House Lahore" });
    const owner = { ...seller, slug, shopId: (await one<{ id: number }>("SELECT id FROM shops WHERE slug = ?", slug))!.id };
    const sana = await signUp({ name: "Sana Qureshi" });
    await owner.client.post(staffUrl(owner.slug), { contact: sana.login });
    const id = await invitationId(owner.shopId, E164(sana.login));
    await provePhone(sana);
    proven.add(sana.login);

    const shops = await sana.client.get(`${ROOT}/admin/shops`);
    expect(shops.text).toContain("Zainab Embroidery House Lahore");
    expect(shops.text).toContain("Invited by Ayesha Siddiqui");
    expect(shops.text).toContain(`action="/admin/shops/invitations/${id}/accept"`);
    expect(shops.text).toContain(`action="/admin/shops/invitations/${id}/decline"`);

    const res = await accept(sana, id);
    expect([res.status, res.location]).toEqual([303, `/admin/${owner.slug}`]);
    expect(await memberRole(owner.shopId, await userId(sana))).toBe("staff");
    expect(await one("SELECT 1 AS x FROM invitations WHERE id = ?", id)).toBeNull();
    expect((await sana.client.get(`${ROOT}/admin/${owner.slug}/products`)).status).toBe(200);
    expect((await owner.client.get(staffUrl(owner.slug))).text).toContain("Sana Qureshi");
    // Accepting twice is a 404, not a second membership.
    expect((await accept(sana, id)).status).toBe(404);
  });

  it("declined: gone from her list, not a member, still pending to the owner, and inviting again changes nothing", async () => {
    const owner = await sellerWithShop();
    const sana = await signUp({ name: "Sana Qureshi" });
    await owner.client.post(staffUrl(owner.slug), { contact: sana.login });
    const id = await invitationId(owner.shopId, E164(sana.login));
    const res = await decline(sana, id);
    expect([res.status, res.location]).toEqual([303, "/admin/shops?done=declined"]);
    const shops = await sana.client.get(`${ROOT}${res.location}`);
    expect(shops.text).toContain("Invitation declined.");
    expect(shops.text).not.toContain(`/invitations/${id}/`);
    expect(await memberRole(owner.shopId, await userId(sana))).toBeNull();
    expect((await accept(sana, id)).status).toBe(404);

    const page = await owner.client.get(staffUrl(owner.slug));
    expect(page.text).toContain(`<strong dir="ltr">${E164(sana.login)}</strong><span class="tag">Pending</span>`);
    const again = await owner.client.post(staffUrl(owner.slug), { contact: sana.login });
    expect(again.location).toContain("done=already");
    expect((await sana.client.get(`${ROOT}/admin/shops`)).text).not.toContain(`/invitations/${id}/`);
  });

  it("to an unregistered number waits: after sign-up it is pending for her to accept, never a membership by itself", async () => {
    const owner = await sellerWithShop();
    const phone = uniqPhone();
    await owner.client.post(staffUrl(owner.slug), { contact: phone });
    const signup = new Client();
    const res0 = await signup.post(`${ROOT}/signup`, { name: "Hina", login: phone, password: "correct horse battery" }, { headers: { "cf-connecting-ip": uniq("ip") } });
    // Sign-up lands her where her invitations are, and makes her nobody's staff.
    expect(res0.location).toBe("/admin/shops");
    const hina = { client: signup, login: phone, password: "correct horse battery", name: "Hina" };
    const hinaId = await userId(hina);
    expect(await memberRole(owner.shopId, hinaId)).toBeNull();
    // So does a later log-in.
    const again = new Client();
    const res = await again.post(`${ROOT}/login`, { login: phone, password: hina.password }, { headers: { "cf-connecting-ip": uniq("ip") } });
    expect(res.location).toBe("/admin/shops");
    await provePhone({ ...hina, client: again });
    proven.add(phone);
    const page = await again.get(`${ROOT}/admin/shops`);
    const id = await invitationId(owner.shopId, E164(phone));
    expect(page.text).toContain(`/admin/shops/invitations/${id}/accept`);
    expect((await accept({ ...hina, client: again }, id)).status).toBe(303);
    expect(await memberRole(owner.shopId, hinaId)).toBe("staff");
  });
});

describe("log-in", () => {
  it("never moves her into a shop she has not accepted", async () => {
    const mine = await sellerWithShop();
    const other = await sellerWithShop();
    await other.client.post(staffUrl(other.slug), { contact: mine.login });
    const c = new Client();
    const res = await c.post(`${ROOT}/login`, { login: mine.login, password: mine.password }, { headers: { "cf-connecting-ip": uniq("ip") } });
    // Her pending invitation is where she lands, with her own shop; the other shop is not hers.
    expect(res.location).toBe("/admin/shops");
    expect(await memberRole(other.shopId, await userId(mine))).toBeNull();
    const admin = await c.get(`${ROOT}/admin`);
    expect(admin.location).toBe(`/admin/${mine.slug}`);
    expect((await c.get(`${ROOT}/admin/${other.slug}`)).status).toBe(404);
    const sessions = await all<{ shop_id: number | null }>("SELECT shop_id FROM sessions WHERE user_id = ?", await userId(mine));
    expect(sessions.every((s) => s.shop_id !== other.shopId)).toBe(true);
  });
});

describe("leaving", () => {
  it("staff can leave a shop; its owner cannot leave her own", async () => {
    const owner = await sellerWithShop();
    const sana = await signUp({ name: "Sana Qureshi" });
    await owner.client.post(staffUrl(owner.slug), { contact: sana.login });
    await accept(sana, await invitationId(owner.shopId, E164(sana.login)));
    const shops = await sana.client.get(`${ROOT}/admin/shops`);
    expect(shops.text).toContain(`action="/admin/${owner.slug}/leave"`);

    const res = await sana.client.post(`${ROOT}/admin/${owner.slug}/leave`, {});
    expect([res.status, res.location]).toEqual([303, "/admin/shops?done=left"]);
    expect(await memberRole(owner.shopId, await userId(sana))).toBeNull();
    expect((await sana.client.get(`${ROOT}/admin/${owner.slug}`)).status).toBe(404);
    expect((await sana.client.get(`${ROOT}/admin/shops?done=left`)).text).toContain("You left the shop.");

    // The owner: no leave button, and the route refuses her.
    expect((await owner.client.get(`${ROOT}/admin/shops`)).text).not.toContain("/leave");
    expect((await owner.client.post(`${ROOT}/admin/${owner.slug}/leave`, {})).status).toBe(404);
    expect(await memberRole(owner.shopId, await userId(owner))).toBe("owner");
  });
});

describe("isolation", () => {
  it("an invitation to someone else, or another shop's, is a 404 to accept or decline and changes nothing", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const sana = await signUp({ name: "Sana Qureshi" });
    await b.client.post(staffUrl(b.slug), { contact: `${uniq("x")}@example.pk` });
    const notHers = (await one<{ id: number }>("SELECT id FROM invitations WHERE shop_id = ?", b.shopId))!.id;
    await a.client.post(staffUrl(a.slug), { contact: sana.login });
    const before = await all("SELECT * FROM invitations WHERE shop_id IN (?, ?) ORDER BY id", a.shopId, b.shopId);
    for (const id of [notHers, 999_999_999]) {
      expect((await accept(sana, id)).status).toBe(404);
      expect((await decline(sana, id)).status).toBe(404);
      // Nor can B's owner take up an invitation of B's own shop addressed to someone else.
      expect((await accept(b, id)).status).toBe(404);
    }
    expect(await all("SELECT * FROM invitations WHERE shop_id IN (?, ?) ORDER BY id", a.shopId, b.shopId)).toEqual(before);
    expect(await memberRole(b.shopId, await userId(sana))).toBeNull();
    // A's owner cannot cancel B's invitation (the owner side).
    expect((await a.client.post(`${staffUrl(a.slug)}/invitations/${notHers}/cancel`, {})).status).toBe(404);
  });
});

describe("the staff cap", () => {
  it(`holds ${STAFF_CAP} staff and invitations together; one more is refused beside the field, the number kept, nothing saved`, async () => {
    expect(STAFF_CAP).toBe(20);
    const owner = await sellerWithShop();
    const sana = await signUp({ name: "Sana Qureshi" });
    await owner.client.post(staffUrl(owner.slug), { contact: sana.login });
    await accept(sana, await invitationId(owner.shopId, E164(sana.login)));
    // One member + 19 invitations: the cap.
    for (let i = 0; i < STAFF_CAP - 1; i++) {
      const res = await owner.client.post(staffUrl(owner.slug), { contact: i % 2 ? uniqPhone() : `helper${i}.${uniq()}@example.pk` });
      expect(res.location, `invitation ${i + 2}`).toContain("done=invited");
    }
    const count = async () => (await one<{ n: number }>("SELECT (SELECT count(*) FROM invitations WHERE shop_id = ?1) + (SELECT count(*) FROM memberships WHERE shop_id = ?1 AND role = 'staff') AS n", owner.shopId))!.n;
    expect(await count()).toBe(STAFF_CAP);
    const before = await all("SELECT * FROM invitations WHERE shop_id = ? ORDER BY id", owner.shopId);

    const past = "0300 1234599";
    const res = await owner.client.post(staffUrl(owner.slug), { contact: past });
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="f-contact-error"');
    expect(res.text).toContain(`Your shop already has ${STAFF_CAP} staff and invitations, the most it can have.`);
    expect(res.text).toContain(`value="${past}"`);
    expect(await all("SELECT * FROM invitations WHERE shop_id = ? ORDER BY id", owner.shopId)).toEqual(before);
    // Someone already invited is still told so, at the cap.
    expect((await owner.client.post(staffUrl(owner.slug), { contact: sana.login })).location).toContain("done=already");
  });

  it("cannot be passed by two invitations posted at once", async () => {
    const owner = await sellerWithShop();
    for (let i = 0; i < STAFF_CAP - 1; i++) await owner.client.post(staffUrl(owner.slug), { contact: uniqPhone() });
    const results = await Promise.all([uniqPhone(), uniqPhone(), uniqPhone()].map((contact) => owner.client.post(staffUrl(owner.slug), { contact })));
    expect(results.map((r) => r.status).sort()).toEqual([303, 400, 400]);
    expect((await one<{ n: number }>("SELECT count(*) AS n FROM invitations WHERE shop_id = ?", owner.shopId))!.n).toBe(STAFF_CAP);
  });
});
