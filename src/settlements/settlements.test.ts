import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ROOT, sellerWithShop, shopD1, type Res } from "../../test/helpers";
import { decode, one, postMultipart, type Shop } from "../../test/admin-helpers";
import { countRecords, readSettlement } from "./read";
import { rowsSchema, SETTLEMENT_MAX_BYTES, SETTLEMENT_MAX_ROWS, uploadSchema } from "./schema";
import { postexReport, seedDelivered } from "./test-fixtures";

/** The page's text as read: entities decoded, the no-break spaces of formatted money as spaces. */
const plain = (html: string) => decode(html).replace(/\u00a0/g, " ");
const base = (s: Shop) => `${ROOT}/admin/${s.slug}/settlements`;

async function upload(s: Shop, courier: string, text: string, name = "postex-cpr-2026-11-28.csv"): Promise<Res> {
  const fd = new FormData();
  fd.append("courier", courier);
  fd.append("file", new Blob([text], { type: "text/csv" }), name);
  const res = await postMultipart(s.client, `${base(s)}/preview`, fd);
  return { ...res, text: plain(res.text) };
}

/** The apply form's hidden file hash on a preview page. */
const hashOf = (html: string) => /name="file" value="([0-9a-f]{64})"/.exec(html)?.[1];
const apply = (s: Shop, courier: string, file: string) => s.client.post(`${base(s)}/apply`, { courier, file });
const counted = (html: string, outcome: string) => Number(new RegExp(`data-outcome="${outcome}">[^<]*<strong>(\\d+)</strong>`).exec(html)?.[1]);
const paidCount = async (shopId: number) => (await one<{ n: number }>("SELECT count(*) AS n FROM orders WHERE shop_id = ? AND payment_state = 'paid'", shopId))!.n;
const paymentEvents = async (shopId: number) => (await one<{ n: number }>("SELECT count(*) AS n FROM order_events WHERE shop_id = ? AND kind = 'payment'", shopId))!.n;
const stored = async (shopId: number) => (await env.MEDIA.list({ prefix: `shops/${shopId}/settlements/` })).objects.length;
const rowsOf = (tracking: string[], amount = "5,200.00") => tracking.map((t) => ({ tracking: t, amount }));

describe("a courier's settlement report", () => {
  it("declares its caps once, in the schemas: 1 MB, 2,000 rows", () => {
    const upload = z.toJSONSchema(uploadSchema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { enum?: string[] }> };
    expect(upload.properties.courier!.enum).toEqual(["postex", "leopards", "trax"]);
    expect((z.toJSONSchema(rowsSchema, { io: "input" }) as { maxItems: number }).maxItems).toBe(SETTLEMENT_MAX_ROWS);
    expect(SETTLEMENT_MAX_BYTES).toBe(1024 * 1024);
  });

  it("counts records before building any row: quoted line breaks, CRLF, a BOM, blank lines", () => {
    expect(countRecords('\ufeffa,b\r\n"x,\r\ny",2\r\n\r\nlast,3', 10)).toBe(3);
    expect(countRecords("a\nb\nc\nd\n", 2)).toBe(3); // stops one past the limit
    const at = postexReport(rowsOf(Array.from({ length: SETTLEMENT_MAX_ROWS + 1 }, (_, i) => `PX${i}`)));
    expect(readSettlement(at, "postex")).toEqual({ ok: false, error: "settlements.tooManyRows", params: { max: SETTLEMENT_MAX_ROWS } });
  });

  it("imports the cap, 2,000 rows (BOM, CRLF, quoted commas, Urdu names): all marked paid in one batch, an event each, no message to the customer", async () => {
    const s = await sellerWithShop();
    const tracking = await seedDelivered(s.shopId, { n: SETTLEMENT_MAX_ROWS, from: 1001, courier: "postex", prefix: "PX2611" });
    const csv = postexReport(rowsOf(tracking));
    expect(csv).toContain("عائشہ صدیقی");
    const preview = await upload(s, "postex", csv);
    expect(preview.status).toBe(200);
    expect(counted(preview.text, "matched")).toBe(SETTLEMENT_MAX_ROWS);
    expect(counted(preview.text, "unknown")).toBe(0);
    expect(preview.text).toContain("2000 orders, Rs 10,400,000, will be marked paid.");
    // Nothing is marked by the preview.
    expect(await paidCount(s.shopId)).toBe(0);

    const done = await apply(s, "postex", hashOf(preview.text)!);
    expect(done.status).toBe(303);
    expect(await paidCount(s.shopId)).toBe(SETTLEMENT_MAX_ROWS);
    expect(await paymentEvents(s.shopId)).toBe(SETTLEMENT_MAX_ROWS);
    const event = await one<{ from_status: string; to_status: string; actor_name: string }>("SELECT from_status, to_status, actor_name FROM order_events WHERE shop_id = ? AND kind = 'payment' LIMIT 1", s.shopId);
    expect(event).toEqual({ from_status: "unpaid", to_status: "paid", actor_name: s.name });
    expect((await one<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE shop_id = ?", s.shopId))!.n).toBe(0);
    expect(await one("SELECT courier, file_name, rows, marked, amount FROM settlements WHERE shop_id = ?", s.shopId)).toEqual({
      courier: "postex",
      file_name: "postex-cpr-2026-11-28.csv",
      rows: SETTLEMENT_MAX_ROWS,
      marked: SETTLEMENT_MAX_ROWS,
      amount: SETTLEMENT_MAX_ROWS * 520_000,
    });
    const page = plain((await s.client.get(ROOT + done.location!)).text);
    expect(page).toContain("2000 orders marked paid (Rs 10,400,000).");
    expect(page).toContain("2000 of 2000 rows marked paid, Rs 10,400,000");
  });

  it("marks by the seller's own rule: any state Payment received may leave, a COD confirmation still awaited settled, a refunded order left alone", async () => {
    const s = await sellerWithShop();
    const tracking = await seedDelivered(s.shopId, { n: 3, from: 1001, courier: "postex", prefix: "PXR" });
    await (await shopD1(s.shopId)).prepare("UPDATE orders SET confirmation = 'awaiting' WHERE shop_id = ? AND number = 1001").bind(s.shopId).run();
    await (await shopD1(s.shopId)).prepare("UPDATE orders SET payment_state = 'proof_sent' WHERE shop_id = ? AND number = 1002").bind(s.shopId).run();
    await (await shopD1(s.shopId)).prepare("UPDATE orders SET payment_state = 'refunded' WHERE shop_id = ? AND number = 1003").bind(s.shopId).run();
    const res = await upload(s, "postex", postexReport(rowsOf(tracking)));
    expect([counted(res.text, "matched"), counted(res.text, "paid")]).toEqual([2, 1]);
    expect((await apply(s, "postex", hashOf(res.text)!)).status).toBe(303);
    const rows = await (await shopD1(s.shopId)).prepare("SELECT number, payment_state, payment_status, confirmation FROM orders WHERE shop_id = ? ORDER BY number").bind(s.shopId).all();
    expect(rows.results).toEqual([
      { number: 1001, payment_state: "paid", payment_status: "paid", confirmation: "confirmed" },
      { number: 1002, payment_state: "paid", payment_status: "paid", confirmation: "none" },
      { number: 1003, payment_state: "refunded", payment_status: "pending", confirmation: "none" },
    ]);
    const events = await (await shopD1(s.shopId)).prepare("SELECT from_status FROM order_events WHERE shop_id = ? AND kind = 'payment' ORDER BY order_id").bind(s.shopId).all();
    expect(events.results).toEqual([{ from_status: "unpaid" }, { from_status: "proof_sent" }]);
  });

  it("refuses 2,001 rows with the message beside the file, and saves nothing", async () => {
    const s = await sellerWithShop();
    const tracking = await seedDelivered(s.shopId, { n: 10, from: 1001, courier: "postex", prefix: "PX2612" });
    const csv = postexReport(rowsOf([...tracking, ...Array.from({ length: SETTLEMENT_MAX_ROWS + 1 - tracking.length }, (_, i) => `PX9${i}`)]));
    const res = await upload(s, "postex", csv);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="settlement-file-error"[^>]*>The file has more than 2000 rows: split it into smaller files. Nothing was saved./);
    expect(res.text).toContain('<option value="postex" selected');
    expect(await stored(s.shopId)).toBe(0);
    expect(await paidCount(s.shopId)).toBe(0);
    expect((await one<{ n: number }>("SELECT count(*) AS n FROM settlements WHERE shop_id = ?", s.shopId))!.n).toBe(0);
  });

  it("refuses a file over 1 MB, a file without the courier's columns, and no file, beside the field", async () => {
    const s = await sellerWithShop();
    const big = await upload(s, "postex", `Tracking Number,COD Amount\r\n${"PX1,5200\r\n".repeat(SETTLEMENT_MAX_BYTES / 10 + 1)}`);
    expect(big.status, big.text.slice(-3000)).toBe(400);
    expect(big.text).toMatch(/id="settlement-file-error"[^>]*>The file is over 1 MB/);
    // The shop's product CSV picked by mistake.
    const wrong = await upload(s, "leopards", "Handle,Title,Variant Price\r\nlawn-suit,Handmade embroidered chiffon kurta,5200\r\n");
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("No “CN Number” and “COD Amount” columns in the file's first lines");
    const none = await postMultipart(s.client, `${base(s)}/preview`, (() => {
      const fd = new FormData();
      fd.append("courier", "trax");
      return fd;
    })());
    expect(none.status).toBe(400);
    expect(plain(none.text)).toContain("Choose the courier's CSV file.");
    expect(await stored(s.shopId)).toBe(0);
  });

  it("never marks another shop's parcels: their tracking numbers are unknown here", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const theirs = await seedDelivered(b.shopId, { n: 5, from: 1001, courier: "postex", prefix: "PXB" });
    const res = await upload(a, "postex", postexReport(rowsOf(theirs)));
    expect(res.status).toBe(200);
    expect(counted(res.text, "unknown")).toBe(5);
    expect(counted(res.text, "matched")).toBe(0);
    expect(res.text).toContain("Nothing in this file to mark paid.");
    expect(hashOf(res.text)).toBeUndefined();
    // Applied anyway (the hash of the stored file): nothing of the other shop's is marked.
    const hash = (await env.MEDIA.list({ prefix: `shops/${a.shopId}/settlements/` })).objects[0]!.key.split("/").at(-1)!.replace(".csv", "");
    expect((await apply(a, "postex", hash)).status).toBe(303);
    expect(await paidCount(b.shopId)).toBe(0);
    expect(await paymentEvents(b.shopId)).toBe(0);
    // Nor can shop B apply shop A's stored file; a hash that is not one is refused too.
    const refused = await apply(b, "postex", hash);
    expect(refused.status).toBe(400);
    expect(plain(refused.text)).toContain("The file is no longer here: choose it again.");
    expect((await apply(a, "postex", "../../1/settlements/x")).status).toBe(400);
  });

  it("marks nothing the second time the same file is imported, and says so", async () => {
    const s = await sellerWithShop();
    const tracking = await seedDelivered(s.shopId, { n: 4, from: 1001, courier: "leopards", prefix: "LE75" });
    const csv = `Leopards Courier Services - Payment Report\r\nCN Number,Consignee,COD Amount,Status\r\n${tracking.map((t) => `${t},"Zainab, Lahore",5200,Delivered`).join("\r\n")}\r\nTotal,,"20,800",\r\n`;
    const first = await upload(s, "leopards", csv, "leopards-payment.csv");
    expect(counted(first.text, "matched")).toBe(4);
    expect((await apply(s, "leopards", hashOf(first.text)!)).status).toBe(303);
    expect(await paymentEvents(s.shopId)).toBe(4);

    const again = await upload(s, "leopards", csv, "leopards-payment.csv");
    expect(again.status).toBe(200);
    expect(again.text).toMatch(/This file was imported on .* and marked 4 orders paid: nothing is marked twice./);
    expect(counted(again.text, "paid")).toBe(4);
    expect(hashOf(again.text)).toBeUndefined();
    const twice = await apply(s, "leopards", hashOf(first.text)!);
    expect(twice.status).toBe(409);
    expect(plain(twice.text)).toContain("This file was imported before: nothing was marked twice.");
    expect(await paymentEvents(s.shopId)).toBe(4);
    expect((await one<{ n: number }>("SELECT count(*) AS n FROM settlements WHERE shop_id = ?", s.shopId))!.n).toBe(1);

    // Another file naming the same parcels: already paid, nothing marked.
    const other = await upload(s, "leopards", csv.replace("Payment Report", "Payment Report (copy)"), "copy.csv");
    expect(counted(other.text, "paid")).toBe(4);
    expect(counted(other.text, "matched")).toBe(0);
  });

  it("shows an amount that differs and leaves that order unpaid (a shortfall stays owed)", async () => {
    const s = await sellerWithShop();
    const tracking = await seedDelivered(s.shopId, { n: 3, from: 1001, courier: "trax", prefix: "TRX" });
    const csv = `Tracking #,Consignee Name,COD Amount\r\n${tracking[0]},زینب قریشی,5200\r\n${tracking[1]},Ayesha,"5,000.00"\r\n${tracking[2]},Hina,not paid\r\n`;
    const res = await upload(s, "trax", csv);
    expect(counted(res.text, "matched")).toBe(1);
    expect(counted(res.text, "differs")).toBe(2);
    expect(res.text).toContain("Rs 5,000");
    // The stored file applied as another courier's (its columns would read as PostEx's too): refused, nothing recorded.
    expect((await apply(s, "postex", hashOf(res.text)!)).status).toBe(400);
    expect((await one<{ n: number }>("SELECT count(*) AS n FROM settlements WHERE shop_id = ?", s.shopId))!.n).toBe(0);
    expect((await apply(s, "trax", hashOf(res.text)!)).status).toBe(303);
    const states = await (await shopD1(s.shopId)).prepare("SELECT number, payment_state FROM orders WHERE shop_id = ? ORDER BY number").bind(s.shopId).all();
    expect(states.results).toEqual([
      { number: 1001, payment_state: "paid" },
      { number: 1002, payment_state: "unpaid" },
      { number: 1003, payment_state: "unpaid" },
    ]);
    const page = plain((await s.client.get(base(s))).text);
    expect(page).toMatch(/data-courier="trax"><strong>Trax<\/strong>: 2 delivered orders, Rs 10,400/);
  });

  it("shows what each courier still owes, in the one round trip of the session check, in English and in Urdu", async () => {
    const s = await sellerWithShop();
    await seedDelivered(s.shopId, { n: 3, from: 1001, courier: "postex", prefix: "PX" });
    await seedDelivered(s.shopId, { n: 2, from: 2001, courier: "leopards", prefix: "LE", cod: 310_000 });
    // Not owed: a parcel still on its way, one already paid, one without cash to collect.
    await seedDelivered(s.shopId, { n: 1, from: 3001, courier: "postex", prefix: "PX", status: "shipped", shipment: "in_transit" });
    await seedDelivered(s.shopId, { n: 1, from: 4001, courier: "postex", prefix: "PX" });
    await (await shopD1(s.shopId)).prepare("UPDATE orders SET payment_state = 'paid', payment_status = 'paid' WHERE shop_id = ? AND number = 4001").bind(s.shopId).run();
    await seedDelivered(s.shopId, { n: 1, from: 5001, courier: "trax", prefix: "TR", cod: 0 });
    await s.client.get(`${ROOT}/admin/${s.slug}`); // the session's shop recorded: the page costs what any admin page does
    const res = await s.client.get(base(s));
    expect(res.status).toBe(200);
    const html = plain(res.text);
    expect(html).toMatch(/data-courier="postex"><strong>PostEx<\/strong>: 3 delivered orders, Rs 15,600/);
    expect(html).toMatch(/data-courier="leopards"><strong>Leopards Courier<\/strong>: 2 delivered orders, Rs 6,200/);
    expect(html).not.toContain('data-courier="trax"');
    // The session, the membership (with the shop) and the page's reads: one batch.
    expect(Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1])).toBe(1);

    const ur = await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    expect(ur.status).toBe(200);
    const urdu = plain((await s.client.get(base(s))).text);
    expect(urdu).toContain("کوریئر کی ادائیگیاں");
    expect(urdu).toContain("کوریئرز کے ذمے باقی رقم");
    expect(urdu).toContain('dir="rtl"');
  });
});
