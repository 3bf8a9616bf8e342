/**
 * A method's image, Raast's QR code: the owner uploads it on the payments page (checked by its
 * bytes, stored like a photo under the shop's prefix), customers see it beside the Raast ID at
 * checkout and on the order page; a method without an image has no such route.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shops } from "../db/schema";
import { db, ROOT } from "../../test/helpers";
import { postMultipart } from "../../test/admin-helpers";
import { customerAtCheckout, placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { png } from "../../test/media-fixtures";
import { parsePayments } from ".";

const paymentsOf = async (shopId: number) => parsePayments((await db().select({ p: shops.payments }).from(shops).where(eq(shops.id, shopId)).get())!.p);
const upload = (file: Blob, method = "raast") => {
  const fd = new FormData();
  fd.append("method", method);
  fd.append("image", file, "raast-qr.png");
  return fd;
};

describe("Raast's QR code", () => {
  it("is uploaded by the owner, checked by its bytes, and shown to customers beside the Raast ID", async () => {
    const s = await shopWithCatalogue();
    const shopId = s.seller.shopId;
    const base = `${ROOT}/admin/${s.seller.slug}/settings/payments`;
    const on = { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha Bibi", jazzcashNumber: "0301 7654321", raastEnabled: "on", raastTitle: "Ayesha Bibi", raastNumber: "03017654321" };
    expect((await s.seller.client.post(base, on)).status).toBe(303);

    // Not an image by its bytes (a PDF named .png): refused beside the field, nothing stored.
    const pdf = await postMultipart(s.seller.client, `${base}/image`, upload(new Blob([new TextEncoder().encode("%PDF-1.7")], { type: "image/png" })));
    expect(pdf.status).toBe(400);
    expect(pdf.text).toContain("This file is not a photo.");
    expect((await paymentsOf(shopId)).raast.qr).toBe("");
    expect((await env.MEDIA.list({ prefix: `shops/${shopId}/` })).objects).toEqual([]);
    // A method without an image has no upload.
    expect((await postMultipart(s.seller.client, `${base}/image`, upload(new Blob([(await png(400, 400)) as Uint8Array<ArrayBuffer>]), "jazzcash"))).status).toBe(404);

    const ok = await postMultipart(s.seller.client, `${base}/image`, upload(new Blob([(await png(600, 600)) as Uint8Array<ArrayBuffer>], { type: "image/png" })));
    expect(ok.status).toBe(303);
    const packed = String((await paymentsOf(shopId)).raast.qr);
    expect(packed).toMatch(new RegExp(`^shops/${shopId}/[a-f0-9]{64}\\|`));
    // The typed settings were kept, and saving them again keeps the image.
    expect((await paymentsOf(shopId)).raast).toMatchObject({ enabled: true, number: "03017654321" });
    expect((await s.seller.client.post(base, on)).status).toBe(303);
    expect((await paymentsOf(shopId)).raast.qr).toBe(packed);
    expect((await s.seller.client.get(base)).text).toContain(`/admin/${s.seller.slug}/media/${packed.split("|")[0]}`);

    const key = packed.split("|")[0]!;
    const customer = await customerAtCheckout(s.origin, [[s.dupatta.id, 1]]);
    const checkout = await customer.client.get(`${s.origin}/checkout`, customer.headers);
    expect(checkout.text).toContain("Raast ID or IBAN");
    expect(checkout.text).toContain(`/media/${key}/`);
    expect(checkout.text).toContain('class="co-qr"');
    expect(checkout.text).toContain("Raast QR code: scan it in your bank");
    const o = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { payment: "raast" });
    const page = (await o.client.get(`${s.origin}${o.path}`)).text;
    expect(page).toContain("03017654321");
    expect(page).toContain(`/media/${key}/`);
    expect(page).toContain('name="screenshot"');

    expect((await s.seller.client.post(`${base}/image/delete`, { method: "raast" })).status).toBe(303);
    expect((await paymentsOf(shopId)).raast.qr).toBe("");
    expect((await customer.client.get(`${s.origin}/checkout`, customer.headers)).text).not.toContain(`/media/${key}/`);
  });
});
