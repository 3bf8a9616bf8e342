import { describe, expect, it } from "vitest";
import { ROOT, sellerWithShop, shopOrigin, Client } from "../../test/helpers";

describe("sign-up to live shop", () => {
  it("creates a shop that is live on its subdomain", async () => {
    const s = await sellerWithShop();
    const live = await s.client.get(`${ROOT}/admin/${s.slug}/live`);
    expect(live.status).toBe(200);
    expect(live.text).toContain(`${s.slug}.hatti.test`);
    const store = await new Client().get(shopOrigin(s.slug) + "/");
    expect(store.status).toBe(200);
    expect(store.text).toContain("Ayesha's Kitchen");
  });
});
