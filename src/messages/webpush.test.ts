// RFC 8291 encryption, checked two ways: against the RFC's own worked example (Appendix A), and by
// decrypting what we encrypt for a freshly generated subscription with a decryption written here
// from the RFC, independently of webpush.ts (HKDF by hand from HMAC-SHA-256, the record parsed
// by hand), using the subscription's private key as a browser would.
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url, type Bytes } from "./base64url";
import { PUSH_BODY_MAX, PUSH_PLAINTEXT_MAX, PushKeyError, encryptPushPayload, subscriptionKeys } from "./webpush";

const te = new TextEncoder();
const td = new TextDecoder();

// RFC 8291, Appendix A.
const RFC = {
  plaintext: "When I grow up, I want to be a watermelon",
  asPrivate: "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw",
  asPublic: "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8",
  uaPrivate: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
  uaPublic: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
  salt: "DGv6ra1nlYgDCS1FRnbzlw",
  auth: "BTBZMqHH6r4Tts7J_aSIgg",
  body:
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_" +
    "yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
};

function ecJwk(publicRaw: Uint8Array, d?: string): JsonWebKey {
  return {
    kty: "EC",
    crv: "P-256",
    x: toBase64Url(publicRaw.subarray(1, 33)),
    y: toBase64Url(publicRaw.subarray(33, 65)),
    ...(d ? { d } : {}),
  };
}

async function importEcdhPair(publicB64: string, privateB64: string): Promise<CryptoKeyPair> {
  const pub = fromBase64Url(publicB64);
  return {
    publicKey: await crypto.subtle.importKey("jwk", ecJwk(pub), { name: "ECDH", namedCurve: "P-256" }, true, []),
    privateKey: await crypto.subtle.importKey("jwk", ecJwk(pub, privateB64), { name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]),
  };
}

// --- The receiving side, from RFC 8291 section 3.4 and RFC 8188 section 2, by hand. ---

async function hmac(key: Uint8Array, data: Uint8Array): Promise<Bytes> {
  const k = await crypto.subtle.importKey("raw", new Uint8Array(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, new Uint8Array(data)));
}

/** HKDF (RFC 5869) for outputs of at most one block: T(1) = HMAC(PRK, info | 0x01). */
async function hkdfByHand(salt: Uint8Array, ikm: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  const prk = await hmac(salt, ikm);
  const t1 = await hmac(prk, new Uint8Array([...info, 1]));
  return t1.subarray(0, length);
}

async function browserDecrypt(body: Uint8Array, uaPrivate: CryptoKey, uaPublicRaw: Uint8Array, auth: Uint8Array): Promise<string> {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const salt = body.subarray(0, 16);
  const rs = view.getUint32(16);
  const idlen = body[20]!;
  expect(idlen).toBe(65);
  const asPublicRaw = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  expect(ciphertext.length).toBeLessThanOrEqual(rs);

  const asPublic = await crypto.subtle.importKey("raw", new Uint8Array(asPublicRaw), { name: "ECDH", namedCurve: "P-256" }, false, []);
  const ecdhSecret = new Uint8Array(await crypto.subtle.deriveBits({ name: "ECDH", public: asPublic }, uaPrivate, 256));
  const keyInfo = new Uint8Array([...te.encode("WebPush: info"), 0, ...uaPublicRaw, ...asPublicRaw]);
  const ikm = await hkdfByHand(auth, ecdhSecret, keyInfo, 32);
  const cek = await hkdfByHand(salt, ikm, new Uint8Array([...te.encode("Content-Encoding: aes128gcm"), 0]), 16);
  const nonce = await hkdfByHand(salt, ikm, new Uint8Array([...te.encode("Content-Encoding: nonce"), 0]), 12);
  const key = await crypto.subtle.importKey("raw", new Uint8Array(cek), "AES-GCM", false, ["decrypt"]);
  const record = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(nonce) }, key, new Uint8Array(ciphertext)));
  // Padding is zeros after the delimiter; the last record's delimiter is 0x02.
  let end = record.length - 1;
  while (end >= 0 && record[end] === 0) end--;
  expect(record[end]).toBe(2);
  return td.decode(record.subarray(0, end));
}

async function newSubscription() {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair;
  const publicRaw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const auth = crypto.getRandomValues(new Uint8Array(16));
  return { pair, publicRaw, auth, json: { p256dh: toBase64Url(publicRaw), auth: toBase64Url(auth) } };
}

describe("RFC 8291 Appendix A", () => {
  it("reproduces the RFC's encrypted message byte for byte", async () => {
    const body = await encryptPushPayload(te.encode(RFC.plaintext), subscriptionKeys({ p256dh: RFC.uaPublic, auth: RFC.auth }), {
      salt: fromBase64Url(RFC.salt),
      senderKeys: await importEcdhPair(RFC.asPublic, RFC.asPrivate),
    });
    expect(toBase64Url(body)).toBe(RFC.body);
  });

  it("decrypts the RFC's message with the by-hand receiver (which checks the receiver)", async () => {
    const ua = await importEcdhPair(RFC.uaPublic, RFC.uaPrivate);
    const text = await browserDecrypt(fromBase64Url(RFC.body), ua.privateKey, fromBase64Url(RFC.uaPublic), fromBase64Url(RFC.auth));
    expect(text).toBe(RFC.plaintext);
  });
});

describe("encryptPushPayload", () => {
  it("encrypts a notification that the subscription's private key decrypts", async () => {
    const sub = await newSubscription();
    const payload = JSON.stringify({
      title: "نیا آرڈر #1042، دکان عائشہ کے کرتے",
      body: "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے — Rs 12,450، لاہور",
      url: "https://hatti.pk/admin/orders/1042",
    });
    const body = await encryptPushPayload(te.encode(payload), subscriptionKeys(sub.json));
    expect(await browserDecrypt(body, sub.pair.privateKey, sub.publicRaw, sub.auth)).toBe(payload);
  });

  it("uses a fresh salt and sender key every time", async () => {
    const sub = await newSubscription();
    const keys = subscriptionKeys(sub.json);
    const a = await encryptPushPayload(te.encode("same"), keys);
    const b = await encryptPushPayload(te.encode("same"), keys);
    expect(toBase64Url(a.subarray(0, 16))).not.toBe(toBase64Url(b.subarray(0, 16)));
    expect(toBase64Url(a.subarray(21, 86))).not.toBe(toBase64Url(b.subarray(21, 86)));
  });

  it(`fits ${PUSH_PLAINTEXT_MAX} bytes in a 4096-byte message, and refuses one byte more`, async () => {
    const sub = await newSubscription();
    const keys = subscriptionKeys(sub.json);
    const body = await encryptPushPayload(new Uint8Array(PUSH_PLAINTEXT_MAX).fill(0x61), keys);
    expect(body.length).toBe(PUSH_BODY_MAX);
    expect(await browserDecrypt(body, sub.pair.privateKey, sub.publicRaw, sub.auth)).toBe("a".repeat(PUSH_PLAINTEXT_MAX));
    await expect(encryptPushPayload(new Uint8Array(PUSH_PLAINTEXT_MAX + 1), keys)).rejects.toThrow(RangeError);
  });

  it("refuses subscription keys that are not what a browser gives", async () => {
    const sub = await newSubscription();
    expect(() => subscriptionKeys({ p256dh: "not base64!", auth: sub.json.auth })).toThrow(PushKeyError);
    expect(() => subscriptionKeys({ p256dh: sub.json.p256dh.slice(0, 40), auth: sub.json.auth })).toThrow(/65-byte/);
    expect(() => subscriptionKeys({ p256dh: sub.json.p256dh, auth: toBase64Url(new Uint8Array(8)) })).toThrow(/16 bytes/);
    // 65 bytes that start like a point but are not on the curve.
    const offCurve = new Uint8Array(65).fill(7);
    offCurve[0] = 4;
    await expect(encryptPushPayload(te.encode("x"), subscriptionKeys({ p256dh: toBase64Url(offCurve), auth: sub.json.auth }))).rejects.toThrow(PushKeyError);
  });
});
