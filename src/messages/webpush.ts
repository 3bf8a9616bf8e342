/**
 * Web Push message encryption, RFC 8291 with the "aes128gcm" content encoding of RFC 8188,
 * written with WebCrypto only (ECDH P-256, HKDF-SHA-256, AES-128-GCM): it runs in workerd with no
 * Node APIs. One record: the body is
 *   salt (16) | rs (4, big-endian) | idlen (1) = 65 | keyid = the sender's ephemeral public key (65)
 *   | AES-128-GCM(plaintext | 0x02) with its 16-byte tag.
 * Keys (RFC 8291 section 3.4):
 *   IKM   = HKDF(salt = auth_secret, ikm = ECDH(as_private, ua_public),
 *                info = "WebPush: info" 0x00 ua_public as_public, 32 bytes)
 *   CEK   = HKDF(salt, IKM, "Content-Encoding: aes128gcm" 0x00, 16 bytes)
 *   NONCE = HKDF(salt, IKM, "Content-Encoding: nonce" 0x00, 12 bytes)
 */
import { concatBytes, fromBase64Url, utf8, type Bytes } from "./base64url";

/** RFC 8291 section 4: a push service need not accept more than 4096 bytes of body. */
export const PUSH_BODY_MAX = 4096;
const HEADER_SIZE = 16 + 4 + 1 + 65;
const TAG_SIZE = 16;
/** The longest plaintext that fits one 4096-byte message: 4096 - 86 - 16 - 1 = 3993 bytes. */
export const PUSH_PLAINTEXT_MAX = PUSH_BODY_MAX - HEADER_SIZE - TAG_SIZE - 1;

export class PushKeyError extends Error {}

export interface SubscriptionKeys {
  /** The browser's ECDH public key: 65 bytes, uncompressed P-256 point. */
  p256dh: Bytes;
  /** The 16-byte authentication secret. */
  auth: Bytes;
}

/** Decodes and checks a subscription's keys (base64url, as PushSubscription.toJSON() gives them). */
export function subscriptionKeys(keys: { p256dh: unknown; auth: unknown }): SubscriptionKeys {
  let p256dh: Bytes, auth: Bytes;
  try {
    p256dh = fromBase64Url(String(keys.p256dh));
    auth = fromBase64Url(String(keys.auth));
  } catch {
    throw new PushKeyError("subscription keys are not base64url");
  }
  if (p256dh.length !== 65 || p256dh[0] !== 0x04) throw new PushKeyError("p256dh is not a 65-byte uncompressed P-256 point");
  if (auth.length !== 16) throw new PushKeyError("auth is not 16 bytes");
  return { p256dh, auth };
}

export interface EncryptOptions {
  /** Fixed salt (tests, RFC 8291 Appendix A); random by default. */
  salt?: Bytes;
  /** Fixed sender key pair (tests); a fresh ephemeral pair by default. */
  senderKeys?: CryptoKeyPair;
}

async function hkdf(salt: Bytes, ikm: Bytes, info: Bytes, bytes: number): Promise<Bytes> {
  const key = await crypto.subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt, info }, key, bytes * 8));
}

/** Encrypts one push message body for a subscription. Throws PushKeyError when the key is not a P-256 point. */
export async function encryptPushPayload(
  plaintext: Uint8Array,
  subscription: SubscriptionKeys,
  opts: EncryptOptions = {},
): Promise<Bytes> {
  if (plaintext.length > PUSH_PLAINTEXT_MAX) throw new RangeError(`push payload over ${PUSH_PLAINTEXT_MAX} bytes`);
  let uaPublic: CryptoKey;
  try {
    uaPublic = await crypto.subtle.importKey("raw", subscription.p256dh, { name: "ECDH", namedCurve: "P-256" }, false, []);
  } catch {
    throw new PushKeyError("p256dh is not a point on P-256");
  }
  const sender =
    opts.senderKeys ?? ((await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair);
  const asPublic = new Uint8Array((await crypto.subtle.exportKey("raw", sender.publicKey)) as ArrayBuffer);
  const ecdhSecret = new Uint8Array(await crypto.subtle.deriveBits({ name: "ECDH", public: uaPublic }, sender.privateKey, 256));

  const keyInfo = concatBytes(utf8("WebPush: info\0"), subscription.p256dh, asPublic);
  const ikm = await hkdf(subscription.auth, ecdhSecret, keyInfo, 32);
  const salt = opts.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const cek = await hkdf(salt, ikm, utf8("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, utf8("Content-Encoding: nonce\0"), 12);

  // One record, the last: the plaintext, then the 0x02 delimiter, no padding.
  const record = concatBytes(plaintext, new Uint8Array([0x02]));
  const aes = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["encrypt"]);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce, tagLength: 128 }, aes, record));

  // rs must exceed the record: 4096 is what RFC 8291's example and browsers use.
  const rs = Math.max(4096, record.length + TAG_SIZE);
  const header = new Uint8Array(HEADER_SIZE);
  header.set(salt, 0);
  new DataView(header.buffer).setUint32(16, rs);
  header[20] = 65;
  header.set(asPublic, 21);
  return concatBytes(header, sealed);
}
