/** The custom domain form (src/domains): one hostname, capped at DNS's 253 characters. */
import { env } from "cloudflare:workers";
import { domainSchema } from "../../src/domains/schema";
import { ROOT, sellerWithShop } from "../helpers";
import type { FormCase } from "./harness";

type Ctx = Awaited<ReturnType<typeof sellerWithShop>>;
const page = (s: Ctx) => `${ROOT}/admin/${s.slug}/domain`;

/** A valid hostname of exactly n characters: labels of at most 63 letters, then ".pk". */
function hostOf(n: number): string | null {
  if (n < 4) return null;
  const labels: string[] = [];
  let room = n - 3;
  while (room > 0) {
    let len = Math.min(63, room);
    if (room - len === 1) len -= 1; // a dot needs a label after it
    labels.push("h".repeat(len));
    room -= len;
    if (room > 0) room -= 1;
  }
  return `${labels.join(".")}.pk`;
}

export const domainCases: FormCase<Ctx>[] = [
  {
    setup: () => sellerWithShop(),
    post: (s, url, body) => s.client.post(url, body),
    saved: (res) => res.status === 303,
    route: "POST /_p/admin/:shop/domain",
    schema: domainSchema,
    page,
    action: page,
    // One domain a shop: each saving post starts from none.
    async valid(s) {
      await env.DB.prepare("DELETE FROM shop_domains WHERE shop_id = ?").bind(s.shopId).run();
      return { hostname: "www.her-brand.pk" };
    },
    values: { hostname: (n) => hostOf(n) },
  },
];
