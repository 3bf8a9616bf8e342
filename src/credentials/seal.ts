/**
 * Sealing a shop's provider credentials (a gateway's merchant password and salt, a courier's API
 * key): AES-256-GCM through WebCrypto, with the key from the Worker secret CREDENTIALS_KEY
 * (`wrangler secret put CREDENTIALS_KEY`: 32 random bytes, base64), and the shop and provider as
 * additional data, so a sealed value opens only for the shop and provider it was sealed for. A
 * fresh 12-byte IV each time. `hint` is all the admin ever shows of a secret.
 */
import { b64decode } from "../lib/bytes";
import { fromBase64Url, toBase64Url, utf8 } from "../messages/base64url";

export interface CredentialsEnv {
  /** 32 bytes, base64 (standard or url-safe). Unset: no credentials can be saved or used. */
  CREDENTIALS_KEY?: string;
}

const VERSION = "v1";
const keys = new Map<string, Promise<CryptoKey | null>>();

/** The sealing key from the env, imported once an isolate; null when unset or not 32 bytes. */
export function credentialsKey(env: CredentialsEnv): Promise<CryptoKey | null> {
  const text = env.CREDENTIALS_KEY?.trim() ?? "";
  let key = keys.get(text);
  if (!key) {
    key = (async () => {
      let raw: Uint8Array<ArrayBuffer>;
      try {
        raw = /[-_]/.test(text) ? fromBase64Url(text) : b64decode(text);
      } catch {
        return null;
      }
      if (raw.length !== 32) return null;
      return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    })();
    keys.set(text, key);
  }
  return key;
}

const boundTo = (shopId: number, provider: string) => utf8(`hatti:credentials:${shopId}:${provider}`);

/** The fields sealed for this shop and provider. */
export async function seal(key: CryptoKey, shopId: number, provider: string, fields: Record<string, string>): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: boundTo(shopId, provider) }, key, utf8(JSON.stringify(fields)));
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(ct))}`;
}

/** The fields, or null when the value was not sealed with this key for this shop and provider (or was altered). */
export async function open(key: CryptoKey, shopId: number, provider: string, sealed: string): Promise<Record<string, string> | null> {
  const [version, iv, ct] = sealed.split(".");
  if (version !== VERSION || !iv || !ct) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64Url(iv), additionalData: boundTo(shopId, provider) }, key, fromBase64Url(ct));
    const fields = JSON.parse(new TextDecoder().decode(plain)) as unknown;
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return null;
    return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return null;
  }
}

/** What the admin shows of a secret: its last four characters at most, and never of a short one. */
export const hint = (secret: string): string => (secret.length >= 10 ? `••••${secret.slice(-4)}` : secret ? "••••" : "");
