import { describe, expect, it } from "vitest";
import { all, decode, inShop, one } from "../../test/admin-helpers";
import { placeOrderAt, seedProduct, shopWithCatalogue } from "../../test/checkout-fixtures";
import { seedDiscount, takeDiscounts } from "../../test/discount-fixtures";
import { ROOT, sellerWithShop, shopD1, shopOrigin, uniq } from "../../test/helpers";
import { fieldState, snapshot, textOf } from "../../test/limits/harness";
import { formatDate, formatMoney } from "../i18n";
import { CODE_MAX, MAX_TARGETS, TITLE_MAX } from "./schema";
import { shareLink } from "./words";
import { AUTOMATIC_MAX } from "../pricing/facts";

/** The first visit of a shop's admin records it as the session's shop. */
const VOLATILE = ["sessions"];

type Seller = Awaited<ReturnType<typeof sellerWithShop>>;
const admin = (s: Seller, path = "") => `${ROOT}/admin/${s.slug}/discounts${path}`;

/** A valid form: a 10% code on the whole order, on. */
const form = (over: Record<string, string | string[]> = {}) => ({ mode: "code", code: uniq("EID").slice(0, 20), title: "", kind: "percent", percent: "10", amount: "", scope: "order", active: "on", intent: "save", ...over });

const discountsOf = (shopId: number) => all<Record<string, unknown>>("SELECT * FROM discounts WHERE shop_id = ? ORDER BY id", shopId);

/** The message beside a field of a refused form, and what it kept. */
const beside = (html: string, field: string, action: string) => fieldState(html, field, action);

describe("the discount form", () => {
  it("saves a code upper-cased, shows it in the list in words, and says saved", async () => {
    const s = await sellerWithShop();
    const empty = await s.client.get(admin(s));
    expect(empty.status).toBe(200);
    expect(empty.text).toContain("No discounts yet.");
    const res = await s.client.post(admin(s), form({ code: " eid10 ", percent: "10" }));
    expect(res.status, res.text.slice(0, 500)).toBe(303);
    const [d] = await discountsOf(s.shopId);
    expect(d).toMatchObject({ code: "EID10", kind: "percent", value: 10, scope: "order", targets: "[]", starts_at: null, ends_at: null, max_uses: null, uses: 0, active: 1, once_per_phone: 0, combines: 0 });
    expect(res.location).toBe(`/admin/${s.slug}/discounts/${d!.id}?done=saved`);
    const page = await s.client.get(ROOT + res.location!);
    expect(page.text).toContain("Discount saved.");
    const list = await s.client.get(admin(s));
    expect(list.text).toContain(">EID10</a>");
    expect(list.text).toContain("10% off on the whole order");
    expect(list.text).toContain("No dates");
    expect(list.text).toContain("Used: 0");
    expect(list.text).toContain("1 discount");
  });

  it("takes an amount in rupees as typed, free delivery with no value, and an automatic discount with its title", async () => {
    const s = await sellerWithShop();
    expect((await s.client.post(admin(s), form({ code: "RS200", kind: "amount", amount: "Rs 1,200.50", percent: "" }))).status).toBe(303);
    expect((await s.client.post(admin(s), form({ code: "SHIPFREE", kind: "free_delivery", percent: "", minSubtotal: "٣,٠٠٠" }))).status).toBe(303);
    const urduTitle = "عید سیل: ہاتھ سے کڑھائی والے کرتے";
    expect((await s.client.post(admin(s), form({ mode: "automatic", code: "", title: urduTitle, percent: "15", minQuantity: "3" }))).status).toBe(303);
    const rows = await discountsOf(s.shopId);
    expect(rows.map((r) => [r.code, r.kind, r.value, r.min_subtotal, r.min_quantity, r.title])).toEqual([
      ["RS200", "amount", 120_050, 0, 0, ""],
      ["SHIPFREE", "free_delivery", 0, 300_000, 0, ""],
      [null, "percent", 15, 0, 3, urduTitle],
    ]);
    const list = await s.client.get(admin(s));
    expect(list.text).toContain(`${formatMoney(120_050, "PKR", "en")} off on the whole order`);
    expect(list.text).toContain(`Free delivery on the whole order, orders of ${formatMoney(300_000, "PKR", "en")} or more`);
    expect(decode(list.text)).toContain(`Automatic: ${urduTitle}`);
    expect(list.text).toContain("3 items or more");
  });

  it("refuses each field's bad value beside it, keeps what was typed, and saves nothing", async () => {
    const s = await sellerWithShop();
    const cases: [Record<string, string>, string, string][] = [
      [{ code: "" }, "code", "Type a code, like EID10."],
      [{ code: "EID 10" }, "code", "Use 3 to 24 letters, digits, - or _ (no spaces)."],
      [{ code: "E1" }, "code", "Use 3 to 24 letters, digits, - or _ (no spaces)."],
      [{ mode: "automatic", code: "", title: "  " }, "title", "An automatic discount needs a title: customers see it."],
      [{ percent: "0" }, "percent", "Type a whole number from 1 to 100."],
      [{ percent: "101" }, "percent", "Type a whole number from 1 to 100."],
      [{ percent: "12.5" }, "percent", "Type a whole number from 1 to 100."],
      [{ kind: "amount", amount: "0" }, "amount", "Type how many rupees it takes off, like 200."],
      [{ kind: "amount", amount: "-200" }, "amount", "A price cannot be negative."],
      [{ minSubtotal: "abc" }, "minSubtotal", "Enter a price in rupees, like 1499 or 1,499.50."],
      [{ minQuantity: "10001" }, "minQuantity", "Type a whole number from 0 to 10,000."],
      [{ maxUses: "0" }, "maxUses", "Type a whole number from 1 to 1,000,000, or leave it empty."],
      [{ startDate: "2026-02-30" }, "startDate", "Pick a date."],
      [{ startTime: "09:30" }, "startTime", "Pick a date for this time."],
      [{ startDate: "2026-12-01", startTime: "25:00" }, "startTime", "Type a time like 21:30."],
      [{ scope: "products" }, "product", "Tick at least one product."],
      [{ scope: "collections" }, "collection", "Tick at least one collection."],
      [{ kind: "bogus" }, "kind", "This is required."],
    ];
    const before = await snapshot(VOLATILE);
    for (const [over, field, message] of cases) {
      const res = await s.client.post(admin(s), form({ ...over, code: over.code ?? "KEEPME" }));
      expect(res.status, JSON.stringify(over)).toBe(400);
      if (field === "product" || field === "collection" || field === "kind") {
        expect(res.text, JSON.stringify(over)).toContain(message);
      } else {
        const state = beside(res.text, field, admin(s));
        expect(state, field).not.toBeNull();
        expect(state!.invalid, field).toBe(true);
        expect(state!.message, JSON.stringify(over)).toBe(message);
        expect(state!.value).toBe(over[field] ?? "");
      }
      expect(beside(res.text, "code", admin(s))!.value).toBe(over.code ?? "KEEPME");
    }
    expect(await snapshot(VOLATILE)).toEqual(before);
  });

  it("takes a code of 24 characters and refuses 25 beside the field; an Urdu title at its cap saves, one past it does not", async () => {
    expect([CODE_MAX, TITLE_MAX]).toEqual([24, 80]);
    const s = await sellerWithShop();
    const code24 = `EID-2026_${"X".repeat(CODE_MAX - 9)}`;
    expect(code24).toHaveLength(24);
    expect((await s.client.post(admin(s), form({ code: code24.toLowerCase() }))).status).toBe(303);
    const before = await snapshot(VOLATILE);
    const long = await s.client.post(admin(s), form({ code: `${code24}Y` }));
    expect(long.status).toBe(400);
    expect(beside(long.text, "code", admin(s))).toEqual({ invalid: true, message: "This is too long (at most 24 characters).", value: `${code24}Y` });
    const title80 = textOf(TITLE_MAX, "ur");
    const over = await s.client.post(admin(s), form({ mode: "automatic", code: "", title: textOf(TITLE_MAX + 1, "ur") }));
    expect(over.status).toBe(400);
    expect(beside(over.text, "title", admin(s))!.message).toBe("This is too long (at most 80 characters).");
    expect(await snapshot(VOLATILE)).toEqual(before);
    expect((await s.client.post(admin(s), form({ mode: "automatic", code: "", title: title80 }))).status).toBe(303);
    expect((await discountsOf(s.shopId)).map((r) => [r.code, r.title])).toEqual([[code24, ""], [null, title80]]);
  });

  it("says beside the code that it is taken, whatever its case, on create and on edit, and never fails on the unique index", async () => {
    const s = await sellerWithShop();
    const other = await sellerWithShop();
    expect((await s.client.post(admin(s), form({ code: "EID10" }))).status).toBe(303);
    // Another shop may have the same code.
    expect((await other.client.post(admin(other), form({ code: "eid10" }))).status).toBe(303);
    const before = await snapshot(VOLATILE);
    const again = await s.client.post(admin(s), form({ code: "Eid10", percent: "20" }));
    expect(again.status).toBe(400);
    expect(beside(again.text, "code", admin(s))).toEqual({
      invalid: true,
      message: "Another discount of your shop has this code (small and capital letters count as the same). Pick another.",
      value: "Eid10",
    });
    expect(beside(again.text, "percent", admin(s))!.value).toBe("20");
    expect(await snapshot(VOLATILE)).toEqual(before);
    // Editing another code of hers into it.
    expect((await s.client.post(admin(s), form({ code: "SALE5" }))).status).toBe(303);
    const sale = (await one<{ id: number }>("SELECT id FROM discounts WHERE shop_id = ? AND code = 'SALE5'", s.shopId))!;
    const edit = await s.client.post(admin(s, `/${sale.id}`), form({ code: "eiD10" }));
    expect(edit.status).toBe(400);
    expect(beside(edit.text, "code", admin(s, `/${sale.id}`))!.message).toContain("Another discount of your shop has this code");
    // Saving a code under its own code again is no conflict.
    expect((await s.client.post(admin(s, `/${sale.id}`), form({ code: "sale5", percent: "7" }))).status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT code, value FROM discounts WHERE id = ?", sale.id)).toEqual({ code: "SALE5", value: 7 });
    // Automatic discounts have no code: any number of them.
    for (const title of ["Eid sale", "Eid sale"]) expect((await s.client.post(admin(s), form({ mode: "automatic", code: "", title }))).status).toBe(303);
  });

  it("reads start and end in Karachi time across midnight, shows them back, and refuses an end before the start", async () => {
    const s = await sellerWithShop();
    // 00:30 on 1 December in Karachi is 19:30 UTC on 30 November; an end date alone lasts to the end of its day.
    const res = await s.client.post(admin(s), form({ code: "MIDNIGHT", startDate: "2026-12-01", startTime: "00:30", endDate: "2026-12-01", endTime: "" }));
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    const d = (await one<{ id: number; starts_at: number; ends_at: number }>("SELECT id, starts_at, ends_at FROM discounts WHERE shop_id = ?", s.shopId))!;
    expect(d.starts_at).toBe(Date.UTC(2026, 10, 30, 19, 30));
    expect(d.ends_at).toBe(Date.UTC(2026, 11, 1, 19, 0));
    const page = await s.client.get(admin(s, `/${d.id}`));
    const at = admin(s, `/${d.id}`);
    expect([beside(page.text, "startDate", at)!.value, beside(page.text, "startTime", at)!.value, beside(page.text, "endDate", at)!.value, beside(page.text, "endTime", at)!.value]).toEqual(["2026-12-01", "00:30", "2026-12-01", ""]);
    const list = await s.client.get(admin(s));
    expect(list.text).toContain(`${formatDate(d.starts_at, "en")} to ${formatDate(d.starts_at + 3600_000, "en", false)}`);
    // 23:59 on 1 December Karachi (18:59 UTC) keeps its time; the next day's 04:59 is still 1 December in UTC.
    const late = await s.client.post(admin(s, `/${d.id}`), form({ code: "MIDNIGHT", startDate: "2026-12-01", startTime: "23:59", endDate: "2026-12-02", endTime: "04:59" }));
    expect(late.status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT starts_at, ends_at FROM discounts WHERE id = ?", d.id)).toEqual({ starts_at: Date.UTC(2026, 11, 1, 18, 59), ends_at: Date.UTC(2026, 11, 1, 23, 59) });
    const before = await snapshot(VOLATILE);
    const backwards = await s.client.post(admin(s, `/${d.id}`), form({ code: "MIDNIGHT", startDate: "2026-12-02", startTime: "05:00", endDate: "2026-12-02", endTime: "04:59" }));
    expect(backwards.status).toBe(400);
    expect(beside(backwards.text, "endTime", at)).toEqual({ invalid: true, message: "The end must be after the start.", value: "04:59" });
    const sameDay = await s.client.post(admin(s, `/${d.id}`), form({ code: "MIDNIGHT", startDate: "2026-12-03", endDate: "2026-12-02" }));
    expect(beside(sameDay.text, "endDate", at)!.message).toBe("The end must be after the start.");
    expect(await snapshot(VOLATILE)).toEqual(before);
  });

  it("never lowers the total of uses below the uses counted", async () => {
    const s = await sellerWithShop();
    const id = await seedDiscount(s.shopId, { code: "FIVE", maxUses: 10, uses: 7 });
    const page = await s.client.get(admin(s, `/${id}`));
    expect(page.text).toContain("used 7 times so far");
    const before = await snapshot(VOLATILE);
    const low = await s.client.post(admin(s, `/${id}`), form({ code: "FIVE", maxUses: "6" }));
    expect(low.status).toBe(400);
    expect(beside(low.text, "maxUses", admin(s, `/${id}`))).toEqual({ invalid: true, message: "It has been used more times than this already. Type a bigger number, or leave it empty.", value: "6" });
    expect(await snapshot(VOLATILE)).toEqual(before);
    expect((await s.client.post(admin(s, `/${id}`), form({ code: "FIVE", maxUses: "7" }))).status).toBe(303);
    expect((await s.client.post(admin(s, `/${id}`), form({ code: "FIVE", maxUses: "" }))).status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT max_uses, uses FROM discounts WHERE id = ?", id)).toEqual({ max_uses: null, uses: 7 });
  });
});

describe("the picker", () => {
  it("searches without saving and keeps everything typed and ticked; saves the chosen products; caps how many", async () => {
    const { seller: s } = await shopWithCatalogue();
    const kurta = "Handmade embroidered chiffon kurta with dupatta for weddings";
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push((await seedProduct(s.shopId, { title: i === 3 ? kurta : `Lawn suit ${i + 1}` }))[0]!.productId);
    const before = await snapshot(VOLATILE);
    const search = await s.client.post(admin(s), form({ code: "KURTA", percent: "15", scope: "products", product: [String(ids[0])], q: "chiffon KURTA", intent: "search" }));
    expect(search.status).toBe(200);
    expect(await snapshot(VOLATILE)).toEqual(before);
    const html = decode(search.text);
    expect(html).toContain(kurta);
    expect(html).not.toContain("Lawn suit 2<");
    // The ticked one stays, ticked; the typed values stay.
    expect(search.text).toMatch(new RegExp(`name="product" value="${ids[0]}" checked`));
    expect(beside(search.text, "code", admin(s))!.value).toBe("KURTA");
    expect(beside(search.text, "percent", admin(s))!.value).toBe("15");
    const save = await s.client.post(admin(s), form({ code: "KURTA", scope: "products", product: [String(ids[0]), String(ids[3])] }));
    expect(save.status).toBe(303);
    const d = (await one<{ id: number; scope: string; targets: string }>("SELECT id, scope, targets FROM discounts WHERE shop_id = ?", s.shopId))!;
    expect([d.scope, JSON.parse(d.targets).sort()]).toEqual(["products", [ids[0], ids[3]].sort()]);
    const edit = await s.client.get(admin(s, `/${d.id}`));
    for (const id of [ids[0], ids[3]]) expect(edit.text).toMatch(new RegExp(`name="product" value="${id}" checked`));
    const list = await s.client.get(admin(s));
    expect(list.text).toContain("10% off on 2 products");
    // One past the cap is refused beside the picker.
    const tooMany = Array.from({ length: MAX_TARGETS + 1 }, (_, i) => String(i + 1));
    const snap = await snapshot(VOLATILE);
    const over = await s.client.post(admin(s), form({ code: "MANY", scope: "products", product: tooMany }));
    expect(over.status).toBe(400);
    expect(over.text).toContain(`Tick at most ${MAX_TARGETS}.`);
    expect(await snapshot(VOLATILE)).toEqual(snap);
  });
});

describe("the list", () => {
  it("shows uses of the total and the revenue of the orders that used a code, cancelled ones left out", async () => {
    const { seller: s, dupatta, zone, origin } = await shopWithCatalogue();
    const id = await seedDiscount(s.shopId, { code: "EID10", maxUses: 10 });
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await placeOrderAt(origin, zone.id, [[dupatta.id, i + 1]], { phone: `0321555${String(1000 + i)}` }));
    // Each took 10% off its lines.
    for (const o of orders) {
      const { subtotal } = (await inShop(s.shopId).one<{ subtotal: number }>("SELECT subtotal FROM orders WHERE id = ?", o.id))!;
      await takeDiscounts(s.shopId, o.id, [{ discountId: id, code: "EID10", title: "", kind: "percent", amount: subtotal / 10 }]);
    }
    // An order without it, and another code's order, count for nothing here.
    await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
    const cancelled = orders[4]!;
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/orders/${cancelled.id}/status`, { from: "new", to: "cancelled" })).status).toBe(303);
    const totals = await inShop(s.shopId).all<{ total: number }>("SELECT total FROM orders WHERE id IN (?, ?, ?, ?)", ...orders.slice(0, 4).map((o) => o.id));
    const revenue = totals.reduce((sum, r) => sum + r.total, 0);
    expect(revenue).toBe([1, 2, 3, 4].reduce((sum, q) => sum + (q * dupatta.price * 9) / 10, 0) + 4 * zone.fee);
    const list = await s.client.get(admin(s));
    expect(list.text).toContain("Used: 5 of 10");
    expect(list.text).toContain(`Sales: ${formatMoney(revenue, "PKR", "en")} (4 orders)`);
  });

  it("pages by keyset with the count, and turns a discount off and on with a button", async () => {
    const s = await sellerWithShop();
    for (let i = 0; i < 23; i++) await seedDiscount(s.shopId, { code: `CODE${String(i).padStart(2, "0")}` });
    const first = await s.client.get(admin(s));
    expect(first.text).toContain("23 discounts");
    const codes = (html: string) => [...html.matchAll(/>(CODE\d\d)<\/a>/g)].map((m) => m[1]);
    expect(codes(first.text)).toHaveLength(20);
    expect(codes(first.text)[0]).toBe("CODE22");
    const next = /href="([^"]+\?after=(\d+))" rel="next"/.exec(first.text)!;
    const second = await s.client.get(ROOT + next[1]);
    expect(codes(second.text)).toEqual(["CODE02", "CODE01", "CODE00"]);
    const id = (await one<{ id: number }>("SELECT id FROM discounts WHERE shop_id = ? AND code = 'CODE01'", s.shopId))!.id;
    expect(second.text).toContain(`action="/admin/${s.slug}/discounts/${id}/active?after=${next[2]}"`);
    const off = await s.client.post(admin(s, `/${id}/active?after=${next[2]}`), { active: "off" });
    expect(off.status).toBe(303);
    expect(off.location).toBe(`/admin/${s.slug}/discounts?after=${next[2]}#d${id}`);
    expect(await inShop(s.shopId).one("SELECT active FROM discounts WHERE id = ?", id)).toEqual({ active: 0 });
    const after = await s.client.get(ROOT + off.location!);
    expect(after.text).toMatch(new RegExp(`id="d${id}"[\\s\\S]*?>Off<[\\s\\S]*?name="active" value="on"`));
    expect((await s.client.post(admin(s, `/${id}/active`), { active: "on" })).status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT active FROM discounts WHERE id = ?", id)).toEqual({ active: 1 });
  });
});

describe("sharing a code", () => {
  it("gives the link /?code=CODE on the shop's address, with a WhatsApp text in the shop's language", async () => {
    expect(shareLink("https://ayesha.hatti.pk", "EID10")).toBe("https://ayesha.hatti.pk/?code=EID10");
    expect(shareLink("https://ayesha.hatti.pk/", "EID10")).toBe("https://ayesha.hatti.pk/?code=EID10");
    const s = await sellerWithShop();
    const id = await seedDiscount(s.shopId, { code: "EID10", value: 10 });
    const page = await s.client.get(admin(s, `/${id}`));
    const link = `${shopOrigin(s.slug)}/?code=EID10`;
    expect(page.text).toContain(`value="${link}"`);
    const wa = /href="https:\/\/wa\.me\/\?text=([^"]+)"/.exec(page.text)!;
    expect(decodeURIComponent(wa[1]!)).toBe(`Use code EID10 at Ayesha's Kitchen for 10% off:\n${link}`);
    // The shop in Urdu: its customers read Urdu.
    await (await shopD1(s.shopId)).prepare("UPDATE shops SET locale = 'ur' WHERE id = ?").bind(s.shopId).run();
    const ur = await s.client.get(admin(s, `/${id}`));
    const urText = decodeURIComponent(/href="https:\/\/wa\.me\/\?text=([^"]+)"/.exec(ur.text)![1]!);
    expect(urText).toContain("کوڈ EID10");
    expect(urText).toContain(link);
    // An automatic discount has nothing to share.
    const auto = await seedDiscount(s.shopId, { code: null, title: "Eid sale" });
    expect((await s.client.get(admin(s, `/${auto}`))).text).not.toContain("wa.me");
  });
});

describe("isolation", () => {
  it("404s another shop's discount on every route, refuses another shop's products and collections as targets", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const bDiscount = await seedDiscount(b.shopId, { code: "BSECRET" });
    const [bProduct] = await seedProduct(b.shopId, { title: `Secret ${b.slug}` });
    await b.client.post(`${ROOT}/admin/${b.slug}/collections`, { title: "B collection", description: "" });
    const bCollection = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ?", b.shopId))!.id;
    const before = await snapshot(VOLATILE);
    expect((await a.client.get(admin(a, `/${bDiscount}`))).status).toBe(404);
    expect((await a.client.post(admin(a, `/${bDiscount}`), form({ code: "HACKED" }))).status).toBe(404);
    expect((await a.client.post(admin(a, `/${bDiscount}/active`), { active: "off" })).status).toBe(404);
    expect((await a.client.get(`${ROOT}/admin/${b.slug}/discounts`)).status).toBe(404);
    expect((await a.client.get(admin(a))).text).not.toContain("BSECRET");
    // Her own discount naming B's product or collection: refused beside the picker, nothing saved.
    const p = await a.client.post(admin(a), form({ code: "MINE", scope: "products", product: [String(bProduct!.productId)] }));
    expect(p.status).toBe(400);
    expect(p.text).toContain("Something you ticked is not in your shop any more.");
    expect(decode(p.text)).not.toContain(`Secret ${b.slug}`);
    const c = await a.client.post(admin(a), form({ code: "MINE", scope: "collections", collection: [String(bCollection)] }));
    expect(c.status).toBe(400);
    expect(c.text).toContain("Something you ticked is not in your shop any more.");
    // Nor through an edit of her own.
    const mine = await seedDiscount(a.shopId, { code: "MINE" });
    const snap = await snapshot(VOLATILE);
    expect((await a.client.post(admin(a, `/${mine}`), form({ code: "MINE", scope: "products", product: [String(bProduct!.productId)] }))).status).toBe(400);
    expect(await snapshot(VOLATILE)).toEqual(snap);
    expect((await snapshot(VOLATILE)).discounts!.filter((r) => (r as { shop_id: number }).shop_id === b.shopId)).toEqual(before.discounts!.filter((r) => (r as { shop_id: number }).shop_id === b.shopId));
  });
});

describe("the cap on automatic discounts", () => {
  it(`runs at most ${AUTOMATIC_MAX} automatic discounts at once: the next is refused beside the field (save or on/off), codes and ones turned off are not counted`, async () => {
    const seller = await sellerWithShop();
    for (let i = 0; i < AUTOMATIC_MAX - 1; i++) await seedDiscount(seller.shopId, { code: null, title: `Sale ${i}`, kind: "percent", value: 5 });
    const off = await seedDiscount(seller.shopId, { code: null, title: "Off for now", kind: "percent", value: 5, active: false });
    await seedDiscount(seller.shopId, { code: "EID10" });
    const url = admin(seller);
    const auto = (over: Record<string, string> = {}) => form({ mode: "automatic", code: "", title: "Last one", ...over });
    // The cap itself: the 20th is saved.
    expect((await seller.client.post(url, auto())).status).toBe(303);
    const over = await seller.client.post(url, auto({ title: "One too many" }));
    expect(over.status).toBe(400);
    expect(over.text).toContain(`${AUTOMATIC_MAX} automatic discounts are on already`);
    expect(over.text).toContain('value="One too many"');
    // Saved off, it is kept; turning it (or the old one) on is refused with the reason.
    const { active: _, ...later } = auto({ title: "Later" }); // the box left unticked
    expect((await seller.client.post(url, later)).status).toBe(303);
    const on = await seller.client.post(`${url}/${off}/active`, { active: "on" });
    expect(on.status).toBe(409);
    expect(on.text).toContain(`${AUTOMATIC_MAX} automatic discounts are on already`);
    expect(await one<{ n: number }>("SELECT count(*) AS n FROM discounts WHERE shop_id = ? AND code IS NULL AND active", seller.shopId)).toEqual({ n: AUTOMATIC_MAX });
    // A code is not counted.
    expect((await seller.client.post(url, form({ code: "MORE5" }))).status).toBe(303);
  });
});
