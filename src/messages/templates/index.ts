/**
 * The template registry: every message Hatti sends, one line each. A template not listed here
 * cannot be sent; templates.test.ts fails when a file in this folder is not registered, or a
 * template lacks a locale's text or uses a parameter it does not declare.
 */
import { codConfirmRequest } from "./cod-confirm-request";
import type { TemplateDef } from "./define";
import { lowStock } from "./low-stock";
import { newOrder } from "./new-order";
import { orderCancelled } from "./order-cancelled";
import { orderCancelledByCustomer } from "./order-cancelled-by-customer";
import { orderConfirmed } from "./order-confirmed";
import { orderDelivered } from "./order-delivered";
import { orderPacked } from "./order-packed";
import { orderShipped } from "./order-shipped";
import { orderShippedTracking } from "./order-shipped-tracking";
import { paymentReceived } from "./payment-received";
import { paymentNotReceived } from "./payment-not-received";
import { paymentProofSent } from "./payment-proof-sent";
import { verificationCode } from "./verification-code";

const all = [
  newOrder,
  orderConfirmed,
  orderPacked,
  orderShipped,
  orderShippedTracking,
  orderDelivered,
  orderCancelled,
  orderCancelledByCustomer,
  lowStock,
  verificationCode,
  codConfirmRequest,
  paymentReceived,
  paymentProofSent,
  paymentNotReceived,
] as const;

type All = (typeof all)[number];
export type TemplateId = All["id"];
/** The parameter names of one template, for callers that build messages in code. */
export type ParamsOf<Id extends TemplateId> = Extract<All, { id: Id }>["params"][number];

export const TEMPLATES: Readonly<Record<TemplateId, TemplateDef<TemplateId>>> = Object.freeze(
  Object.fromEntries(all.map((t) => [t.id, t])) as Record<TemplateId, TemplateDef<TemplateId>>,
);

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === "string" && Object.hasOwn(TEMPLATES, value);
}

export function getTemplate(id: TemplateId): TemplateDef<TemplateId> {
  return TEMPLATES[id];
}

export type { TemplateDef, TemplateText, WhatsAppMapping, PushUrgency } from "./define";
