/**
 * Leopards Courier (merchant API, api_key and api_password in every body): bookPacket,
 * trackBookedPacket, cancelBookedPackets, getAllCities, getShipmentDetailsByOrderID (the look-up of
 * a booking by our booked_packet_order_id). Every answer is HTTP 200 with
 * { status: 1, error: 0, ... } or { status: 0, error: "text" }; cities are booked by their id, so
 * a booking reads the city list first (two calls, both in the queue consumer).
 */
import { callProvider } from "../../messages/http";
import { NO_BASE, cityNames, cityOf, fail, fetchPdf, noneWhenNotFound, parseCities, ok, retry, rupees, trackingPage, transportFailure, type Courier, type CourierContext, type Result, type TrackState } from "../courier";

type Answer = Record<string, unknown> & { status?: unknown; error?: unknown };

async function call(ctx: CourierContext, path: string, fields: Record<string, unknown>): Promise<Result<Answer>> {
  if (!ctx.base) return fail("not_configured", NO_BASE);
  const { apiKey, apiPassword } = ctx.credentials;
  if (!apiKey || !apiPassword) return fail("not_configured", "no Leopards API key and password saved");
  const body = JSON.stringify({ api_key: apiKey, api_password: apiPassword, ...fields });
  const res = await callProvider(`${ctx.base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body }, { timeoutMs: ctx.timeoutMs, fetch: ctx.fetch });
  const failed = transportFailure(ctx, res);
  if (failed) return failed;
  if (!res.ok) return fail("invalid_request", "no answer", ctx);
  const answer = (res.response.json ?? {}) as Answer;
  if (Number(answer.status) === 1) return ok(answer);
  const error = typeof answer.error === "string" ? answer.error : res.response.text || `HTTP ${res.response.status}`;
  if (/api key|password|unauthori[sz]ed|invalid credential/i.test(error)) return fail("bad_credentials", error, ctx);
  if (/city/i.test(error)) return fail("bad_city", error, ctx);
  if (/already|duplicate/i.test(error)) return fail("duplicate_reference", error, ctx);
  if (/not found|no record|invalid (cn|track)/i.test(error)) return fail("not_found", error, ctx);
  return fail("invalid_request", error, ctx);
}

async function cityList(ctx: CourierContext) {
  const r = await call(ctx, "/getAllCities/format/json/", {});
  return r.status === "ok" ? ok(parseCities(r.value.city_list)) : r;
}

/** Leopards' booked_packet_status words, as Hatti's states. */
function stateOf(status: string): TrackState {
  const s = status.toLowerCase();
  if (s === "delivered") return "delivered";
  if (s.startsWith("returned")) return "returned";
  if (s === "cancelled") return "cancelled";
  if (s === "consignment booked" || s === "pickup request not send" || s === "pickup request sent") return "booked";
  return "in_transit";
}

export const leopards: Courier = {
  id: "leopards",
  credentialFields: ["apiKey", "apiPassword"],
  baseEnv: "LEOPARDS_API_BASE",
  liveBase: "https://merchantapi.leopardscourier.com/api",
  trackBatch: 50,

  async cities(ctx) {
    return cityNames(await cityList(ctx));
  },

  async book(ctx, s) {
    const found = cityOf(await cityList(ctx), s.city, "Leopards", ctx);
    if (found.status !== "ok") return found;
    const city = found.value;
    const r = await call(ctx, "/bookPacket/format/json/", {
      booked_packet_weight: s.weightGrams,
      booked_packet_no_piece: s.pieces,
      booked_packet_collect_amount: rupees(s.codPaisa),
      booked_packet_order_id: s.ref,
      origin_city: "self",
      destination_city: city.id,
      shipment_id: "self",
      consignment_name_eng: s.customerName,
      consignment_phone: s.phone,
      consignment_address: s.address,
      special_instructions: s.description,
    });
    if (r.status !== "ok") return r;
    const tn = r.value.track_number;
    if (typeof tn !== "string" || !tn) return retry("provider_unavailable", "Leopards answered without a track number", ctx);
    const slip = r.value.slip_link;
    return ok(typeof slip === "string" && /^https?:\/\//.test(slip) ? { trackingNumber: tn, labelUrl: slip } : { trackingNumber: tn });
  },

  async label(ctx, booked) {
    return booked.labelUrl ? fetchPdf(ctx, booked.labelUrl, {}) : ok(null);
  },

  async track(ctx, numbers) {
    if (numbers.length === 0) return ok([]);
    const r = await call(ctx, "/trackBookedPacket/format/json/", { track_numbers: numbers.join(",") });
    if (r.status !== "ok") return r;
    const list = Array.isArray(r.value.packet_list) ? (r.value.packet_list as { track_number?: unknown; booked_packet_status?: unknown }[]) : [];
    return ok(
      list.flatMap((p) =>
        typeof p.track_number === "string" && typeof p.booked_packet_status === "string"
          ? [{ trackingNumber: p.track_number, state: stateOf(p.booked_packet_status), providerStatus: p.booked_packet_status }]
          : [],
      ),
    );
  },

  async lookup(ctx, ref) {
    const r = noneWhenNotFound(await call(ctx, "/getShipmentDetailsByOrderID/format/json/", { shipment_order_id: [ref] }));
    if (r.status !== "ok") return r;
    const list = Array.isArray(r.value?.data) ? (r.value.data as { booked_packet_order_id?: unknown; track_number?: unknown; slip_link?: unknown }[]) : [];
    const found = list.find((p) => String(p.booked_packet_order_id ?? ref) === ref && typeof p.track_number === "string" && p.track_number);
    if (!found) return ok(null);
    const slip = found.slip_link;
    return ok(typeof slip === "string" && /^https?:\/\//.test(slip) ? { trackingNumber: found.track_number as string, labelUrl: slip } : { trackingNumber: found.track_number as string });
  },

  trackingUrl: trackingPage("https://www.leopardscourier.com/tracking?cn="),

  async cancel(ctx, booked) {
    const r = await call(ctx, "/cancelBookedPackets/format/json/", { cn_numbers: booked.trackingNumber });
    return r.status === "ok" ? ok(null) : r;
  },
};
