/**
 * PostEx (merchant API, `token` header): create-order (v3), track-bulk-order, cancel-order,
 * get-operational-city, get-invoice (the airway bill as PDF), get-all-order (PostEx's "list all
 * orders" within dates: the look-up of a booking by our orderRefNumber). Every answer is
 * { statusCode: "200" | "4xx", statusMessage, dist }; its errors are told apart by statusCode and
 * statusMessage (scripts/sandboxes/postex.mjs answers them the same way).
 */
import { callProvider } from "../../messages/http";
import { NO_BASE, fail, fetchPdf, noneWhenNotFound, ok, retry, rupees, trackingPage, transportFailure, type Courier, type CourierContext, type Result, type TrackState } from "../courier";

interface Answer {
  statusCode?: string;
  statusMessage?: string;
  dist?: unknown;
}

async function call(ctx: CourierContext, path: string, init: RequestInit = {}): Promise<Result<Answer>> {
  if (!ctx.base) return fail("not_configured", NO_BASE);
  const token = ctx.credentials.token;
  if (!token) return fail("not_configured", "no PostEx token saved");
  const headers = { token, "content-type": "application/json", accept: "application/json" };
  const res = await callProvider(`${ctx.base}${path}`, { ...init, headers }, { timeoutMs: ctx.timeoutMs, fetch: ctx.fetch });
  const failed = transportFailure(ctx, res);
  if (failed) return failed;
  if (!res.ok) return fail("invalid_request", "no answer", ctx);
  const body = (res.response.json ?? {}) as Answer;
  const message = String(body.statusMessage ?? res.response.text);
  const code = String(body.statusCode ?? res.response.status);
  if (res.response.status === 401 || code === "401" || /token|unauthori[sz]ed/i.test(message) && code !== "200") return fail("bad_credentials", message, ctx);
  if (code === "200" && res.response.status < 300) return ok(body);
  if (/city/i.test(message)) return fail("bad_city", message, ctx);
  if (/already exist|duplicate/i.test(message)) return fail("duplicate_reference", message, ctx);
  if (res.response.status === 404 || /not found|invalid tracking/i.test(message)) return fail("not_found", message, ctx);
  return fail("invalid_request", `${code} ${message}`, ctx);
}

/** PostEx's transactionStatus words, as Hatti's states; anything else is on its way. */
function stateOf(status: string): TrackState {
  const s = status.toLowerCase();
  if (s === "delivered") return "delivered";
  if (s === "returned" || s === "return delivered") return "returned";
  if (s === "cancelled" || s === "expired") return "cancelled";
  if (s === "unbooked" || s === "booked") return "booked";
  return "in_transit";
}

export const postex: Courier = {
  id: "postex",
  credentialFields: ["token", "pickupAddressCode"],
  baseEnv: "POSTEX_API_BASE",
  liveBase: "https://api.postex.pk/services/integration/api/order",
  // The bulk tracking call takes a comma-separated list; PostEx asks for small batches.
  trackBatch: 50,

  async cities(ctx) {
    const r = await call(ctx, "/v2/get-operational-city?operationalCityType=Delivery");
    if (r.status !== "ok") return r;
    const list = Array.isArray(r.value.dist) ? (r.value.dist as { operationalCityName?: unknown }[]) : [];
    return ok(list.flatMap((c) => (typeof c.operationalCityName === "string" ? [c.operationalCityName] : [])));
  },

  async book(ctx, s) {
    const body = {
      orderRefNumber: s.ref,
      invoicePayment: rupees(s.codPaisa),
      orderDetail: s.description,
      customerName: s.customerName,
      customerPhone: s.phone,
      deliveryAddress: s.address,
      cityName: s.city,
      invoiceDivision: 1,
      items: s.pieces,
      orderType: "Normal",
      bookingWeight: s.weightGrams / 1000,
      ...(ctx.credentials.pickupAddressCode ? { pickupAddressCode: ctx.credentials.pickupAddressCode } : {}),
    };
    const r = await call(ctx, "/v3/create-order", { method: "POST", body: JSON.stringify(body) });
    if (r.status !== "ok") return r;
    const tn = (r.value.dist as { trackingNumber?: unknown } | undefined)?.trackingNumber;
    return typeof tn === "string" && tn ? ok({ trackingNumber: tn }) : retry("provider_unavailable", "PostEx answered without a tracking number", ctx);
  },

  async label(ctx, booked) {
    if (!ctx.credentials.token) return fail("not_configured", "no PostEx token saved");
    return fetchPdf(ctx, `${ctx.base}/v1/get-invoice?trackingNumbers=${encodeURIComponent(booked.trackingNumber)}`, { token: ctx.credentials.token });
  },

  async track(ctx, numbers) {
    if (numbers.length === 0) return ok([]);
    const r = await call(ctx, `/v1/track-bulk-order?TrackingNumbers=${encodeURIComponent(numbers.join(","))}`);
    if (r.status !== "ok") return r;
    const list = Array.isArray(r.value.dist) ? (r.value.dist as { trackingNumber?: unknown; trackingResponse?: { transactionStatus?: unknown } }[]) : [];
    return ok(
      list.flatMap((t) => {
        const status = t.trackingResponse?.transactionStatus;
        return typeof t.trackingNumber === "string" && typeof status === "string" ? [{ trackingNumber: t.trackingNumber, state: stateOf(status), providerStatus: status }] : [];
      }),
    );
  },

  async lookup(ctx, ref, since) {
    // Its list of orders by date (UTC days, a day either side: PostEx keeps Pakistan's dates).
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const now = Date.now();
    const from = day(Math.max(since - 86_400_000, now - 30 * 86_400_000));
    const r = noneWhenNotFound(await call(ctx, `/v1/get-all-order?orderStatusID=0&fromDate=${from}&toDate=${day(now + 86_400_000)}`));
    if (r.status !== "ok") return r;
    const list = Array.isArray(r.value?.dist) ? (r.value.dist as { orderRefNumber?: unknown; trackingNumber?: unknown }[]) : [];
    const found = list.find((o) => o.orderRefNumber === ref && typeof o.trackingNumber === "string" && o.trackingNumber);
    return ok(found ? { trackingNumber: found.trackingNumber as string } : null);
  },

  trackingUrl: trackingPage("https://postex.pk/tracking?cn="),

  async cancel(ctx, booked) {
    const r = await call(ctx, "/v1/cancel-order", { method: "PUT", body: JSON.stringify({ trackingNumber: booked.trackingNumber }) });
    return r.status === "ok" ? ok(null) : r;
  },
};
