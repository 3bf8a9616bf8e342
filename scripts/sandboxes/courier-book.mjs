// What the courier sandboxes (postex.mjs, leopards.mjs, trax.mjs) share: the cities they deliver
// to, a book of shipments per credential (a reference booked twice is a duplicate; a tracking
// number's status can be set by a test), a small PDF label, and the admin route
//   POST /__sandbox/status?tracking=T&status=S   sets what tracking T reports (e.g. "Delivered")
import { magic } from "./magic.mjs";

export const CITIES = ["Lahore", "Karachi", "Islamabad", "Rawalpindi", "Faisalabad", "Multan", "Peshawar", "Quetta", "Sialkot", "Hyderabad", "Gujranwala", "Bahawalpur"];

export const cityId = (name) => CITIES.findIndex((c) => c.toLowerCase() === String(name ?? "").trim().toLowerCase()) + 1;

/** The credentials every courier sandbox refuses (and refuses missing ones too). */
export const isBadCredential = (value) => typeof value !== "string" || value === "" || value === magic.couriers.badCredential;

export function createBook(prefix) {
  let seq = 0;
  const byTracking = new Map(); // tracking -> { ref, owner, status, shipment }
  const refs = new Set(); // `${owner}\u0000${ref}`
  return {
    book(owner, ref, shipment, status) {
      const key = `${owner}\u0000${ref}`;
      if (refs.has(key)) return null;
      refs.add(key);
      const tracking = `${prefix}${String(Date.now()).slice(-6)}${String(++seq).padStart(4, "0")}`;
      byTracking.set(tracking, { ref, owner, status, shipment });
      return tracking;
    },
    get(owner, tracking) {
      const s = byTracking.get(tracking);
      return s && s.owner === owner ? s : null;
    },
    admin(req, url) {
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
