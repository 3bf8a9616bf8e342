// What the courier sandboxes (postex.mjs, leopards.mjs, trax.mjs) share: the cities they deliver
// to, a book of shipments per credential kept by order reference (a reference booked twice is a
// duplicate; each courier's look-up by reference finds it; a tracking number's status can be set
// by a test), a small PDF label, and the admin routes
//   POST /__sandbox/status?tracking=T&status=S   sets what tracking T reports (e.g. "Delivered")
//   POST /__sandbox/lose-next?to=REF             the next booking of REF is made, then its answer
//                                                is lost (no answer: the caller times out), as when
//                                                the Worker dies after the courier booked
import { magic } from "./magic.mjs";

export const CITIES = ["Lahore", "Karachi", "Islamabad", "Rawalpindi", "Faisalabad", "Multan", "Peshawar", "Quetta", "Sialkot", "Hyderabad", "Gujranwala", "Bahawalpur"];

export const cityId = (name) => CITIES.findIndex((c) => c.toLowerCase() === String(name ?? "").trim().toLowerCase()) + 1;

/** The credentials every courier sandbox refuses (and refuses missing ones too). */
export const isBadCredential = (value) => typeof value !== "string" || value === "" || value === magic.couriers.badCredential;

export function createBook(prefix) {
  let seq = 0;
  const byTracking = new Map(); // tracking -> { ref, owner, status, shipment }
  const refs = new Map(); // `${owner}\u0000${ref}` -> tracking
  const losing = new Set(); // references whose next booking answer is lost
  return {
    book(owner, ref, shipment, status) {
      const key = `${owner}\u0000${ref}`;
      if (refs.has(key)) return null;
      const tracking = `${prefix}${String(Date.now()).slice(-6)}${String(++seq).padStart(4, "0")}`;
      refs.set(key, tracking);
      byTracking.set(tracking, { ref, owner, status, shipment, at: new Date() });
      return tracking;
    },
    /** The booking of `ref` under this account: { tracking, ...entry } or null. */
    byRef(owner, ref) {
      const tracking = refs.get(`${owner}\u0000${ref}`);
      return tracking ? { tracking, ...byTracking.get(tracking) } : null;
    },
    /** Every booking of this account, oldest first (a courier's list of orders). */
    list(owner) {
      return [...byTracking].filter(([, s]) => s.owner === owner).map(([tracking, s]) => ({ tracking, ...s }));
    },
    /** Whether the answer to this booking of `ref` is to be lost (once). */
    loses(ref) {
      return losing.delete(ref);
    },
    get(owner, tracking) {
      const s = byTracking.get(tracking);
      return s && s.owner === owner ? s : null;
    },
    admin(req, url) {
      if (url.pathname === "/__sandbox/lose-next" && req.method === "POST") {
        const to = url.searchParams.get("to");
        if (!to) return { status: 400, json: { error: "to (an order reference) is required" } };
        losing.add(to);
        return { status: 200, json: { ok: true } };
      }
      if (url.pathname !== "/__sandbox/status" || req.method !== "POST") return null;
      const s = byTracking.get(url.searchParams.get("tracking") ?? "");
      if (!s) return { status: 404, json: { error: "no such tracking number" } };
      s.status = url.searchParams.get("status") ?? s.status;
      return { status: 200, json: { ok: true, status: s.status } };
    },
  };
}

/** A one-page PDF naming the tracking number: enough for a test to see the bytes came through. */
export function labelPdf(tracking) {
  const text = `BT /F1 18 Tf 20 100 Td (${tracking}) Tj ET`;
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 288 432]/Contents 4 0 R>>endobj\n4 0 obj<</Length ${text.length}>>stream\n${text}\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}
