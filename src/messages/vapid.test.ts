// The VAPID header is an ES256 JWT a push service can verify with the public key it carries.
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url";
import { VAPID_TTL_SECONDS, vapidAuthorization } from "./vapid";

async function vapidKeys() {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicRaw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return { publicKey: toBase64Url(publicRaw), privateKey: jwk.d! };
}

function parse(header: string) {
  const m = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header);
  expect(m).not.toBeNull();
  const [, h, p, s, k] = m!;
  const json = (part: string) => JSON.parse(new TextDecoder().decode(fromBase64Url(part)));
  return { h: h!, p: p!, s: s!, k: k!, head: json(h!), claims: json(p!) };
}

async function verifies(k: string, signingInput: string, signature: string): Promise<boolean> {
  const key = await crypto.subtle.importKey("raw", fromBase64Url(k), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, fromBase64Url(signature), new TextEncoder().encode(signingInput));
}

describe("vapidAuthorization", () => {
  it("signs a JWT for the push service's origin that verifies with the public key", async () => {
    const keys = await vapidKeys();
    const now = Date.UTC(2026, 10, 30, 12, 0, 0);
    const header = await vapidAuthorization("https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b", keys, "mailto:alerts@hatti.pk", now);
    const { h, p, s, k, head, claims } = parse(header);
    expect(head).toEqual({ typ: "JWT", alg: "ES256" });
    expect(claims).toEqual({ aud: "https://fcm.googleapis.com", exp: now / 1000 + VAPID_TTL_SECONDS, sub: "mailto:alerts@hatti.pk" });
    expect(VAPID_TTL_SECONDS).toBeLessThanOrEqual(24 * 3600);
    expect(k).toBe(keys.publicKey);
    expect(fromBase64Url(s)).toHaveLength(64);
    expect(await verifies(k, `${h}.${p}`, s)).toBe(true);
  });

  it("does not verify once a claim is changed, or with another key", async () => {
    const keys = await vapidKeys();
    const { h, s, k, claims } = parse(await vapidAuthorization("https://updates.push.services.mozilla.com/wpush/v2/abc", keys, "mailto:a@hatti.pk"));
    const forged = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, aud: "https://evil.example" })));
    expect(await verifies(k, `${h}.${forged}`, s)).toBe(false);
    const other = await vapidKeys();
    expect(await verifies(other.publicKey, `${h}.${parse(await vapidAuthorization("https://x.push.apple.com/1", keys, "mailto:a@hatti.pk")).p}`, s)).toBe(false);
  });
});
