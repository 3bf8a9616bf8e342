/** The couriers' forms: the accounts (secrets), an order's booking, booking several from the list. */
import { env } from "cloudflare:workers";
import { bookSchema, bulkSchema, credentialsSchema } from "../../src/couriers/schemas";
import { placeOrderAt, shopWithCatalogue } from "../checkout-fixtures";
import { ROOT, shopD1 } from "../helpers";
import type { Body, FormCase } from "./harness";

type Ctx = Awaited<ReturnType<typeof shopWithCatalogue>> & { client: Awaited<ReturnType<typeof shopWithCatalogue>>["seller"]["client"]; orderId: number };

const base = (x: Ctx) => `${ROOT}/admin/${x.seller.slug}/couriers`;

/** A fresh confirmed order: the next step is to book it (one open booking an order). */
async function confirmedOrder(x: Ctx) {
  const order = await placeOrderAt(x.origin, x.zone.id, [[x.dupatta.id, 1]]);
  await (await shopD1(x.seller.shopId)).prepare("UPDATE orders SET status = 'confirmed' WHERE id = ?").bind(order.id).run();
  x.orderId = order.id;
}

/** Until the queue has finished every booking of the shop (the booking job writes once, at its end). */
async function bookingsDone(x: Ctx) {
  for (let i = 0; i < 100; i++) {
    const open = await (await shopD1(x.seller.shopId)).prepare("SELECT count(*) AS n FROM shipments WHERE shop_id = ? AND state = 'booking'").bind(x.seller.shopId).first<{ n: number }>();
    if (!open?.n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("a booking is still in flight after 5 s");
}

async function setup(): Promise<Ctx> {
  const shop = await shopWithCatalogue();
  const x = { ...shop, client: shop.seller.client, orderId: 0 };
  await confirmedOrder(x);
  return x;
}

const seller = {
  setup,
  post: (x: Ctx, url: string, body: Body) => x.client.post(url, body),
  saved: (res: { status: number }) => res.status === 303,
};

/** A weight in kg of exactly n characters ("1", "10", "1.5", "1.25", "1.255", "10.255"); none longer is valid. */
const kg = (n: number) => (["1", "10", "1.5", "1.25", "1.255", "10.255"][n - 1] ?? null);
/** Rupees of exactly n characters: digits, then with thousands commas ("1,111,111"). */
const rupees = (n: number) => (n <= 7 ? "1".repeat(n) : n === 8 ? "11,11111" : n === 9 ? "1,111,111" : null);

export const courierCases: FormCase<Ctx>[] = [
  {
    ...seller,
    route: "POST /_p/admin/:shop/couriers/orders/:id/book",
    schema: bookSchema,
    page: (x) => `${base(x)}/orders/${x.orderId}`,
    action: (x) => `${base(x)}/orders/${x.orderId}/book`,
    async valid(x) {
      await confirmedOrder(x);
      return { courier: "own", weight: "0.5", cod: "5200", tracking: "TCS-77120045" };
    },
    values: { weight: kg, cod: rupees },
    // A saved booking goes on the queue, which books and ships the order in the background: the
    // refusal's "nothing saved" waits until no booking of the shop is still in flight.
    settle: bookingsDone,
    // Its messages (the customer told she is shipped) are delivered in the background too.
    volatile: ["outbox"],
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/couriers/settings",
    schema: credentialsSchema,
    page: (x) => `${base(x)}/settings`,
    action: (x) => `${base(x)}/settings`,
    valid: () => ({ courier: "postex", token: "pstx-limits-token-0123456789", pickupAddressCode: "004" }),
    // Secrets are never shown back, so "what she typed is kept" does not hold by design: only the
    // page's fields are checked against the schema's caps here; the refusal past a cap (nothing
    // saved, nothing echoed) is tested in src/couriers/routes.test.ts.
    declaredOnly: true,
    // Each courier's form shows its own fields only.
    notShown: ["apiKey", "apiPassword", "pickupAddressId"],
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/couriers/book",
    schema: bulkSchema,
    page: (x) => `${ROOT}/admin/${x.seller.slug}/orders`,
    action: (x) => `${base(x)}/book`,
    valid: (x) => ({ order: [String(x.orderId)], courier: "postex", weight: "0.5" }),
    // The orders are picked (checkboxes), never typed; a list past its cap is refused whole.
    declaredOnly: true,
  },
];
