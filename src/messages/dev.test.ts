// The dev transport keeps the rendered message (what the recipient would read) for the dev
// outbox, newest first and capped, and refuses what a live transport would refuse.
import { describe, expect, it } from "vitest";
import { DevOutbox } from "./dev";
import { PRODUCT_UR, SHOP_UR, newOrderParams } from "./test-helpers";

describe("DevOutbox", () => {
  it("keeps each message rendered in its language, newest first, and answers sent", async () => {
    const now = Date.UTC(2026, 10, 30, 9, 15);
    const outbox = new DevOutbox(10, () => now);
    const first = await outbox.send({ channel: "whatsapp", to: "+923001234567", template: "new_order", params: newOrderParams("ur"), locale: "ur", id: "row-1" });
    const second = await outbox.send({
      channel: "push",
      to: { endpoint: "https://fcm.googleapis.com/fcm/send/abc", keys: { p256dh: "x", auth: "y" } },
      template: "low_stock",
      params: { shopName: SHOP_UR, product: PRODUCT_UR, stock: "1", link: "https://hatti.pk/admin/products/9" },
      locale: "ur",
    });
    expect(first).toEqual({ status: "sent", providerId: "dev-1" });
    expect(second).toEqual({ status: "sent", providerId: "dev-2" });
    const [newest, oldest] = outbox.entries();
    expect(newest).toMatchObject({ id: "dev-2", channel: "push", to: "https://fcm.googleapis.com/fcm/send/abc", template: "low_stock", messageId: null });
    expect(newest!.body).toContain(PRODUCT_UR);
    expect(oldest).toEqual({
      id: "dev-1",
      messageId: "row-1",
      at: "2026-11-30T09:15:00.000Z",
      channel: "whatsapp",
      to: "+923001234567",
      template: "new_order",
      locale: "ur",
      title: `نیا آرڈر #1042، دکان ${SHOP_UR}`,
      body: `نیا آرڈر #1042 دکان ${SHOP_UR} پر آیا ہے: رقم Rs 12,450، ترسیل لاہور میں۔ تصدیق کے لیے https://hatti.pk/admin/orders/1042 کھولیں۔`,
    });
  });

  it("keeps at most its limit", async () => {
    const outbox = new DevOutbox(3);
    for (let i = 1; i <= 5; i++) {
      await outbox.send({ channel: "sms", to: "+923001234567", template: "verification_code", params: { code: String(100000 + i) }, locale: "en" });
    }
    expect(outbox.entries().map((e) => e.id)).toEqual(["dev-5", "dev-4", "dev-3"]);
  });

  it("refuses a message with a missing parameter and keeps nothing", async () => {
    const outbox = new DevOutbox();
    const outcome = await outbox.send({ channel: "email", to: "a@example.pk", template: "verification_code", params: {}, locale: "en" });
    expect(outcome).toMatchObject({ status: "permanent", reason: "invalid_request" });
    expect(outbox.entries()).toEqual([]);
  });
});
