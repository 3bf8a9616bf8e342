import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { shopSourceOf } from "../db/shards";
import { syncMembers } from "../db/members";
import { Client, ROOT, shopD1, signUp } from "../../test/helpers";
import { placeOrderAt, shopWithCatalogue, stockOf } from "../../test/checkout-fixtures";

// A shop's rows live in its shard (src/db/shards.ts); ids are per database.
const row = async (shopId: number, id: number) =>
  (await shopD1(shopId)).prepare("SELECT * FROM orders WHERE shop_id = ? AND id = ?").bind(shopId, id).first<Record<string, unknown>>();
const events = async (shopId: number, id: number) =>
  (await (await shopD1(shopId)).prepare("SELECT kind, from_status, to_status, message, private, actor_user_id, actor_name FROM order_events WHERE shop_id = ? AND order_id = ? ORDER BY id").bind(shopId, id).all<Record<string, unknown>>()).results;
const waLinks = (html: string) => [...html.matchAll(/href="(https:\/\/wa\.me\/[^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, "&")));

describe("seller orders", () => {
  it("lists the new order with a badge, confirms, packs and ships it; the customer sees it", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const base = `${ROOT}/admin/${seller.slug}/orders`;
    const userId = (await env.DB.prepare("SELECT user_id AS id FROM memberships WHERE shop_id = ?").bind(seller.shopId).first<{ id: number }>())!.id;

    const list = await seller.client.get(base);
    expect(list.status).toBe(200);
    expect(list.text).toContain(`#${order.number}`);
    expect(list.text).toContain("Sana Khan");
    expect(list.text).toMatch(/<span class="badge">1<\/span>/);
    expect(list.text).toMatch(/New <span>1<\/span>/);

    const page = await seller.client.get(`${base}/${order.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="tel:+923215551234"');
    const [confirmMsg] = waLinks(page.text);
    expect(confirmMsg!.pathname).toBe("/923215551234");
    expect(confirmMsg!.searchParams.get("text")).toContain(`We received your order #${order.number}`);
    expect(confirmMsg!.searchParams.get("text")).toContain("Please reply YES to confirm.");
    expect(confirmMsg!.searchParams.get("text")).toContain(`${origin}${order.path}`);

    const confirm = await seller.client.post(`${base}/${order.id}/status`, { from: "new", to: "confirmed" });
    expect(confirm.status).toBe(303);
    expect(confirm.location).toBe(`/admin/${seller.slug}/orders/${order.id}?done=status`);
    expect((await row(seller.shopId, order.id))!.status).toBe("confirmed");
    const ev = (await events(seller.shopId, order.id)).at(-1)!;
    expect(ev).toMatchObject({ kind: "status", from_status: "new", to_status: "confirmed", actor_user_id: userId, actor_name: "Ayesha" });
    expect((await seller.client.get(base)).text).not.toMatch(/<span class="badge">/);
    const confirmed = waLinks((await seller.client.get(`${base}/${order.id}`)).text)[0]!.searchParams.get("text")!;
    expect(confirmed).toContain(`Your order #${order.number} from Ayesha's Kitchen is confirmed`);
    expect(confirmed).not.toContain("reply YES");

    // Skipping a step is refused with a clear message.
    const skip = await seller.client.post(`${base}/${order.id}/status`, { from: "confirmed", to: "delivered" });
    expect(skip.status).toBe(409);
    expect(skip.text).toContain("An order that is Confirmed cannot be changed to Delivered.");
    expect((await row(seller.shopId, order.id))!.status).toBe("confirmed");

    expect((await seller.client.post(`${base}/${order.id}/status`, { from: "confirmed", to: "packed" })).status).toBe(303);
    const noTracking = await seller.client.post(`${base}/${order.id}/status`, { from: "packed", to: "shipped", courier: "TCS", tracking: " " });
    expect(noTracking.status).toBe(400);
    expect(noTracking.text).toContain("Enter the tracking number.");
    expect(noTracking.text).toContain('value="TCS"');
    expect((await row(seller.shopId, order.id))!.status).toBe("packed");

    const ship = await seller.client.post(`${base}/${order.id}/status`, { from: "packed", to: "shipped", courier: "TCS", tracking: "TCS-778899" });
    expect(ship.status).toBe(303);
    expect(await row(seller.shopId, order.id)).toMatchObject({ status: "shipped", courier: "TCS", tracking_number: "TCS-778899" });
    const shipped = await seller.client.get(`${base}/${order.id}`);
    expect(waLinks(shipped.text)[0]!.searchParams.get("text")).toContain("on its way with TCS. Tracking number: TCS-778899.");

    const status = await order.client.get(`${origin}${order.path}`);
    expect(status.text).toContain("Shipped");
    expect(status.text).toContain("Sent with TCS, tracking number TCS-778899.");
    expect(status.text).toContain("Confirmed");
  });

  it("ships with her own rider without a tracking number; a courier company still needs one", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const base = `${ROOT}/admin/${seller.slug}/orders`;
    const toPacked = async (id: number) => {
      for (const [from, to] of [["new", "confirmed"], ["confirmed", "packed"]] as const) expect((await seller.client.post(`${base}/${id}/status`, { from, to })).status).toBe(303);
    };
    const a = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    await toPacked(a.id);
    const packed = await seller.client.get(`${base}/${a.id}`);
    expect(packed.text).toContain('<input type="hidden" name="courier" value="own-rider"/>');
    expect(packed.text).toContain("Sent with our own rider");

    // A courier company without its tracking number is refused, the courier kept.
    const leopards = await seller.client.post(`${base}/${a.id}/status`, { from: "packed", to: "shipped", courier: "Leopards", tracking: "" });
    expect(leopards.status).toBe(400);
    expect(leopards.text).toContain("Enter the tracking number.");
    expect(leopards.text).toContain('value="Leopards"');
    expect((await row(seller.shopId, a.id))!.status).toBe("packed");

    // Her own rider: one tap, no tracking number.
    const rider = await seller.client.post(`${base}/${a.id}/status`, { from: "packed", to: "shipped", courier: "own-rider" });
    expect(rider.status).toBe(303);
    expect(await row(seller.shopId, a.id)).toMatchObject({ status: "shipped", courier: "own-rider", tracking_number: "" });
    expect((await events(seller.shopId, a.id)).at(-1)).toMatchObject({ to_status: "shipped", message: "" });
    const page = await seller.client.get(`${base}/${a.id}`);
    expect(page.text).toContain("Sent with your own rider (no tracking number).");
    expect(page.text).not.toContain("Tracking:");
    const status = await a.client.get(`${origin}${a.path}`);
    expect(status.text).toContain("On its way with the shop's own rider.");
    expect(status.text).not.toContain("tracking number");

    // Typed in the courier box, in English or Urdu, it means the same.
    for (const typed of ["Own rider", "اپنا رائیڈر"]) {
      const b = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
      await toPacked(b.id);
      expect((await seller.client.post(`${base}/${b.id}/status`, { from: "packed", to: "shipped", courier: typed, tracking: "" })).status, typed).toBe(303);
      expect(await row(seller.shopId, b.id)).toMatchObject({ status: "shipped", courier: "own-rider", tracking_number: "" });
    }
  });

  it("cancel restocks exactly once, even posted twice or at once; return restocks too", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const base = `${ROOT}/admin/${seller.slug}/orders`;
    const a = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 2], [dupatta.id, 3]]);
    expect(await stockOf(kurta[0]!)).toBe(3);
    const cancel = () => seller.client.post(`${base}/${a.id}/status`, { from: "new", to: "cancelled" });
    const results = await Promise.all([cancel(), cancel(), cancel()]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409, 409]);
    const again = await cancel();
    expect(again.status).toBe(409);
    expect(again.text).toContain("This order was changed meanwhile (it is now Cancelled). Nothing was done twice");
    expect(await stockOf(kurta[0]!)).toBe(5);
    expect(await stockOf(dupatta)).toBe(20);
    expect((await events(seller.shopId, a.id)).filter((e) => e.to_status === "cancelled")).toHaveLength(1);
    // Nothing can follow a cancel.
    expect((await seller.client.post(`${base}/${a.id}/status`, { from: "cancelled", to: "confirmed" })).status).toBe(409);

    const b = await placeOrderAt(origin, zone.id, [[kurta[1]!.id, 1]]);
    for (const [from, to] of [["new", "confirmed"], ["confirmed", "packed"]] as const) await seller.client.post(`${base}/${b.id}/status`, { from: from!, to: to! });
    await seller.client.post(`${base}/${b.id}/status`, { from: "packed", to: "shipped", courier: "Leopards", tracking: "LP1" });
    await seller.client.post(`${base}/${b.id}/status`, { from: "shipped", to: "delivered" });
    expect(await stockOf(kurta[1]!)).toBe(4);
    expect((await seller.client.post(`${base}/${b.id}/status`, { from: "delivered", to: "returned" })).status).toBe(303);
    expect(await stockOf(kurta[1]!)).toBe(5);
  });

  it("marks payment once, keeps private notes away from the customer", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const base = `${ROOT}/admin/${seller.slug}/orders`;
    const o = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]], { payment: "jazzcash", reference: "TX998877" });
    const page = await seller.client.get(`${base}/${o.id}`);
    expect(page.text).toContain("TX998877");
    expect((await seller.client.post(`${base}/${o.id}/payment`, {})).status).toBe(303);
    expect((await row(seller.shopId, o.id))!.payment_status).toBe("paid");
    const twice = await seller.client.post(`${base}/${o.id}/payment`, {});
    expect(twice.status).toBe(409);
    expect(twice.text).toContain("Payment was already marked as received.");

    const empty = await seller.client.post(`${base}/${o.id}/note`, { note: "   " });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Write a note.");
    const note = await seller.client.post(`${base}/${o.id}/note`, { note: "Customer asked <b>gift wrap</b>" });
    expect(note.status).toBe(303);
    const after = await seller.client.get(`${base}/${o.id}`);
    expect(after.text).toContain("Customer asked &lt;b>gift wrap&lt;/b>");
    const customer = await o.client.get(`${origin}${o.path}`);
    expect(customer.text).not.toContain("gift wrap");
    expect(customer.text).toContain("Payment received. Thank you!");
    expect((await events(seller.shopId, o.id)).map((e) => e.kind)).toEqual(["created", "payment", "note"]);
  });

  it("lets staff manage orders", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const staff = await signUp({ name: "Bilal" });
    const staffId = (await env.DB.prepare("SELECT id FROM users WHERE name = 'Bilal' ORDER BY id DESC").first<{ id: number }>())!.id;
    await env.DB.prepare("INSERT INTO memberships (shop_id, user_id, role) VALUES (?, ?, 'staff')").bind(seller.shopId, staffId).run();
    await syncMembers(shopSourceOf(env), seller.shopId); // as accepting an invitation does
    const o = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
    const res = await staff.client.post(`${ROOT}/admin/${seller.slug}/orders/${o.id}/status`, { from: "new", to: "confirmed" });
    expect(res.status).toBe(303);
    expect((await events(seller.shopId, o.id)).at(-1)).toMatchObject({ actor_user_id: staffId, actor_name: "Bilal" });
  });

  it("prints a packing slip at A4 and 80 mm", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const o = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const a4 = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/${o.id}/slip`);
    expect(a4.status).toBe(200);
    expect(a4.text).toContain("@page{size:A4");
    expect(a4.text).toContain("Lawn Kurta (S)");
    expect(a4.text).toContain("Cash to collect:");
    const thermal = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/${o.id}/slip?size=80mm`);
    expect(thermal.text).toContain("@page{size:80mm auto");
    expect(thermal.text).toContain("width:72mm");
  });

  it("shares the packing slip: a public, unguessable, never-cached copy on the shop's host, with courier and tracking", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const other = await shopWithCatalogue();
    const base = `${ROOT}/admin/${seller.slug}/orders`;
    const ship = async (id: number, courier: string, tracking = "") => {
      for (const [from, to] of [["new", "confirmed"], ["confirmed", "packed"]] as const) await seller.client.post(`${base}/${id}/status`, { from, to });
      expect((await seller.client.post(`${base}/${id}/status`, { from: "packed", to: "shipped", courier, tracking })).status).toBe(303);
    };
    const o = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    await ship(o.id, "TCS", "TCS-778899");
    const publicUrl = `${origin}/orders/${o.token}/slip`;

    // Her copy and her order page offer WhatsApp (wa.me without a number: she picks her rider) and the share sheet.
    const mine = await seller.client.get(`${base}/${o.id}/slip`);
    expect(mine.text).toContain("Courier: TCS · Tracking: TCS-778899");
    expect(mine.text).toContain(`data-share="${publicUrl}"`);
    for (const html of [mine.text, (await seller.client.get(`${base}/${o.id}`)).text]) {
      const share = [...html.matchAll(/href="(https:\/\/wa\.me\/\?text=[^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, "&")));
      expect(share).toHaveLength(1);
      expect(share[0]!.searchParams.get("text")).toBe(`Packing slip for order #${o.number} from Ayesha's Kitchen: ${publicUrl}`);
    }

    // Anyone with the link (her rider, no session) sees the slip; personal, never cached, never indexed.
    const rider = new Client();
    for (const url of [publicUrl, `${publicUrl}?size=80mm`]) {
      const res = await rider.get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("x-robots-tag")).toBe("noindex");
      expect(res.text).toContain('<meta name="robots" content="noindex"/>');
      expect(res.text).toContain("Sana Khan");
      expect(res.text).toContain("Courier: TCS · Tracking: TCS-778899");
      expect(res.text).not.toContain("/admin/"); // no way into her admin, no share of its own
      expect(res.text).not.toContain("wa.me/?text");
    }
    expect((await rider.get(`${publicUrl}?size=80mm`)).text).toContain("width:72mm");

    // A wrong token, a malformed one, or this order's token on another shop's host: not found.
    const wrong = `${o.token.slice(0, -4)}${o.token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    for (const url of [`${origin}/orders/${wrong}/slip`, `${origin}/orders/short/slip`, `${other.origin}/orders/${o.token}/slip`]) {
      const res = await rider.get(url);
      expect(res.status, url).toBe(404);
      expect(res.text).not.toContain("Sana Khan");
    }

    // Her own rider: the slip says so, with no tracking line; in the shop's language.
    const r = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
    await ship(r.id, "own-rider");
    const riderSlip = await rider.get(`${origin}/orders/${r.token}/slip`);
    expect(riderSlip.text).toContain("Delivery: own rider");
    expect(riderSlip.text).not.toContain("Tracking");
    await (await shopD1(seller.shopId)).prepare("UPDATE shops SET locale = 'ur' WHERE id = ?").bind(seller.shopId).run();
    const { invalidateShop } = await import("../tenancy/shop-cache");
    invalidateShop(seller.slug);
    const urdu = await rider.get(`${origin}/orders/${r.token}/slip`);
    expect(urdu.text).toContain('dir="rtl"');
    expect(urdu.text).toContain("ڈیلیوری: اپنا رائیڈر");
  });

  it("keeps shops apart: another shop's orders are 404 on every route and stay untouched", async () => {
    const a = await shopWithCatalogue();
    const b = await shopWithCatalogue();
    const ob = await placeOrderAt(b.origin, b.zone.id, [[b.kurta[0]!.id, 1]]);
    const before = await row(b.seller.shopId, ob.id);
    const base = `${ROOT}/admin/${a.seller.slug}/orders/${ob.id}`;
    for (const path of ["", "/slip", "/slip?size=80mm"]) expect((await a.seller.client.get(base + path)).status, path).toBe(404);
    expect((await a.seller.client.post(`${base}/status`, { from: "new", to: "cancelled" })).status).toBe(404);
    expect((await a.seller.client.post(`${base}/payment`, {})).status).toBe(404);
    expect((await a.seller.client.post(`${base}/note`, { note: "x" })).status).toBe(404);
    // Through B's slug, A is not a member at all.
    expect((await a.seller.client.get(`${ROOT}/admin/${b.seller.slug}/orders/${ob.id}`)).status).toBe(404);
    expect((await a.seller.client.get(`${ROOT}/admin/${b.seller.slug}/orders`)).status).toBe(404);
    const list = await a.seller.client.get(`${ROOT}/admin/${a.seller.slug}/orders?q=${ob.number}`);
    expect(list.text).not.toContain("Sana Khan");
    const { karachiDate } = await import("./dates");
    const today = karachiDate(Date.now());
    const csv = await a.seller.client.get(`${ROOT}/admin/${a.seller.slug}/orders/export?from=${today}&to=${today}`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split("\r\n")).toHaveLength(1); // the header only: none of B's orders
    expect(await row(b.seller.shopId, ob.id)).toEqual(before);
    expect(await stockOf(b.kurta[0]!)).toBe(4);
    expect((await events(b.seller.shopId, ob.id)).length).toBe(1);
  });

  it("prefills WhatsApp messages in the shop's language, whatever the admin's", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    await (await shopD1(seller.shopId)).prepare("UPDATE shops SET locale = 'ur' WHERE id = ?").bind(seller.shopId).run();
    const { invalidateShop } = await import("../tenancy/shop-cache");
    invalidateShop(seller.slug);
    const o = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
    const page = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/${o.id}`);
    expect(page.text).toContain("Confirm order"); // the seller's admin stays in English
    const text = waLinks(page.text)[0]!.searchParams.get("text")!;
    expect(text).toContain(`السلام علیکم Sana Khan! یہ`);
    expect(text).toContain(`ہمیں آپ کا آرڈر #${o.number} ملا ہے`);
  });
});
