/**
 * The admin's D1 budget: every GET page under /admin/:shop (read from the router, so a page added
 * later is counted too), requested as a logged-in seller of a realistic shop, and its round
 * trips read from Server-Timing (`d1q`). A page declared with adminPage (src/admin/page.ts) reads
 * the session, the membership and itself in ONE round trip. The pages not yet converted are in
 * STILL, with the round trips they take today: the test checks the table exactly, so it fails
 * when a page improves and the table is not updated, or when one regresses. Round trips, never
 * wall-clock time. One round trip today: the orders list, the order page, the product list and form,
 * the shop-is-live page, the shop hub, the dashboard, collections, customers, the discounts list,
 * shop pages, settings (details, payments, zones), theme, CSV and staff.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_SHOP, adminShopHandlers, fill } from "../../test/security-routes";
import { furnishedShop } from "../../test/fixtures/shops";
import { seedProducts } from "../../test/catalog-fixtures";
import { ROOT } from "../../test/helpers";

/**
 * Pages not yet read in one batch with the session: still N round trips (the session, the
 * membership with the shop, then the page's own reads). 2: a page with no read of its own (an
 * adminPage with nothingToRead makes it 1); 3 and more: its reads to move into a PageRead.
 */
const STILL: Record<string, number> = {
  "/abandoned": 3,
};

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
    expect(seen[key], `${key}: ${res.headers.get("server-timing")}`).toBe(STILL[key] ?? 1);
  });

  it("the table of pages still above one round trip is exact", () => {
    const above = Object.fromEntries(Object.entries(seen).filter(([, n]) => n !== 1));
    console.log(JSON.stringify(above, null, 2));
    expect(above).toEqual(STILL);
  });
});
