/**
 * Payment states and proof of payment, through the real routes (workerd, local D1 and R2): the
 * state an order starts in, the customer's screenshot and transaction ID (checked by bytes, caps
 * at and one past), the seller's Payment received / Not received / refunded, each an event and
 * its message written in the batch of the change, and another shop's seller kept out.
 */
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderEvents, orders, outbox, shops } from "../db/schema";
import { Client, ROOT, sellerWithShop, shopDb } from "../../test/helpers";
import { postMultipart } from "../../test/admin-helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { png, webp } from "../../test/media-fixtures";
import { messageOf, platformOrigin } from "../messages/outbox";
import { PROOF_MAX_BYTES, PROOF_REFERENCE_MAX, proofSchema } from "./proof";
import { z } from "zod";

async function shopWithNumber() {
  const s = await shopWithCatalogue();
  await (await shopDb(s.seller.shopId)).update(shops).set({ whatsapp: "+923001112233" }).where(eq(shops.id, s.seller.shopId));
  return s;
}

// A shop's rows live in its shard (src/db/shards.ts), and ids are per database: each read names the shop.
const orderRow = async (shopId: number, id: number) => (await shopDb(shopId)).select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, id))).get();
const paymentEvents = async (shopId: number, id: number) =>
  (await shopDb(shopId))
    .select({ from: orderEvents.fromStatus, to: orderEvents.toStatus, actor: orderEvents.actorUserId })
    .from(orderEvents)
    .where(and(eq(orderEvents.shopId, shopId), eq(orderEvents.orderId, id), eq(orderEvents.kind, "payment")))
    .orderBy(orderEvents.id)
    .all();
const messagesOf = async (shopId: number, template: string) => (await shopDb(shopId)).select().from(outbox).where(and(eq(outbox.shopId, shopId), eq(outbox.template, template))).orderBy(outbox.id).all();
const proofsIn = async (shopId: number) => (await env.MEDIA.list({ prefix: `shops/${shopId}/proofs/` })).objects.map((o) => o.key);

/** The multipart proof form as her phone posts it. */
function proofForm(file: Blob | null, reference: string) {
  const fd = new FormData();
  if (file) fd.append("screenshot", file, "screenshot.webp");
  fd.append("reference", reference);
  return fd;
}
const screenshot = (size = 4_000) => new Blob([webp(720, 1280, size) as Uint8Array<ArrayBuffer>], { type: "image/webp" });

async function jazzcashOrder() {
  const s = await shopWithNumber();
  const o = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 2]], { payment: "jazzcash", name: "Sana Khan" });
  const post = (file: Blob | null, reference: string) => postMultipart(o.client, `${s.origin}/orders/${o.token}/proof`, proofForm(file, reference));
  return { ...s, o, post };
}

describe("payment states", () => {
  it("starts a transfer awaiting its proof and cash on delivery unpaid, in the order's own INSERT", async () => {
    const s = await shopWithNumber();
    const cod = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const wallet = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { payment: "jazzcash" });
    expect(await orderRow(s.seller.shopId, cod.id)).toMatchObject({ paymentState: "unpaid", paymentStatus: "pending", paymentProof: "" });
    expect(await orderRow(s.seller.shopId, wallet.id)).toMatchObject({ paymentState: "awaiting_proof", paymentStatus: "pending" });
    // Cash on delivery has no proof form; a transfer's page shows it, with the account to pay into.
    expect((await cod.client.get(`${s.origin}${cod.path}`)).text).not.toContain('name="screenshot"');
    const page = (await wallet.client.get(`${s.origin}${wallet.path}`)).text;
    expect(page).toContain('name="screenshot"');
    expect(page).toContain("0301 7654321");
    // The browser's own file button speaks the browser's language: it is hidden, and its label is
    // the shop's 48 px button (the page in Urdu says it in Urdu).
    expect(page).toMatch(/<input id="co-screenshot" class="co-file"/);
    expect(page).toContain('<label class="co-btn ghost block" for="co-screenshot">Screenshot of your payment</label>');
    expect(page).toMatch(new RegExp(`name="reference"[^>]*maxlength="${PROOF_REFERENCE_MAX}"|maxlength="${PROOF_REFERENCE_MAX}"[^>]*name="reference"`, "i"));
    expect((await postMultipart(cod.client, `${s.origin}/orders/${cod.token}/proof`, proofForm(screenshot(), "TX1"))).status).toBe(404);
  });

  it("declares the proof form's caps once, in its schema: the screenshot's bytes and the ID's characters", () => {
    const json = z.toJSONSchema(proofSchema, { io: "input", unrepresentable: "any" }) as unknown as { properties: { reference: { maxLength: number } } };
    expect(json.properties.reference.maxLength).toBe(PROOF_REFERENCE_MAX);
    expect(proofSchema.shape.screenshot.safeParse(new File([new Uint8Array(PROOF_MAX_BYTES + 1)], "x.png")).success).toBe(false);
    expect(proofSchema.shape.screenshot.safeParse(new File([new Uint8Array(PROOF_MAX_BYTES)], "x.png")).success).toBe(true);
  });
});

describe("proof of payment", () => {
  it("takes her screenshot and ID: proof_sent, an event, the seller told in the same batch; she and the seller see it, nobody else", async () => {
    const s = await jazzcashOrder();
    const shopId = s.seller.shopId;
    const res = await s.post(screenshot(), "JC-2026113012345");
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/orders/${s.o.token}?proof=sent#payment`);
    const row = (await orderRow(s.seller.shopId, s.o.id))!;
    expect(row).toMatchObject({ paymentState: "proof_sent", paymentReference: "JC-2026113012345" });
    expect(row.paymentProof).toMatch(new RegExp(`^shops/${shopId}/proofs/[a-f0-9]{64}\\.webp$`));
    expect(await proofsIn(shopId)).toEqual([row.paymentProof]);
    expect(await paymentEvents(s.seller.shopId, s.o.id)).toEqual([{ from: "awaiting_proof", to: "proof_sent", actor: null }]);
    const [alert, ...more] = await messagesOf(shopId, "payment_proof_sent");
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ channel: "whatsapp", recipient: "+923001112233", params: JSON.stringify({ orderId: s.o.id }) });
    const params = (await messageOf(await shopDb(s.seller.shopId), alert!, platformOrigin(env as never)))!.params;
    expect(params).toMatchObject({ orderNumber: `#${s.o.number}`, link: `http://hatti.test/admin/${s.seller.slug}/orders/${s.o.id}` });

    // Her page: the state and her screenshot; the screenshot itself, private.
    const page = await s.o.client.get(`${s.origin}/orders/${s.o.token}?proof=sent`);
    expect(page.text).toContain("Proof sent: the shop is checking it");
    expect(page.text).toContain("JC-2026113012345");
    const mine = await s.o.client.get(`${s.origin}/orders/${s.o.token}/proof`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/webp");
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    // The seller's order page shows it and offers both answers.
    const admin = `${ROOT}/admin/${s.seller.slug}/orders/${s.o.id}`;
    const sellerPage = await s.seller.client.get(admin);
    expect(sellerPage.text).toContain(`${admin}/proof`.replace(ROOT, ""));
    expect(sellerPage.text).toContain("Payment received");
    expect(sellerPage.text).toContain("Not received");
    expect((await s.seller.client.get(`${admin}/proof`)).status).toBe(200);

    // Another shop's seller: neither the screenshot nor the buttons, and nothing changes.
    const other = await sellerWithShop();
    expect((await other.client.get(`${ROOT}/admin/${other.slug}/orders/${s.o.id}/proof`)).status).toBe(404);
    expect((await other.client.post(`${ROOT}/admin/${other.slug}/orders/${s.o.id}/payment`, { move: "received" })).status).toBe(404);
    expect((await other.client.get(`${ROOT}/admin/${s.seller.slug}/orders/${s.o.id}/proof`)).status).toBe(404);
    expect((await new Client().get(`${ROOT}/admin/${s.seller.slug}/orders/${s.o.id}/proof`)).status).not.toBe(200);
    expect((await orderRow(s.seller.shopId, s.o.id))!.paymentState).toBe("proof_sent");
  });

  it("refuses a screenshot past its size, a file that is not an image by its bytes, and an ID past its cap, keeping what she typed and saving nothing", async () => {
    const s = await jazzcashOrder();
    const shopId = s.seller.shopId;
    const nothing = async () => {
      expect((await orderRow(s.seller.shopId, s.o.id))!).toMatchObject({ paymentState: "awaiting_proof", paymentProof: "", paymentReference: "" });
      expect(await proofsIn(shopId)).toEqual([]);
      expect(await messagesOf(shopId, "payment_proof_sent")).toEqual([]);
      expect(await paymentEvents(s.seller.shopId, s.o.id)).toEqual([]);
    };
    const big = await s.post(new Blob([new Uint8Array(PROOF_MAX_BYTES + 1)], { type: "image/png" }), "JC-1");
    expect(big.status).toBe(400);
    expect(big.text).toContain("This picture is too big (at most 3 MB).");
    expect(big.text).toContain('value="JC-1"');
    await nothing();
    // A PDF named .png, and markup: by the bytes, not the name or the type.
    const pdf = await s.post(new Blob([new TextEncoder().encode("%PDF-1.7 bank statement")], { type: "image/png" }), "JC-2");
    expect(pdf.status).toBe(400);
    expect(pdf.text).toContain("This file is not a picture. Use a JPEG, PNG or WebP screenshot.");
    const svg = await s.post(new Blob([new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')], { type: "image/png" }), "JC-3");
    expect(svg.status).toBe(400);
    const none = await s.post(null, "JC-4");
    expect(none.status).toBe(400);
    expect(none.text).toContain("Choose the screenshot of your payment.");
    const blank = await s.post(screenshot(), "   ");
    expect(blank.status).toBe(400);
    expect(blank.text).toContain("Enter the transaction ID.");
    const past = "J".repeat(PROOF_REFERENCE_MAX + 1);
    const long = await s.post(screenshot(), past);
    expect(long.status).toBe(400);
    expect(long.text).toContain(`value="${past}"`);
    // Both messages at once: a bad file and a blank ID.
    const both = await s.post(new Blob([new TextEncoder().encode("not an image")]), "");
    expect(both.text).toContain("This file is not a picture.");
    expect(both.text).toContain("Enter the transaction ID.");
    await nothing();
    // At the cap exactly (and a PNG): saved.
    const at = "T".repeat(PROOF_REFERENCE_MAX);
    expect((await s.post(new Blob([(await png(800, 1600)) as Uint8Array<ArrayBuffer>], { type: "image/png" }), at)).status).toBe(303);
    expect((await orderRow(s.seller.shopId, s.o.id))!).toMatchObject({ paymentState: "proof_sent", paymentReference: at });
  });

  it("lets the seller answer: Not received tells the customer and reopens the proof; Payment received settles it once; then refunded", async () => {
    const s = await jazzcashOrder();
    const shopId = s.seller.shopId;
    const base = `${ROOT}/admin/${s.seller.slug}/orders/${s.o.id}`;
    expect((await s.post(screenshot(), "JC-111")).status).toBe(303);
    const no = await s.seller.client.post(`${base}/payment`, { move: "notReceived" });
    expect(no.status).toBe(303);
    expect((await orderRow(s.seller.shopId, s.o.id))!.paymentState).toBe("awaiting_proof");
    const [told, ...more] = await messagesOf(shopId, "payment_not_received");
    expect(more).toEqual([]);
    expect(told).toMatchObject({ channel: "whatsapp", recipient: "+923215551234", params: JSON.stringify({ orderId: s.o.id }) });
    const text = (await messageOf(await shopDb(s.seller.shopId), told!, platformOrigin(env as never)))!.params;
    expect(text.link).toBe(`http://${s.seller.slug}.hatti.test/orders/${s.o.token}`);
    // A second tap changes nothing and tells nobody again.
    expect((await s.seller.client.post(`${base}/payment`, { move: "notReceived" })).status).toBe(409);
    expect(await messagesOf(shopId, "payment_not_received")).toHaveLength(1);

    // She sends it again; the seller finds it: paid (the old column in step), once.
    expect((await s.post(screenshot(5_000), "JC-222")).status).toBe(303);
    expect((await s.seller.client.post(`${base}/payment`, { move: "received" })).status).toBe(303);
    expect(await orderRow(s.seller.shopId, s.o.id)).toMatchObject({ paymentState: "paid", paymentStatus: "paid", paymentReference: "JC-222" });
    const twice = await s.seller.client.post(`${base}/payment`, { move: "received" });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain("Payment was already marked as received.");
    // A proof after it was settled changes nothing.
    const late = await s.post(screenshot(6_000), "JC-333");
    expect(late.location).toBe(`/orders/${s.o.token}?proof=late#payment`);
    // The "not received" message, sent after she was marked paid, is not sent at all.
    expect(await messageOf(await shopDb(s.seller.shopId), told!, platformOrigin(env as never))).toBeNull();

    expect((await s.seller.client.post(`${base}/payment`, { move: "refunded" })).status).toBe(303);
    expect(await orderRow(s.seller.shopId, s.o.id)).toMatchObject({ paymentState: "refunded", paymentStatus: "pending" });
    const owner = (await env.DB.prepare("SELECT user_id FROM memberships WHERE shop_id = ? AND role = 'owner'").bind(shopId).first<{ user_id: number }>())!.user_id;
    expect(await paymentEvents(s.seller.shopId, s.o.id)).toEqual([
      { from: "awaiting_proof", to: "proof_sent", actor: null },
      { from: "proof_sent", to: "awaiting_proof", actor: owner },
      { from: "awaiting_proof", to: "proof_sent", actor: null },
      { from: "proof_sent", to: "paid", actor: owner },
      { from: "paid", to: "refunded", actor: owner },
    ]);
    // The timelines: the seller's with each state, hers with the public ones.
    const sellerPage = (await s.seller.client.get(base)).text;
    expect(sellerPage).toContain("Payment: Paid → Refunded");
    const hers = (await s.o.client.get(`${s.origin}/orders/${s.o.token}`)).text;
    expect(hers).toContain("Payment: Refunded");
  });
});
