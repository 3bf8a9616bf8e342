/** The push subscription a phone's script posts, and the caps on it (declared here, read by the domain). */
import { z } from "zod";

/** Phones a member may get order alerts on, per shop: bounds an order's fan-out (src/checkout/order-writes.ts). */
export const PUSH_DEVICES_PER_MEMBER = 10;
/** Push services' endpoints are about 200 characters (FCM, Mozilla, Apple); room to spare. */
export const PUSH_ENDPOINT_MAX = 1000;

const b64url = (length: number) =>
  z
    .string()
    .max(length, "push.invalid")
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "push.invalid");

/**
 * PushSubscription.toJSON()'s fields, posted as a form (the CSRF rule: every unsafe request is a
 * form). The key lengths are checked exactly by webpush.ts's subscriptionKeys when a push is sent;
 * here the shapes: 65 bytes of P-256 point are 87 base64url characters, 16 bytes of auth are 22.
 */
export const subscribeSchema = z.object({
  endpoint: z.string().trim().min(1, "push.invalid").max(PUSH_ENDPOINT_MAX, "push.invalid"),
  p256dh: b64url(88),
  auth: b64url(24),
});

export const unsubscribeSchema = subscribeSchema.pick({ endpoint: true });

export type SubscribeInput = z.infer<typeof subscribeSchema>;
