/**
 * VAPID (RFC 8292): the application server's proof of identity to a push service. An ES256 JWT
 * signed with WebCrypto, whose claims are the push service's origin (aud), an expiry at most 24
 * hours ahead (exp) and a contact (sub), sent as
 *   Authorization: vapid t=<jwt>, k=<base64url of the 65-byte public key>
 * WebCrypto's ECDSA signature is already the 64-byte r|s a JWS wants.
 */
import { fromBase64Url, toBase64Url, utf8 } from "./base64url";

/** How long a token is valid: 12 hours (RFC 8292 caps it at 24). */
export const VAPID_TTL_SECONDS = 12 * 3600;

export interface VapidKeys {
  /** base64url, 65 bytes uncompressed. */
  publicKey: string;
  /** base64url, 32 bytes. */
  privateKey: string;
}

async function signingKey({ publicKey, privateKey }: VapidKeys): Promise<CryptoKey> {
  const pub = fromBase64Url(publicKey);
  const jwk: JsonWebKey = {
    kty: "EC",
    crv: "P-256",
    x: toBase64Url(pub.subarray(1, 33)),
    y: toBase64Url(pub.subarray(33, 65)),
    d: privateKey.replace(/=+$/, ""),
  };
  return crypto.subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
}

interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

async function vapidToken(keys: VapidKeys, claims: VapidClaims): Promise<string> {
  const encode = (value: object) => toBase64Url(utf8(JSON.stringify(value)));
  const signingInput = `${encode({ typ: "JWT", alg: "ES256" })}.${encode(claims)}`;
  const key = await signingKey(keys);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, utf8(signingInput)));
  return `${signingInput}.${toBase64Url(signature)}`;
}

/** The Authorization header for one push request to `endpoint`. */
export async function vapidAuthorization(
  endpoint: string,
  keys: VapidKeys,
  subject: string,
  now: number = Date.now(),
): Promise<string> {
  const aud = new URL(endpoint).origin;
  const exp = Math.floor(now / 1000) + VAPID_TTL_SECONDS;
  const token = await vapidToken(keys, { aud, exp, sub: subject });
  return `vapid t=${token}, k=${keys.publicKey.replace(/=+$/, "")}`;
}
