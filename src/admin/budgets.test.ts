/**
 * The admin's D1 budget: every GET page under /admin/:shop (read from the router, so a page added
 * later is counted too), requested as a logged-in seller of a realistic shop, and its round
 * trips read from Server-Timing (`d1q`). Every page is declared with adminPage
 * (src/admin/page.ts): it reads the session, the membership and itself in ONE round trip, and
 * this test holds each to it (a page with no read of its own uses nothingToRead; the exports read
 * their first chunk there and stream the rest). Round trips, never wall-clock time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_SHOP, adminShopHandlers, fill } from "../../test/security-routes";
import { furnishedShop } from "../../test/fixtures/shops";
import { seedProducts } from "../../test/catalog-fixtures";
import { ROOT } from "../../test/helpers";

type Shop = Awaited<ReturnType<typeof furnishedShop>>;
const pages = adminShopHandlers()
  .filter((r) => r.method === "GET")
  .map((r) => r.path);

const roundTrips = (timing: string | null) => Number(/d1q;dur=(\d+)/.exec(timing ?? "")?.[1] ?? NaN);

describe("admin pages' D1 round trips", () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await furnishedShop();
    // A catalogue of real size: twenty long titles beside the furnished one.
    await seedProducts(shop.shopId, 20, "Handmade embroidered chiffon kurta with dupatta for weddings");
    // Her first visit records the session's shop (a write): the pages are measured after it.
    await shop.client.get(`${ROOT}/admin/${shop.slug}`);
  }, 120_000);

  const seen: Record<string, number> = {};

  it.each(pages)("%s", async (path) => {
    const url = ROOT + fill(path, shop.ids);
    const res = await shop.client.get(url);
    expect(res.status, url).toBeLessThan(500);
    const key = path.slice(ADMIN_SHOP.length) || "/";
    seen[key] = roundTrips(res.headers.get("server-timing"));
    expect(seen[key], `${key}: ${res.headers.get("server-timing")}`).toBe(1);
  });

  it("every admin GET page was measured, each in one round trip", () => {
    expect(Object.keys(seen)).toHaveLength(pages.length);
    expect(Object.entries(seen).filter(([, n]) => n !== 1)).toEqual([]);
  });
});
