// PostEx merchant API sandbox, under /services/integration/api/order as PostEx serves it:
//   POST /v3/create-order            (token header) -> { statusCode: "200", statusMessage, dist: { trackingNumber, orderStatus, orderDate } }
//   GET  /v1/track-bulk-order?TrackingNumbers=a,b   -> { statusCode: "200", dist: [{ trackingNumber, trackingResponse: { transactionStatus, ... } }] }
//   GET  /v1/track-order/{trackingNumber}
//   PUT  /v1/cancel-order { trackingNumber }
//   GET  /v2/get-operational-city    -> { statusCode: "200", dist: [{ operationalCityName, isDeliveryCity, isPickupCity }] }
//   GET  /v1/get-invoice?trackingNumbers=T           -> the airway bill, application/pdf
//   GET  /v1/get-all-order?orderStatusID=0&fromDate=YYYY-MM-DD&toDate=YYYY-MM-DD
//        -> { statusCode: "200", dist: [{ orderRefNumber, trackingNumber, transactionStatus, orderDate, ... }] }
//        (PostEx's "list all orders": the look-up of a booking by our reference, within dates)
// Errors as PostEx answers them: { statusCode: "401", statusMessage: "Invalid token" } (HTTP 401),
// a bad city or a reference booked before as statusCode "400" with PostEx's message, a 5xx with
// fail-next. A new shipment reports "Unbooked" until a test sets it (/__sandbox/status).
import { CITIES, cityId, createBook, isBadCredential, labelPdf } from "./courier-book.mjs";
import { createSandbox, isJson, parseJson } from "./lib.mjs";

const PREFIX = "/services/integration/api/order";
const book = createBook("2410");

const answer = (status, statusCode, statusMessage, dist) => ({ status, json: { statusCode: String(statusCode), statusMessage, ...(dist !== undefined ? { dist } : {}) } });
const REQUIRED = ["orderRefNumber", "invoicePayment", "orderDetail", "customerName", "customerPhone", "deliveryAddress", "cityName", "orderType"];

function tracking(token, tn) {
  const s = book.get(token, tn);
  if (!s) return null;
  const b = s.shipment;
  return {
    trackingNumber: tn,
    trackingResponse: {
      customerName: b.customerName, customerPhone: b.customerPhone, deliveryAddress: b.deliveryAddress, cityName: b.cityName,
      invoicePayment: b.invoicePayment, orderRefNumber: b.orderRefNumber, transactionStatus: s.status, transactionDate: new Date().toISOString(),
    },
    message: "Tracking found",
  };
}

export const postex = {
  name: "postex",
  recipient(req) {
    const body = parseJson(req.body);
    return body?.orderRefNumber ?? body?.trackingNumber ?? req.query.TrackingNumbers ?? req.query.trackingNumbers ?? req.path.split("/").at(-1) ?? null;
  },
  failure(status) {
    return answer(status, status, status >= 500 ? "Internal Server Error" : "Bad Request");
  },
  admin: (req, url) => book.admin(req, url),
  handle(req) {
    if (!req.path.startsWith(PREFIX)) return answer(404, 404, "Not Found");
    const path = req.path.slice(PREFIX.length);
    const token = req.headers.token;
    if (isBadCredential(token)) return answer(401, 401, "Invalid token");

    if (path === "/v3/create-order" && req.method === "POST") {
      if (!isJson(req.headers)) return answer(400, 400, "Content-Type must be application/json");
      const b = parseJson(req.body);
      const missing = REQUIRED.filter((k) => b?.[k] === undefined || b[k] === "");
      if (missing.length) return answer(400, 400, `${missing[0]} is required`);
      if (!cityId(b.cityName)) return answer(400, 400, `Invalid City Name: ${b.cityName} is not an operational city`);
      if (!/^(\+92|0)3\d{9}$/.test(String(b.customerPhone).replace(/[\s-]/g, ""))) return answer(400, 400, "Invalid customer phone");
      const tn = book.book(token, String(b.orderRefNumber), b, "Unbooked");
      if (!tn) return answer(400, 400, "Order Reference Number already exists");
      if (book.loses(String(b.orderRefNumber))) return { hang: true };
      return answer(200, 200, "ORDER HAS BEEN CREATED", { trackingNumber: tn, orderStatus: "Unbooked", orderDate: new Date().toISOString() });
    }
    if (path === "/v1/track-bulk-order" && req.method === "GET") {
      const list = String(req.query.TrackingNumbers ?? "").split(",").filter(Boolean);
      if (list.length === 0 || list.length > 50) return answer(400, 400, "TrackingNumbers: 1 to 50 tracking numbers, comma-separated");
      return answer(200, 200, "SUCCESSFULLY OPERATED", list.map((tn) => tracking(token, tn) ?? { trackingNumber: tn, message: "Invalid tracking number" }));
    }
    const single = path.match(/^\/v1\/track-order\/([\w-]+)$/);
    if (single && req.method === "GET") {
      const t = tracking(token, single[1]);
      return t ? answer(200, 200, "SUCCESSFULLY OPERATED", t.trackingResponse) : answer(400, 400, "Invalid tracking number");
    }
    if (path === "/v1/get-all-order" && req.method === "GET") {
      const day = /^\d{4}-\d{2}-\d{2}$/;
      const { fromDate, toDate } = req.query;
      if (!day.test(String(fromDate ?? "")) || !day.test(String(toDate ?? ""))) return answer(400, 400, "fromDate and toDate are required (yyyy-MM-dd)");
      const from = Date.parse(`${fromDate}T00:00:00Z`);
      const to = Date.parse(`${toDate}T23:59:59Z`);
      if (!(to >= from) || to - from > 31 * 86_400_000) return answer(400, 400, "Date range must be 0 to 31 days");
      const list = book.list(token).filter((s) => s.at.getTime() >= from && s.at.getTime() <= to);
      return answer(200, 200, "SUCCESSFULLY OPERATED", list.map((s) => ({ orderRefNumber: s.ref, trackingNumber: s.tracking, transactionStatus: s.status, orderDate: s.at.toISOString(), customerName: s.shipment.customerName, cityName: s.shipment.cityName })));
    }
    if (path === "/v1/cancel-order" && req.method === "PUT") {
      const s = book.get(token, String(parseJson(req.body)?.trackingNumber ?? ""));
      if (!s) return answer(400, 400, "Invalid tracking number");
      if (s.status !== "Unbooked") return answer(400, 400, `Order cannot be cancelled: ${s.status}`);
      s.status = "Cancelled";
      return answer(200, 200, "ORDER HAS BEEN CANCELLED");
    }
    if (path === "/v2/get-operational-city" && req.method === "GET") {
      return answer(200, 200, "SUCCESSFULLY OPERATED", CITIES.map((c) => ({ operationalCityName: c, isDeliveryCity: true, isPickupCity: true })));
    }
    if (path === "/v1/get-invoice" && req.method === "GET") {
      const tn = String(req.query.trackingNumbers ?? "");
      if (!book.get(token, tn)) return answer(400, 400, "Invalid tracking number");
      return { status: 200, headers: { "content-type": "application/pdf" }, text: labelPdf(tn) };
    }
    return answer(404, 404, "Not Found");
  },
};

export const createPostExSandbox = () => createSandbox(postex);
