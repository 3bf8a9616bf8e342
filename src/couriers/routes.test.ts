// The couriers in the admin, over HTTP: the accounts page shows hints only (a saved secret is never
// in a response), the booking page is prefilled (COD = the total of an unpaid cash-on-delivery
// order), Book only writes the shipment (no courier call in the request), the list books several
// at once, the label page prints the tracking number as text and as a barcode, and another shop's
// seller gets 404 for the label, the PDF and the booking page.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { ROOT, sellerWithShop } from "../../test/helpers";
import type { Bindings } from "../env";
import worker from "../index";
import { couriersSandboxEnv, ownAccount } from "./test-helpers";

const shipmentsOf = async (orderId: number) =>
  (await env.DB.prepare("SELECT * FROM shipments WHERE order_id = ? ORDER BY id").bind(orderId).all<Record<string, any>>()).results;

async function runJob(shipmentId: number) {
  const batch = createMessageBatch("hatti-messages", [{ id: `j${shipmentId}`, timestamp: new Date(), attempts: 1, body: { job: "courier.book", shipmentId } }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...(env as unknown as Bindings), ...couriersSandboxEnv() } as Bindings, ctx);
  return getQueueResult(batch, ctx);
}

describe("couriers in the admin", () => {
  it("saves PostEx's token, shows only its hint, books from the order page and prints the label; another shop gets 404", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const base = `${ROOT}/admin/${seller.slug}/couriers`;
    const settings = await seller.client.get(`${base}/settings`);
    expect(settings.status).toBe(200);
    expect(settings.text).toContain('type="password"');
    const account = ownAccount("postex");
    const saved = await seller.client.post(`${base}/settings`, { courier: "postex", ...account });
    expect(saved.status).toBe(303);
    const after = await seller.client.get(`${base}/settings?done=1`);
    expect(after.text).toContain("••••" + account.token!.slice(-4));
    expect(after.text).not.toContain(account.token!);
    // Too long: the message beside the field, nothing typed shown back, nothing saved.
    const long = await seller.client.post(`${base}/settings`, { courier: "postex", token: "x".repeat(201), pickupAddressCode: "" });
    expect(long.status).toBe(400);
    expect(long.text).not.toContain("x".repeat(201));

    const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 2]]);
    const total = (await env.DB.prepare("SELECT total FROM orders WHERE id = ?").bind(order.id).first<{ total: number }>())!.total;
    const page = await seller.client.get(`${base}/orders/${order.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`name="cod" type="text" value="${total / 100}"`);
    expect(page.text).toContain('inputmode="decimal"');
    // A new order cannot be booked yet: said beside the form, nothing written.
    const early = await seller.client.post(`${base}/orders/${order.id}/book`, { courier: "postex", weight: "0.75", cod: String(total / 100), tracking: "" });
    expect(early.status).toBe(409);
    expect(early.text).toContain("Only confirmed or packed orders can be booked.");
    expect(await shipmentsOf(order.id)).toEqual([]);
    const bad = await seller.client.post(`${base}/orders/${order.id}/book`, { courier: "postex", weight: "heavy", cod: "12", tracking: "" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Enter the weight in kg, from 0.01 to 50.");
    expect(bad.text).toContain('value="heavy"');

    await env.DB.prepare("UPDATE orders SET status = 'confirmed' WHERE id = ?").bind(order.id).run();
    const book = await seller.client.post(`${base}/orders/${order.id}/book`, { courier: "postex", weight: "0.75", cod: String(total / 100), tracking: "" });
    expect(book.status).toBe(303);
    const [s] = await shipmentsOf(order.id);
    expect(s).toMatchObject({ courier: "postex", weight_grams: 750, cod_paisa: total, tracking_number: "" });
    await runJob(s!.id);
    const [booked] = await shipmentsOf(order.id);
    expect(booked!.state).toBe("booked");

    const label = await seller.client.get(`${base}/shipments/${s!.id}/label`);
    expect(label.status).toBe(200);
    expect(label.text).toContain(booked!.tracking_number);
    expect(label.text).toContain("<svg");
    expect(label.text).toContain("@page{size:4in 6in");
    // 96 mm is wider than a 360 px phone: on screen the label shrinks to the page (print keeps 96 mm).
    expect(label.text).toContain("@media screen{.label{max-width:100%}}");
    expect((await seller.client.get(`${base}/shipments/${s!.id}/label?size=a4`)).text).toContain("@page{size:A4");
    const pdf = await seller.client.get(`${base}/shipments/${s!.id}/label.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith("%PDF-")).toBe(true);

    const other = await sellerWithShop();
    const elsewhere = `${ROOT}/admin/${other.slug}/couriers`;
    for (const path of [`/shipments/${s!.id}/label`, `/shipments/${s!.id}/label.pdf`, `/orders/${order.id}`]) expect((await other.client.get(`${elsewhere}${path}`)).status, path).toBe(404);
    expect((await other.client.post(`${elsewhere}/shipments/${s!.id}/retry`, {})).status).toBe(404);
  });

  it("books several confirmed orders from the list, one shipment each", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await placeOrderAt(origin, zone.id, [[kurta[1]!.id, 1]])).id);
    await env.DB.prepare(`UPDATE orders SET status = 'confirmed' WHERE id IN (${ids.join(",")})`).run();
    const list = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders`);
    for (const id of ids) expect(list.text).toContain(`name="order" value="${id}"`);
    const res = await seller.client.post(`${ROOT}/admin/${seller.slug}/couriers/book`, { order: ids.slice(0, 2).map(String), courier: "postex", weight: "0.5" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/${seller.slug}/orders?booked=2`);
    expect((await shipmentsOf(ids[0]!)).length).toBe(1);
    expect((await shipmentsOf(ids[1]!)).length).toBe(1);
    expect(await shipmentsOf(ids[2]!)).toEqual([]);
    expect((await seller.client.get(`${ROOT}${res.location}`)).text).toContain("2 bookings sent to the courier.");
  });
});
