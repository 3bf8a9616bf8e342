// Leopards Courier merchant API sandbox (api_key and api_password in the JSON body; every answer
// HTTP 200 with { status: 1, error: 0, ... } or { status: 0, error: "text" }, as Leopards answers):
//   POST /api/bookPacket/format/json/          -> { status: 1, error: 0, track_number, slip_link }
//   POST /api/trackBookedPacket/format/json/   { track_numbers: "a,b" } -> { status: 1, packet_list: [{ track_number, booked_packet_status }] }
//   POST /api/cancelBookedPackets/format/json/ { cn_numbers }
//   POST /api/getAllCities/format/json/        -> { status: 1, city_list: [{ id, name, allow_as_origin, allow_as_destination }] }
//   GET  /api/slip/{track_number}.pdf          the slip_link (the label PDF)
//   POST /api/getShipmentDetailsByOrderID/format/json/ { shipment_order_id: [ref] }
//        -> { status: 1, data: [{ booked_packet_order_id, track_number, booked_packet_status }] } (the look-up by our reference)
// A new packet reports "Consignment Booked" until a test sets it (/__sandbox/status).
import { CITIES, createBook, isBadCredential, labelPdf } from "./courier-book.mjs";
import { createSandbox, parseJson } from "./lib.mjs";

const book = createBook("LE");
const refused = (error) => ({ status: 200, json: { status: 0, error } });
const done = (fields) => ({ status: 200, json: { status: 1, error: 0, ...fields } });

export const leopards = {
  name: "leopards",
  recipient(req) {
    const b = parseJson(req.body);
    const ids = b?.shipment_order_id;
    return b?.booked_packet_order_id ?? b?.track_numbers ?? b?.cn_numbers ?? (Array.isArray(ids) ? ids.join(",") : ids) ?? null;
  },
  failure(status) {
    return { status, text: status >= 500 ? "<html><body>Service Unavailable</body></html>" : "Bad Request" };
  },
  admin: (req, url) => book.admin(req, url),
  handle(req) {
    const slip = req.path.match(/^\/api\/slip\/(\w+)\.pdf$/);
    if (slip && req.method === "GET") return { status: 200, headers: { "content-type": "application/pdf" }, text: labelPdf(slip[1]) };
    const m = req.path.match(/^\/api\/(\w+)\/format\/json\/?$/);
    if (!m) return { status: 404, text: "Not Found" };
    const b = parseJson(req.body) ?? {};
    if (isBadCredential(b.api_key) || isBadCredential(b.api_password)) return refused("Invalid API Key or Password");
    const owner = b.api_key;
    switch (m[1]) {
      case "getAllCities":
        return done({ city_list: CITIES.map((name, i) => ({ id: i + 1, name, shipment_type: ["overnight", "detain"], allow_as_origin: true, allow_as_destination: true })) });
      case "bookPacket": {
        const missing = ["booked_packet_weight", "booked_packet_no_piece", "booked_packet_collect_amount", "origin_city", "destination_city", "consignment_name_eng", "consignment_phone", "consignment_address"].find(
          (k) => b[k] === undefined || b[k] === "",
        );
        if (missing) return refused(`${missing} is required`);
        if (!Number.isInteger(b.destination_city) || b.destination_city < 1 || b.destination_city > CITIES.length) return refused("Invalid destination city");
        const tn = book.book(owner, String(b.booked_packet_order_id ?? `${Date.now()}-${Math.random()}`), b, "Consignment Booked");
        if (!tn) return refused("Order ID already exists");
        if (b.booked_packet_order_id !== undefined && book.loses(String(b.booked_packet_order_id))) return { hang: true };
        return done({ track_number: tn, slip_link: `${req.origin}/api/slip/${tn}.pdf` });
      }
      case "trackBookedPacket": {
        const list = String(b.track_numbers ?? "").split(",").filter(Boolean);
        if (list.length === 0 || list.length > 50) return refused("track_numbers: 1 to 50 numbers, comma-separated");
        return done({
          packet_list: list.flatMap((tn) => {
            const s = book.get(owner, tn);
            return s ? [{ track_number: tn, booked_packet_status: s.status, booked_packet_order_id: s.ref, destination_city_name: CITIES[s.shipment.destination_city - 1] }] : [];
          }),
        });
      }
      case "getShipmentDetailsByOrderID": {
        const ids = Array.isArray(b.shipment_order_id) ? b.shipment_order_id.map(String) : [];
        if (ids.length === 0) return refused("shipment_order_id is required");
        const found = ids.flatMap((ref) => {
          const s = book.byRef(owner, ref);
          return s ? [{ booked_packet_order_id: ref, track_number: s.tracking, booked_packet_status: s.status, booking_date: s.at.toISOString().slice(0, 10) }] : [];
        });
        return found.length ? done({ data: found }) : refused("No record found");
      }
      case "cancelBookedPackets": {
        const s = book.get(owner, String(b.cn_numbers ?? ""));
        if (!s) return refused("Invalid CN number");
        s.status = "Cancelled";
        return done({});
      }
      default:
        return { status: 404, text: "Not Found" };
    }
  },
};

export const createLeopardsSandbox = () => createSandbox(leopards);

