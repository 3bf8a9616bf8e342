/**
 * The admin's session check kept SESSION_CHECK_MS in the isolate (src/auth/session-cache.ts):
 * what it saves (the check's read: a session deleted behind its back is still let in, within the
 * window only), and what is never late (her own writes, a log-out, an owner removing her, another
 * bookmark), on a controlled clock.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { ROOT, provePhone, sellerWithShop, signUp } from "../../test/helpers";
import { one } from "../../test/admin-helpers";
import { forgetAllCheckedSessions, knownSessionId, MAX_ENTRIES, SESSION_CHECK_MS } from "./session-cache";
import { sessionId } from "./session";

afterEach(() => vi.useRealTimers());

const roundTrips = (timing: string | null) => Number(/d1q;dur=(\d+)/.exec(timing ?? "")?.[1] ?? NaN);
const sid = async (token: string) => {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
};
/** Deletes her session in D1 behind the Worker's back (a log-out everywhere from another isolate). */
const revokeElsewhere = async (token: string) => env.DB.prepare("DELETE FROM sessions WHERE id = ?").bind(await sid(token)).run();

describe("the admin's session check in the isolate", () => {
  it("lets a session revoked elsewhere in for SESSION_CHECK_MS at most, then sends her to log in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const s = await sellerWithShop();
    const page = `${ROOT}/admin/${s.slug}/orders`;
    expect((await s.client.get(page)).status).toBe(200);
    await revokeElsewhere(s.client.cookies("hatti.test").get("hatti_sid")!);
    // Within the window: the check is not read again (the deleted session still answers).
    vi.setSystemTime(Date.now() + SESSION_CHECK_MS - 1);
    const within = await s.client.get(page);
    expect([within.status, roundTrips(within.headers.get("server-timing"))]).toEqual([200, 1]);
    // Past it: asked again, and refused.
    vi.setSystemTime(Date.now() + 1);
    const after = await s.client.get(page);
    expect([after.status, after.location]).toEqual([303, `/login?next=${encodeURIComponent(`/admin/${s.slug}/orders`)}`]);
  });

  it("is asked again when her directory bookmark is another (a write of hers elsewhere)", async () => {
    const s = await sellerWithShop();
    const page = `${ROOT}/admin/${s.slug}/orders`;
    expect((await s.client.get(page)).status).toBe(200);
    await revokeElsewhere(s.client.cookies("hatti.test").get("hatti_sid")!);
    s.client.cookies("hatti.test").set("hatti_bm", `00000000-00000009-00000000-${"a".repeat(32)}`);
    expect((await s.client.get(page)).status).toBe(303);
  });

  it("never lags her own log-out, her own language, or an owner removing her", async () => {
    const s = await sellerWithShop();
    const page = `${ROOT}/admin/${s.slug}/orders`;
    expect((await s.client.get(page)).text).toContain('lang="en"');
    // Her language: the next page is in Urdu.
    expect((await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" })).status).toBeLessThan(400);
    expect((await s.client.get(page)).text).toContain('lang="ur"');

    // Staff removed by the owner: a 404 at once.
    const sana = await signUp({ name: "Sana Qureshi" });
    await s.client.post(`${ROOT}/admin/${s.slug}/staff`, { contact: sana.login });
    const inv = (await one<{ id: number }>("SELECT id FROM invitations WHERE shop_id = ?", s.shopId))!.id;
    await provePhone(sana);
    expect((await sana.client.post(`${ROOT}/admin/shops/invitations/${inv}/accept`, {})).status).toBe(303);
    const staffPage = `${ROOT}/admin/${s.slug}/orders`;
    expect((await sana.client.get(staffPage)).status).toBe(200);
    const uid = (await one<{ user_id: number }>("SELECT user_id FROM memberships WHERE shop_id = ? AND role = 'staff'", s.shopId))!.user_id;
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/staff/${uid}/remove`, {})).status).toBe(303);
    expect((await sana.client.get(staffPage)).status).toBe(404);

    // Her log-out: the log-in page at once, even with the old cookie.
    const token = s.client.cookies("hatti.test").get("hatti_sid")!;
    expect((await s.client.post(`${ROOT}/logout`, {})).status).toBe(303);
    s.client.cookies("hatti.test").set("hatti_sid", token);
    expect((await s.client.get(page)).status).toBe(303);
  });
});

describe("session ids by token", () => {
  it("hash a token once, as D1 stores it, and keep at most MAX_ENTRIES", async () => {
    forgetAllCheckedSessions();
    const token = (i: number) => `tok_${String(i).padStart(8, "0")}_${"x".repeat(20)}`;
    expect(knownSessionId(token(0))).toBeUndefined();
    expect(await sessionId(token(0))).toBe(await sid(token(0)));
    expect(knownSessionId(token(0))).toBe(await sid(token(0)));
    // Not a token: never hashed, never kept.
    expect(await sessionId("short")).toBeNull();
    expect(knownSessionId("short")).toBeUndefined();
    // The cap and one past it: the oldest goes.
    for (let i = 1; i <= MAX_ENTRIES; i++) await sessionId(token(i));
    expect(knownSessionId(token(0))).toBeUndefined();
    expect(knownSessionId(token(1))).toBe(await sid(token(1)));
    expect(knownSessionId(token(MAX_ENTRIES))).toBe(await sid(token(MAX_ENTRIES)));
    forgetAllCheckedSessions();
    expect(knownSessionId(token(1))).toBeUndefined();
  });
});
