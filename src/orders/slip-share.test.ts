/**
 * Issue 15, section 6: the packing slip could only be printed. Now her copy also offers "Copy
 * link" to the printable public copy, and both copies "Share as image": the slip's rows (shop,
 * order, items, total, address, courier and tracking) in the slip's language, drawn by the
 * browser (test/e2e checks the PNG). Nothing typed becomes markup.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Client, ROOT } from "../../test/helpers";
import { decode } from "../../test/admin-helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { invalidateShop } from "../tenancy/shop-cache";
import type { SlipImageRow } from "../client/slip-rows";

const rowsOf = (html: string): SlipImageRow[] => JSON.parse(decode(/data-slip-image="([^"]+)"/.exec(html)![1]!));
const texts = (rows: SlipImageRow[]) => rows.flatMap((r) => [r.t, r.e]).filter(Boolean);

describe("packing slip: link and image", () => {
  it("her copy: copy the public link, and share the slip as an image with courier, tracking, items and total", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const o = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 2]], { address: "House 7, Street 2\n<b>Johar Town</b>" });
    const base = `${ROOT}/admin/${seller.slug}/orders/${o.id}`;
    for (const [from, to] of [["new", "confirmed"], ["confirmed", "packed"]] as const) await seller.client.post(`${base}/status`, { from, to });
    await seller.client.post(`${base}/status`, { from: "packed", to: "shipped", courier: "TCS", tracking: "TCS-778899" });
    const publicUrl = `${origin}/orders/${o.token}/slip`;

    const mine = await seller.client.get(`${base}/slip`);
    expect(mine.text).toContain(`<label class="sr-only" for="slip-link">Link</label><div class="copy"><input id="slip-link" type="url" readonly value="${publicUrl}" dir="ltr" inputmode="url" autocomplete="off"/>`);
    expect(mine.text).toContain('data-copy="slip-link" data-copied="Copied" hidden>Copy link</button>');
    expect(mine.text).toContain(`data-file="order-${o.number}.png" hidden>Share as image</button>`);
    // Three islands, each allowed by its hash: print/share, copy, image.
    expect(mine.headers.get("content-security-policy")!.match(/'sha256-/g)).toHaveLength(3);
    const rows = rowsOf(mine.text);
    const all = texts(rows);
    expect(rows[0]).toEqual({ t: "Ayesha's Kitchen", b: 1, s: 1.4 });
    expect(all).toContain(`Invoice #${o.number}`);
    expect(all).toContain("Courier: TCS · Tracking: TCS-778899");
    expect(all).toContain("Lawn Kurta (S) × 2");
    expect(all).toContain("Rs\u00a05,000");
    expect(all).toContain("Sana Khan");
    // Phone numbers and the time are left-to-right islands (Urdu's canvas would draw "+92..." as "...92+").
    expect(all).toContain("\u2066+923215551234\u2069");
    expect(all.some((x) => /^\S.*\u2066\d{1,2}:\d{2}\s?[AP]M\u2069$/i.test(x!))).toBe(true);
    expect(all).toContain("House 7, Street 2");
    expect(all).toContain("<b>Johar Town</b>"); // text for the canvas, never markup
    expect(mine.text).not.toContain("<b>Johar Town</b>");
    expect(rows.find((r) => r.t === "Total")).toMatchObject({ b: 1 });

    // The rider's public copy: the image too, in the shop's language, but no admin link to copy.
    const rider = new Client();
    const pub = await rider.get(publicUrl);
    expect(pub.text).toContain("Share as image");
    expect(pub.text).not.toContain('id="slip-link"');
    expect(pub.headers.get("content-security-policy")!.match(/'sha256-/g)).toHaveLength(2);
    await env.DB.prepare("UPDATE shops SET locale = 'ur' WHERE id = ?").bind(seller.shopId).run();
    invalidateShop(seller.slug);
    const ur = await rider.get(publicUrl);
    expect(ur.text).toContain("تصویر کے طور پر بھیجیں");
    expect(texts(rowsOf(ur.text))).toContain("کل رقم");
  });
});
