/** The seller's order forms: ship with a courier, a note, the CSV export's dates. */
import { exportSchema, noteSchema, statusSchema } from "../../src/orders/schemas";
import { placeOrderAt, shopWithCatalogue } from "../checkout-fixtures";
import { ROOT } from "../helpers";
import type { Body, FormCase } from "./harness";

type Ctx = Awaited<ReturnType<typeof shopWithCatalogue>> & { client: Awaited<ReturnType<typeof shopWithCatalogue>>["seller"]["client"]; orderId: number };

const base = (x: Ctx) => `${ROOT}/admin/${x.seller.slug}/orders`;

async function setup(): Promise<Ctx> {
  const shop = await shopWithCatalogue();
  const order = await placeOrderAt(shop.origin, shop.zone.id, [[shop.dupatta.id, 1]]);
  return { ...shop, client: shop.seller.client, orderId: order.id };
}

/** A fresh order, confirmed and packed: the next step is to ship it. */
async function packedOrder(x: Ctx) {
  const order = await placeOrderAt(x.origin, x.zone.id, [[x.dupatta.id, 1]]);
  x.orderId = order.id;
  for (const [from, to] of [["new", "confirmed"], ["confirmed", "packed"]]) {
    const res = await x.client.post(`${base(x)}/${order.id}/status`, { from: from!, to: to! });
    if (res.status !== 303) throw new Error(`could not move the order to ${to}: ${res.status}`);
  }
}

const seller = {
  setup,
  post: (x: Ctx, url: string, body: Body) => x.client.post(url, body),
  saved: (res: { status: number }) => res.status === 303,
};

export const ordersCases: FormCase<Ctx>[] = [
  {
    ...seller,
    route: "POST /_p/admin/:shop/orders/:id/status",
    schema: statusSchema,
    page: (x) => `${base(x)}/${x.orderId}`,
    action: (x) => `${base(x)}/${x.orderId}/status`,
    async valid(x) {
      await packedOrder(x);
      return { from: "packed", to: "shipped", courier: "TCS", tracking: "TCS-778899" };
    },
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/orders/:id/note",
    schema: noteSchema,
    page: (x) => `${base(x)}/${x.orderId}`,
    action: (x) => `${base(x)}/${x.orderId}/note`,
    valid: () => ({ note: "Customer asked for gift wrap" }),
  },
  {
    ...seller,
    route: "GET /_p/admin/:shop/orders/export",
    schema: exportSchema,
    page: (x) => base(x),
    action: (x) => `${base(x)}/export`,
    valid: () => ({ from: "2026-01-01", to: "2026-11-30" }),
    post: (x, url, body) => x.client.get(`${url}?${new URLSearchParams(body as Record<string, string>)}`),
    saved: (res) => res.status === 200 && (res.headers.get("content-type") ?? "").startsWith("text/csv"),
    // A date of ten characters is the only kind there is.
    values: { from: (n) => (n === 10 ? "2026-01-01" : null), to: (n) => (n === 10 ? "2026-11-30" : null) },
  },
];
