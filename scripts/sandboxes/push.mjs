// A Web Push service sandbox (RFC 8030 with VAPID, RFC 8292, and aes128gcm, RFC 8291/8188).
//   POST /__sandbox/subscriptions   -> a subscription as PushSubscription.toJSON() gives it
//                                      ({ endpoint, keys: { p256dh, auth } }); the sandbox keeps its
//                                      private key, so it can decrypt what is pushed to it
//   POST /push/{id}                 -> 201 Created with a Location, after checking:
//     Authorization: vapid t=<ES256 JWT>, k=<public key>  (signature, aud = this origin, exp within
//       24 hours, sub mailto:/https:)                      else 401
//     TTL (a non-negative integer)                         else 400
//     Urgency, if present, one of very-low|low|normal|high else 400
//     Content-Encoding: aes128gcm, a well-formed header    else 400
//     at most 4096 bytes of body                           else 413
//   Each request is recorded with its decrypted payload when the subscription is one of ours.
// Magic ids (magic.json): gone-404, gone-410, rate-limited (429 + Retry-After), server-error, hang.
import { createSandbox, randomHex } from "./lib.mjs";
import { magic } from "./magic.mjs";

const { subtle } = globalThis.crypto;
const b64u = (bytes) => Buffer.from(bytes).toString("base64url");
const unb64u = (text) => new Uint8Array(Buffer.from(text, "base64url"));

function pushError(status, errno, message, headers) {
  // The shape Mozilla's autopush answers with.
  return { status, headers, json: { code: status, errno, error: http[status] ?? "Error", message } };
}
const http = { 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 410: "Gone", 413: "Payload Too Large", 429: "Too Many Requests", 500: "Internal Server Error" };

const SCENARIOS = {
  [magic.push.subscriptions.gone404]: () => pushError(404, 102, "Subscription not found"),
  [magic.push.subscriptions.gone410]: () => pushError(410, 106, "Subscription expired or unsubscribed"),
  [magic.push.subscriptions.rateLimited]: () => pushError(429, 900, "Too many messages", { "retry-after": "30" }),
  [magic.push.subscriptions.serverError]: () => pushError(500, 999, "Internal error"),
  [magic.push.subscriptions.hang]: () => ({ hang: true }),
};

/** Checks a VAPID Authorization header; returns null when it is good, else why not. */
export async function checkVapid(header, origin, now = Date.now()) {
  const match = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), ?k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) return "Authorization must be: vapid t=<jwt>, k=<public key>";
  const [h, p, s] = match[1].split(".");
  let head, claims;
  try {
    head = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  } catch {
    return "the JWT's header or claims are not JSON";
  }
  if (head.alg !== "ES256") return "the JWT must be ES256";
  const k = unb64u(match[2]);
  if (k.length !== 65 || k[0] !== 4) return "k must be a 65-byte uncompressed P-256 public key";
  let key;
  try {
    key = await subtle.importKey("raw", k, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  } catch {
    return "k is not a P-256 point";
  }
  const ok = await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, unb64u(s), new TextEncoder().encode(`${h}.${p}`));
  if (!ok) return "the JWT's signature does not verify with k";
  if (claims.aud !== origin) return `aud must be this push service's origin (${origin})`;
  const nowSec = Math.floor(now / 1000);
  if (typeof claims.exp !== "number" || claims.exp <= nowSec) return "exp is missing or in the past";
  if (claims.exp > nowSec + 24 * 3600) return "exp is more than 24 hours ahead";
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub)) return "sub must be a mailto: or https: URL";
  return null;
}

async function hkdf(salt, ikm, info, bytes) {
  const key = await subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  return new Uint8Array(await subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt, info }, key, bytes * 8));
}

/** Decrypts an aes128gcm body for a subscription we hold the keys of (RFC 8291 section 3.4). */
export async function decrypt(body, sub) {
  const salt = body.subarray(0, 16);
  const idlen = body[20];
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const asKey = await subtle.importKey("raw", asPublic, { name: "ECDH", namedCurve: "P-256" }, false, []);
  const shared = new Uint8Array(await subtle.deriveBits({ name: "ECDH", public: asKey }, sub.privateKey, 256));
  const te = new TextEncoder();
  const info = new Uint8Array([...te.encode("WebPush: info\0"), ...sub.publicRaw, ...asPublic]);
  const ikm = await hkdf(sub.auth, shared, info, 32);
  const cek = await hkdf(salt, ikm, te.encode("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, te.encode("Content-Encoding: nonce\0"), 12);
  const aes = await subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const record = new Uint8Array(await subtle.decrypt({ name: "AES-GCM", iv: nonce }, aes, ciphertext));
  let end = record.length - 1;
  while (end >= 0 && record[end] === 0) end--;
  if (record[end] !== 2) throw new Error("the last record's delimiter is not 0x02");
  return new TextDecoder().decode(record.subarray(0, end));
}

export function createPushSandbox() {
  const subscriptions = new Map(); // id -> { privateKey, publicRaw, auth }
  return createSandbox({
    name: "push",
    recipient(req) {
      return req.path.match(/^\/push\/([^/]+)$/)?.[1] ?? null;
    },
    describe(req) {
      const b = req.body;
      return b.length >= 21 ? { bytes: b.length, rs: b.readUInt32BE(16), idlen: b[20] } : { bytes: b.length };
    },
    failure(status) {
      if (status === 429) return pushError(429, 900, "Too many messages", { "retry-after": "1" });
      if (status === 410 || status === 404) return SCENARIOS[status === 410 ? "gone-410" : "gone-404"]();
      return pushError(status, 999, "Injected failure");
    },
    async admin(req, url) {
      if (url.pathname === "/__sandbox/subscriptions" && req.method === "POST") {
        const pair = await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
        const publicRaw = new Uint8Array(await subtle.exportKey("raw", pair.publicKey));
        const auth = crypto.getRandomValues(new Uint8Array(16));
        const id = `sub-${randomHex(8)}`;
        subscriptions.set(id, { privateKey: pair.privateKey, publicRaw, auth });
        return { status: 201, json: { endpoint: `${req.origin}/push/${id}`, expirationTime: null, keys: { p256dh: b64u(publicRaw), auth: b64u(auth) } } };
      }
      return null;
    },
    async handle(req, { record }) {
      const id = req.path.match(/^\/push\/([^/]+)$/)?.[1];
      if (!id) return pushError(404, 102, "Unknown endpoint");
      if (req.method !== "POST") return pushError(400, 999, "Pushes are POSTed");
      const why = await checkVapid(req.headers.authorization, req.origin);
      if (why) return pushError(401, 109, why);
      const ttl = req.headers.ttl;
      if (ttl === undefined || !/^\d+$/.test(ttl)) return pushError(400, 111, "Missing or invalid TTL header");
      const urgency = req.headers.urgency;
      if (urgency !== undefined && !["very-low", "low", "normal", "high"].includes(urgency)) return pushError(400, 999, "Invalid Urgency header");
      if (req.body.length > 4096) return pushError(413, 104, "Payload too large: at most 4096 bytes");
      if (req.body.length > 0) {
        if (req.headers["content-encoding"] !== "aes128gcm") return pushError(400, 110, "Content-Encoding must be aes128gcm");
        if (req.body.length < 16 + 4 + 1 + 65 + 17 || req.body[20] !== 65) return pushError(400, 110, "Malformed aes128gcm header");
      }
      const scenario = SCENARIOS[id];
      if (scenario) return scenario();
      const sub = subscriptions.get(id);
      if (sub && req.body.length > 0) {
        try {
          const text = await decrypt(new Uint8Array(req.body), sub);
          record.payload = text;
          try {
            record.payloadJson = JSON.parse(text);
          } catch {
            // not JSON: the text is recorded as is
          }
        } catch (err) {
          record.decryptError = String(err?.message ?? err);
          return pushError(400, 110, "Could not decrypt the payload with the subscription's keys");
        }
      }
      return { status: 201, headers: { location: `${req.origin}/message/${randomHex(12)}`, ttl }, text: "" };
    },
  });
}
