/**
 * JazzCash's pp_SecureHash, as its Page Redirection and API guides (v1.1/2.0, "Secure Hash")
 * define it: the fields whose names start with "pp" (pp_* and ppmpf_*), pp_SecureHash itself
 * left out, those with an empty value left out, sorted by field name (ASCII), their VALUES joined
 * with "&", the integrity salt and "&" put in front, and HMAC-SHA256 of that string keyed by the
 * integrity salt, in hex (upper case here; JazzCash compares it either way). A return is checked
 * by computing the hash again over what was posted and comparing in constant time.
 */
import { hex, timingSafeEqual } from "../../lib/bytes";
import { utf8 } from "../../messages/base64url";

const HASH_FIELD = "pp_SecureHash";

/** The string JazzCash hashes: salt & the sorted non-empty pp* values. */
export function hashInput(salt: string, fields: Record<string, string>): string {
  const names = Object.keys(fields)
    .filter((k) => k.startsWith("pp") && k !== HASH_FIELD && fields[k] !== "")
    .sort();
  return [salt, ...names.map((k) => fields[k]!)].join("&");
}

const keys = new Map<string, Promise<CryptoKey>>();
const hmacKey = (salt: string) => {
  let key = keys.get(salt);
  if (!key) {
    key = crypto.subtle.importKey("raw", utf8(salt), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    // A few shops' salts an isolate: kept small, never grows with requests.
    if (keys.size > 64) keys.clear();
    keys.set(salt, key);
  }
  return key;
};

/** pp_SecureHash of these fields under this integrity salt, upper-case hex. */
export async function secureHash(salt: string, fields: Record<string, string>): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(salt), utf8(hashInput(salt, fields)));
  return hex(mac).toUpperCase();
}

/** True when the posted pp_SecureHash is the hash of the posted fields under this salt (constant-time compare). */
export async function hashMatches(salt: string, fields: Record<string, string>): Promise<boolean> {
  const sent = (fields[HASH_FIELD] ?? "").toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(sent)) return false;
  const expected = await secureHash(salt, fields);
  return timingSafeEqual(utf8(sent), utf8(expected));
}
