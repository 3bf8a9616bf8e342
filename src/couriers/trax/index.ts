/**
 * Trax (Sonic API, the key in the `Authorization` header): shipment/book, shipment/track,
 * shipment/cancel, shipment/air_waybill (PDF), cities, shipment/track/order_id (the look-up of a
 * booking by our order_id). Answers are { status: 0, ... } when done
 * and { status: 1, message, errors? } when not (401 for a refused key); cities are booked by id.
 */
import { callProvider } from "../../messages/http";
import { NO_BASE, cityNames, cityOf, fail, fetchPdf, noneWhenNotFound, parseCities, ok, retry, rupees, trackingPage, transportFailure, type Courier, type CourierContext, type Result, type TrackState } from "../courier";

type Answer = Record<string, unknown> & { status?: unknown; message?: unknown; errors?: unknown };

async function call(ctx: CourierContext, path: string, init: RequestInit = {}): Promise<Result<Answer>> {
  if (!ctx.base) return fail("not_configured", NO_BASE);
  const key = ctx.credentials.apiKey;
  if (!key) return fail("not_configured", "no Trax API key saved");
  const headers = { authorization: key, "content-type": "application/json", accept: "application/json" };
  const res = await callProvider(`${ctx.base}${path}`, { ...init, headers }, { timeoutMs: ctx.timeoutMs, fetch: ctx.fetch });
  const failed = transportFailure(ctx, res);
  if (failed) return failed;
  if (!res.ok) return fail("invalid_request", "no answer", ctx);
  const answer = (res.response.json ?? {}) as Answer;
  if (res.response.status === 401 || res.response.status === 403) return fail("bad_credentials", String(answer.message ?? res.response.status), ctx);
  if (res.response.status < 300 && Number(answer.status) === 0) return ok(answer);
  const message = `${typeof answer.message === "string" ? answer.message : res.response.text} ${answer.errors ? JSON.stringify(answer.errors) : ""}`;
  if (/city/i.test(message)) return fail("bad_city", message, ctx);
  if (/already|duplicate/i.test(message)) return fail("duplicate_reference", message, ctx);
  if (res.response.status === 404 || /not found/i.test(message)) return fail("not_found", message, ctx);
  return fail("invalid_request", message, ctx);
}

async function cityList(ctx: CourierContext) {
  const r = await call(ctx, "/cities");
  return r.status === "ok" ? ok(parseCities(r.value.cities)) : r;
}

/** Trax's status words ("Shipment - Delivered", "Return - Delivered to Shipper"), as Hatti's states. */
function stateOf(status: string): TrackState {
  const s = status.toLowerCase();
  if (s.includes("return") && /deliver|shipper/.test(s)) return "returned";
  if (s.includes("delivered")) return "delivered";
  if (s.includes("cancel")) return "cancelled";
  if (s.includes("booked")) return "booked";
  return "in_transit";
}

export const trax: Courier = {
  id: "trax",
  credentialFields: ["apiKey", "pickupAddressId"],
  baseEnv: "TRAX_API_BASE",
  liveBase: "https://sonic.pk/api",
  // Trax tracks one shipment a call.
  trackBatch: 1,

  async cities(ctx) {
    return cityNames(await cityList(ctx));
  },

  async book(ctx, s) {
    const found = cityOf(await cityList(ctx), s.city, "Trax", ctx);
    if (found.status !== "ok") return found;
    const city = found.value;
    const body = {
      service_type_id: 1,
      pickup_address_id: Number(ctx.credentials.pickupAddressId) || undefined,
      information_display: 1,
      consignee_city_id: city.id,
      consignee_name: s.customerName,
      consignee_address: s.address,
      consignee_phone_number_1: s.phone,
      order_id: s.ref,
      item_product_type_id: 1,
      item_description: s.description,
      item_quantity: s.pieces,
      item_insurance: 0,
      pieces_quantity: s.pieces,
      estimated_weight: s.weightGrams / 1000,
      shipping_mode_id: 1,
      amount: rupees(s.codPaisa),
      payment_mode_id: s.codPaisa > 0 ? 1 : 4,
    };
    const r = await call(ctx, "/shipment/book", { method: "POST", body: JSON.stringify(body) });
    if (r.status !== "ok") return r;
    const tn = r.value.tracking_number;
    return typeof tn === "string" || typeof tn === "number" ? ok({ trackingNumber: String(tn) }) : retry("provider_unavailable", "Trax answered without a tracking number", ctx);
  },

  async label(ctx, booked) {
    if (!ctx.credentials.apiKey) return fail("not_configured", "no Trax API key saved");
    return fetchPdf(ctx, `${ctx.base}/shipment/air_waybill?tracking_number=${encodeURIComponent(booked.trackingNumber)}&type=0`, { authorization: ctx.credentials.apiKey });
  },

  async track(ctx, numbers) {
    const out = [];
    // One a call (trackBatch 1): the cron hands it at most that many.
    for (const tn of numbers.slice(0, this.trackBatch)) {
      const r = await call(ctx, `/shipment/track?tracking_number=${encodeURIComponent(tn)}&type=0`);
      if (r.status !== "ok") return r;
      const history = (r.value.details as { tracking_history?: { status?: unknown }[] } | undefined)?.tracking_history;
      const status = Array.isArray(history) ? history[0]?.status : undefined;
      if (typeof status === "string") out.push({ trackingNumber: tn, state: stateOf(status), providerStatus: status });
    }
    return ok(out);
  },

  async lookup(ctx, ref) {
    const r = noneWhenNotFound(await call(ctx, `/shipment/track/order_id?order_id=${encodeURIComponent(ref)}&type=0`));
    if (r.status !== "ok") return r;
    const tn = (r.value?.details as { tracking_number?: unknown } | undefined)?.tracking_number;
    return ok(typeof tn === "string" || typeof tn === "number" ? { trackingNumber: String(tn) } : null);
  },

  trackingUrl: trackingPage("https://sonic.pk/tracking?tracking_number="),

  async cancel(ctx, booked) {
    const r = await call(ctx, "/shipment/cancel", { method: "POST", body: JSON.stringify({ tracking_number: booked.trackingNumber }) });
    return r.status === "ok" ? ok(null) : r;
  },
};
