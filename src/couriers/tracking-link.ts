/**
 * An order's "Track your parcel" link: the courier's public tracking page for the tracking number
 * (each courier declares its own, src/couriers/<id>: trackingUrl; her own rider has none). The
 * order keeps the courier by its name for people ("PostEx", as a booking writes it, or as the
 * seller typed it when she marked the order shipped by hand), so the link is found by that name.
 */
import { messages } from "../i18n";
import { COURIERS, courierById } from "./index";

/** The courier's public page for a tracking number, or "" (no page: her own rider; no number). */
export function trackingUrlOf(courier: string, trackingNumber: string): string {
  const page = courierById(courier)?.trackingUrl;
  return page && trackingNumber ? page(trackingNumber) : "";
}

/** The order's tracking link from the courier's name it keeps, or "" when it has none. */
export function trackingUrlForOrder(order: { courier: string; trackingNumber: string }): string {
  const name = order.courier.trim().toLowerCase();
  if (!name) return "";
  const en = messages("en");
  const courier = COURIERS.find((c) => c.id === name || en.t(`couriers.name.${c.id}` as "couriers.name.postex").toLowerCase() === name);
  return courier ? trackingUrlOf(courier.id, order.trackingNumber.trim()) : "";
}
