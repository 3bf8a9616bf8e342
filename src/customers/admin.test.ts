import { describe, expect, it } from "vitest";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { ROOT, shopD1 } from "../../test/helpers";
import { fieldState, snapshot, textOf } from "../../test/limits/harness";
import { MAX_TAGS, TAG_MAX } from "./schemas";

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
const tagValues = (html: string) => [...html.matchAll(/<input[^>]*name="tags"[^>]*>/g)].map((m) => decode(/value="([^"]*)"/.exec(m[0])?.[1] ?? ""));

async function customerWithOrders() {
  const s = await shopWithCatalogue();
  const a = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { name: "Sana Khan", phone: "0321 5551234", city: "Lahore" });
  const b = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 1]], { name: "Sana Khan", phone: "03215551234", city: "Lahore" });
  const id = (await (await shopD1(s.seller.shopId)).prepare("SELECT id FROM customers WHERE shop_id = ? AND phone = '+923215551234'").bind(s.seller.shopId).first<{ id: number }>())!.id;
  return { ...s, orders: [a, b], id, url: `${ROOT}/admin/${s.seller.slug}/customers/${id}` };
}

describe("a customer's page", () => {
  it("shows her counts and her orders, each a link to its admin page; the list links to her; Shop and Orders link to the list", async () => {
    const s = await customerWithOrders();
    const page = await s.seller.client.get(s.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Sana Khan");
    expect(page.text).toContain("0321 5551234");
    for (const o of s.orders) expect(page.text).toContain(`href="/admin/${s.seller.slug}/orders/${o.id}"`);
    expect(page.text).toContain('href="tel:+923215551234"');
    expect(page.text).toContain('href="https://wa.me/923215551234"');
    const list = await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/customers`);
    expect(list.text).toContain(`href="/admin/${s.seller.slug}/customers/${s.id}"`);
    expect(list.text).toContain("2 orders");
    expect((await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/shop`)).text).toContain(`href="/admin/${s.seller.slug}/customers"`);
    expect((await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/orders`)).text).toContain(`href="/admin/${s.seller.slug}/customers"`);
  });

  it("saves a private note and tags (trimmed, blanks and repeats dropped); never shown to the customer", async () => {
    const s = await customerWithOrders();
    const note = "Prefers delivery after 5 pm. ہمیشہ شام کو ڈیلیوری";
    const res = await s.seller.client.post(s.url, { note, tags: [" VIP ", "", "wholesale", "vip", "خاندان"] });
    expect([res.status, res.location]).toEqual([303, `/admin/${s.seller.slug}/customers/${s.id}?done=1`]);
    const row = await (await shopD1(s.seller.shopId)).prepare("SELECT note, tags FROM customers WHERE shop_id = ? AND id = ?").bind(s.seller.shopId, s.id).first<{ note: string; tags: string }>();
    expect(row).toEqual({ note, tags: JSON.stringify(["VIP", "wholesale", "خاندان"]) });
    const page = await s.seller.client.get(`${s.url}?done=1`);
    expect(page.text).toContain("Saved.");
    expect(tagValues(page.text).slice(0, 3)).toEqual(["VIP", "wholesale", "خاندان"]);
    // Her own order page shows nothing of it.
    const status = await s.orders[0]!.client.get(`${s.origin}${s.orders[0]!.path}`);
    expect(status.text).not.toContain("Prefers delivery");
    expect(status.text).not.toContain("wholesale");
  });

  it(`tags: ${MAX_TAGS} of ${TAG_MAX} characters save, in English and Urdu; one more tag, or one character more, is refused beside the tags, kept, nothing saved`, async () => {
    const s = await customerWithOrders();
    for (const script of ["en", "ur"] as const) {
      const tags = Array.from({ length: MAX_TAGS }, (_, i) => `${i}${textOf(TAG_MAX - 1, script)}`);
      const res = await s.seller.client.post(s.url, { note: "", tags });
      expect(res.status, script).toBe(303);
      const row = await (await shopD1(s.seller.shopId)).prepare("SELECT tags FROM customers WHERE shop_id = ? AND id = ?").bind(s.seller.shopId, s.id).first<{ tags: string }>();
      expect(JSON.parse(row!.tags)).toEqual(tags);
    }
    const page = await s.seller.client.get(s.url);
    expect(tagValues(page.text)).toHaveLength(MAX_TAGS);
    expect(page.text).toContain(`maxlength="${TAG_MAX}"`);

    const before = await snapshot();
    const many = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag ${i}`);
    const refused = await s.seller.client.post(s.url, { note: "kept note", tags: many });
    expect(refused.status).toBe(400);
    expect(fieldState(refused.text, "tags", s.url)).toMatchObject({ invalid: true, message: `At most ${MAX_TAGS} tags.`, value: "tag 0" });
    expect(tagValues(refused.text)).toEqual(many);
    expect(fieldState(refused.text, "note", s.url)?.value).toBe("kept note");

    const long = textOf(TAG_MAX + 1, "ur");
    const tooLong = await s.seller.client.post(s.url, { note: "", tags: ["VIP", long] });
    expect(tooLong.status).toBe(400);
    expect(fieldState(tooLong.text, "tags", s.url)).toMatchObject({ invalid: true, message: `A tag can have at most ${TAG_MAX} characters.` });
    expect(tagValues(tooLong.text).slice(0, 2)).toEqual(["VIP", long]);
    expect(await snapshot()).toEqual(before);
  });

  it("another shop's customer is a 404, to see and to write, through either shop's address", async () => {
    const s = await customerWithOrders();
    const other = await shopWithCatalogue();
    const theirs = `${ROOT}/admin/${other.seller.slug}/customers/${s.id}`;
    expect((await other.seller.client.get(theirs)).status).toBe(404);
    const before = await snapshot();
    expect((await other.seller.client.post(theirs, { note: "x", tags: [] })).status).toBe(404);
    // Through her own shop's address, the other seller is no member: a 404 too.
    expect((await other.seller.client.get(s.url)).status).toBe(404);
    expect((await other.seller.client.post(s.url, { note: "x", tags: [] })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/customers/999999999`)).status).toBe(404);
  });
});

describe("customers CSV export", () => {
  it("streams every customer, newest first, with formulas neutralised", async () => {
    const s = await shopWithCatalogue();
    await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { name: '=HYPERLINK("http://x","y")', phone: "0300 7000001", city: "+Lahore" });
    await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { name: "ثنا خان", phone: "0300 7000002", city: "کراچی" });
    await (await shopD1(s.seller.shopId)).prepare("UPDATE customers SET note = '@SUM(A1)', tags = '[\"-VIP\",\"wholesale\"]' WHERE shop_id = ? AND phone = '+923007000001'").bind(s.seller.shopId).run();
    // 2,500 more, so the export takes three chunks.
    await (await shopD1(s.seller.shopId)).prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2500)
       INSERT INTO customers (shop_id, phone, name, city, orders, spent, last_order_at) SELECT ?1, '+92311' || printf('%07d', n), 'Old ' || n, 'Multan', 1, 100000, n FROM seq`,
    )
      .bind(s.seller.shopId)
      .run();
    const res = await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/customers/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="customers-${s.seller.slug}.csv"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const lines = res.text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Name,Phone,City,Orders,Delivered,Cancelled,Returned,Spent,Currency,Latest order,First order,Tags,Private note");
    expect(lines).toHaveLength(1 + 2 + 2500);
    expect(lines[1]).toMatch(/^ثنا خان,'\+923007000002,کراچی,1,0,0,0,/);
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",'\+923007000001,'\+Lahore,1,/);
    expect(lines[2]).toMatch(/,"'-VIP, wholesale",'@SUM\(A1\)$/);
    expect(lines.at(-1)).toMatch(/^Old 1,'\+923110000001,Multan,1,0,0,0,1000\.00,PKR,/);
    // Another shop's customers are not in it.
    const other = await shopWithCatalogue();
    expect((await other.seller.client.get(`${ROOT}/admin/${other.seller.slug}/customers/export`)).text).not.toContain("Old 1");
  });
});
