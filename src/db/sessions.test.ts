/**
 * Read replicas (src/db/sessions.ts): where each request's D1 session starts, and the bookmark
 * cookie that carries a writer's last write to her next reads. Locally there is one copy, so
 * a read with the bookmark sees the write either way; what is tested is that the bookmark is
 * kept after each write, sent back, and that a cookie which is not a bookmark is never used.
 */
import { describe, expect, it } from "vitest";
import { ROOT, type Res } from "../../test/helpers";
import { addProduct, productForm } from "../../test/admin-helpers";
import { sellerWithShop } from "../../test/helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { BOOKMARK_COOKIE, sessionStart } from "./sessions";

const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;
const TITLE = "Handmade embroidered chiffon kurta with dupatta for weddings";
const TITLE_UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

/** The bookmark cookie a response set, with its attributes. */
function bookmarkCookie(res: Res): { value: string; attrs: string[] } | null {
  // The directory's (hatti_bm) or a shard's (hatti_bm1: src/db/sessions.ts bookmarkCookie).
  const sc = res.headers.getSetCookie().find((c) => new RegExp(`^${BOOKMARK_COOKIE}\\d*=`).test(c));
  if (!sc) return null;
  const [pair, ...attrs] = sc.split(";").map((s) => s.trim());
  return { value: pair!.slice(pair!.indexOf("=") + 1), attrs: attrs.map((a) => a.toLowerCase()) };
}

describe("where a session starts", () => {
  const real = "0000000a-00000002-00004f6d-c3fbb0d4e39bb3bd7ab55f6e4e0b0fc3";
  it("reads from the nearest replica, writes first to the primary, and from a well-formed bookmark", () => {
    expect(sessionStart("GET", undefined)).toBe("first-unconstrained");
    expect(sessionStart("HEAD", undefined)).toBe("first-unconstrained");
    expect(sessionStart("POST", undefined)).toBe("first-primary");
    expect(sessionStart("GET", real)).toBe(real);
    expect(sessionStart("POST", real)).toBe(real);
  });

  const garbage = ["", "zzzz", "first-primary", "first-unconstrained", `${real} `, real.toUpperCase(), `${real}0`, "'; DROP TABLE shops; --", "x".repeat(4000)];
  it.each(garbage.map((g) => [JSON.stringify(g.slice(0, 70)), g]))(
    "ignores a cookie that is not a bookmark: %s",
    (_, cookie) => {
      expect(sessionStart("GET", cookie)).toBe("first-unconstrained");
      expect(sessionStart("POST", cookie)).toBe("first-primary");
    },
  );
});

describe("the seller reads her own writes", () => {
  it("keeps her last write's bookmark in a cookie and reads with it", async () => {
    const s = await sellerWithShop();
    // Signing up and making the shop were writes: her browser already carries a bookmark.
    const start = s.client.cookies("hatti.test").get(BOOKMARK_COOKIE);
    expect(start).toMatch(BOOKMARK);

    const id = await addProduct(s, { title: "Lawn suit" });
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}`, productForm({ title: TITLE_UR }));
    expect(res.status).toBe(303);
    const cookie = bookmarkCookie(res);
    expect(cookie?.value).toMatch(BOOKMARK);
    expect(cookie!.value >= start!).toBe(true);
    expect(cookie!.attrs).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
    expect(cookie!.attrs.some((a) => a.startsWith("domain="))).toBe(false);

    // The next page starts its session from that bookmark and shows her change.
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(TITLE_UR);
    // A read sets no cookie: only writes move her bookmark.
    expect(bookmarkCookie(page)).toBeNull();
  });

  it("ignores a forged or garbage bookmark: the pages answer, and her next write replaces it", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { title: "Lawn suit" });
    for (const garbage of ["zzzz", "ffffffff-ffffffff-ffffffff-garbage", "%00%ff", "x".repeat(3000)]) {
      s.client.cookies("hatti.test").set(BOOKMARK_COOKIE, garbage);
      const list = await s.client.get(`${ROOT}/admin/${s.slug}/products`);
      expect(list.status, garbage).toBe(200);
      const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}`, productForm({ title: TITLE }));
      expect(res.status, garbage).toBe(303);
      // Had the garbage started the session, D1 would hand it back as the newest bookmark.
      expect(bookmarkCookie(res)?.value, garbage).toMatch(BOOKMARK);
    }
  });
});

describe("the customer reads her order", () => {
  it("placing an order keeps its bookmark for the order pages only, and the order page reads with it", async () => {
    const { kurta, zone, origin } = await shopWithCatalogue();
    const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const host = new URL(origin).host;
    const bm = order.client.cookies(host).get(BOOKMARK_COOKIE);
    expect(bm).toMatch(BOOKMARK);
    const page = await order.client.get(`${origin}${order.path}?placed=1`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${order.number}`);
  });

  it("the bookmark cookie is sent on /orders only and never set by a storefront page", async () => {
    const { kurta, zone, origin, seller } = await shopWithCatalogue();
    const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const res = await order.client.post(`${origin}${order.path}/cancel`, {}, { csrf: false });
    expect(res.status).toBe(303);
    expect(bookmarkCookie(res)?.attrs).toContain("path=/orders");
    const home = await order.client.get(`${origin}/`);
    expect(home.status).toBe(200);
    expect(bookmarkCookie(home)).toBeNull();
    void seller;
  });
});
