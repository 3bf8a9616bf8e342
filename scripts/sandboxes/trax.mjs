// Trax (Sonic) API sandbox: the key in the Authorization header; { status: 0, ... } when done,
// { status: 1, message, errors } when refused (HTTP 422), 401 for a refused key:
//   POST /api/shipment/book      -> { status: 0, message, tracking_number }
//   GET  /api/shipment/track?tracking_number=T&type=0 -> { status: 0, details: { tracking_number, tracking_history: [{ status, date_time }] } }
//   POST /api/shipment/cancel    { tracking_number }
//   GET  /api/shipment/air_waybill?tracking_number=T&type=0 -> application/pdf
//   GET  /api/cities             -> { status: 0, cities: [{ id, name }] }
//   GET  /api/shipment/track/order_id?order_id=REF&type=0 -> as track, by our order reference (the look-up)
// A new shipment reports "Shipment - Booked" until a test sets it (/__sandbox/status).
import { CITIES, createBook, isBadCredential, labelPdf } from "./courier-book.mjs";
import { createSandbox, parseJson } from "./lib.mjs";

const book = createBook("TX");
const refused = (message, errors) => ({ status: 422, json: { status: 1, message, ...(errors ? { errors } : {}) } });

export const trax = {
  name: "trax",
  recipient(req) {
    const b = parseJson(req.body);
    return b?.order_id ?? b?.tracking_number ?? req.query.tracking_number ?? req.query.order_id ?? null;
  },
  failure(status) {
    return { status, json: { status: 1, message: status >= 500 ? "Server Error" : "Bad Request" } };
  },
  admin: (req, url) => book.admin(req, url),
  handle(req) {
    const key = req.headers.authorization;
    if (isBadCredential(key)) return { status: 401, json: { status: 1, message: "Unauthenticated." } };
    const path = req.path;
    if (path === "/api/cities" && req.method === "GET") return { status: 200, json: { status: 0, cities: CITIES.map((name, i) => ({ id: i + 1, name })) } };
    if (path === "/api/shipment/book" && req.method === "POST") {
      const b = parseJson(req.body) ?? {};
      const missing = ["consignee_city_id", "consignee_name", "consignee_address", "consignee_phone_number_1", "order_id", "estimated_weight", "amount"].filter((k) => b[k] === undefined || b[k] === "");
      if (missing.length) return refused("The given data was invalid.", Object.fromEntries(missing.map((k) => [k, [`The ${k.replaceAll("_", " ")} field is required.`]])));
      if (!Number.isInteger(b.consignee_city_id) || b.consignee_city_id < 1 || b.consignee_city_id > CITIES.length) {
        return refused("The given data was invalid.", { consignee_city_id: ["The selected consignee city id is invalid."] });
      }
      const tn = book.book(key, String(b.order_id), b, "Shipment - Booked");
      if (!tn) return refused("The given data was invalid.", { order_id: ["The order id has already been taken."] });
      if (book.loses(String(b.order_id))) return { hang: true };
      return { status: 200, json: { status: 0, message: "Shipment has been booked successfully.", tracking_number: tn } };
    }
    if (path === "/api/shipment/track" && req.method === "GET") {
      const s = book.get(key, String(req.query.tracking_number ?? ""));
      if (!s) return { status: 404, json: { status: 1, message: "Shipment not found." } };
      return { status: 200, json: { status: 0, details: { tracking_number: req.query.tracking_number, tracking_history: [{ status: s.status, date_time: new Date().toISOString() }] } } };
    }
    if (path === "/api/shipment/track/order_id" && req.method === "GET") {
      const s = book.byRef(key, String(req.query.order_id ?? ""));
      if (!s) return { status: 404, json: { status: 1, message: "Shipment not found." } };
      return { status: 200, json: { status: 0, details: { tracking_number: s.tracking, order_id: s.ref, tracking_history: [{ status: s.status, date_time: new Date().toISOString() }] } } };
    }
    if (path === "/api/shipment/cancel" && req.method === "POST") {
      const s = book.get(key, String(parseJson(req.body)?.tracking_number ?? ""));
      if (!s) return { status: 404, json: { status: 1, message: "Shipment not found." } };
      s.status = "Shipment - Cancelled";
      return { status: 200, json: { status: 0, message: "Shipment has been cancelled." } };
    }
    if (path === "/api/shipment/air_waybill" && req.method === "GET") {
      const tn = String(req.query.tracking_number ?? "");
      if (!book.get(key, tn)) return { status: 404, json: { status: 1, message: "Shipment not found." } };
      return { status: 200, headers: { "content-type": "application/pdf" }, text: labelPdf(tn) };
    }
    return { status: 404, json: { status: 1, message: "Not Found" } };
  },
};

export const createTraxSandbox = () => createSandbox(trax);
