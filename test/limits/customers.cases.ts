/** The seller's customer form: her private note and tags on a customer. */
import { env } from "cloudflare:workers";
import { customerSchema } from "../../src/customers/schemas";
import { placeOrderAt, shopWithCatalogue } from "../checkout-fixtures";
import { ROOT, shopD1 } from "../helpers";
import type { Body, FormCase } from "./harness";

type Shop = Awaited<ReturnType<typeof shopWithCatalogue>>;
type Ctx = Shop & { client: Shop["seller"]["client"]; url: string };

async function setup(): Promise<Ctx> {
  const shop = await shopWithCatalogue();
  await placeOrderAt(shop.origin, shop.zone.id, [[shop.dupatta.id, 1]], { phone: "0321 5551234" });
  const id = (await (await shopD1(shop.seller.shopId)).prepare("SELECT id FROM customers WHERE shop_id = ? AND phone = '+923215551234'").bind(shop.seller.shopId).first<{ id: number }>())!.id;
  return { ...shop, client: shop.seller.client, url: `${ROOT}/admin/${shop.seller.slug}/customers/${id}` };
}

export const customerCases: FormCase<Ctx>[] = [
  {
    route: "POST /_p/admin/:shop/customers/:id",
    schema: customerSchema,
    setup,
    page: (x) => x.url,
    action: (x) => x.url,
    valid: () => ({ note: "Prefers evening delivery", tags: ["VIP", "wholesale"] }),
    post: (x: Ctx, url: string, body: Body) => x.client.post(url, body),
    saved: (res) => res.status === 303,
  },
];
