/**
 * Sealed credentials: they open only with the key, for the shop and the provider they were sealed
 * for; an altered or moved value does not open; the database and the hints never hold a secret in
 * clear; a key that is not 32 bytes is no key.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { toBase64Url } from "../messages/base64url";
import { db, sellerWithShop } from "../../test/helpers";
import { credentialsKey, hint, open, seal } from "./seal";
import { credentialHints, deleteCredentials, readCredentials, saveCredentials } from "./store";

const key = async () => (await credentialsKey(env as never))!;
/** JazzCash's merchant fields as its portal gives them (sandbox-shaped values). */
const JAZZCASH = { merchantId: "MC12345", password: "0123456789abcdef", salt: "z8y7x6w5v4u3t2s1" };

describe("sealing", () => {
  it("opens for its shop and provider only; an altered value does not open", async () => {
    const k = await key();
    const sealed = await seal(k, 7, "jazzcash", JAZZCASH);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("0123456789abcdef");
    expect(await open(k, 7, "jazzcash", sealed)).toEqual(JAZZCASH);
    expect(await open(k, 8, "jazzcash", sealed)).toBeNull();
    expect(await open(k, 7, "easypaisa", sealed)).toBeNull();
    const [v, iv, ct] = sealed.split(".");
    const flipped = `${ct!.slice(0, -2)}${ct!.slice(-2) === "AA" ? "AB" : "AA"}`;
    expect(await open(k, 7, "jazzcash", `${v}.${iv}.${flipped}`)).toBeNull();
    expect(await open(k, 7, "jazzcash", "v2.x.y")).toBeNull();
    // Two seals of the same fields differ (a fresh IV each time).
    expect(await seal(k, 7, "jazzcash", JAZZCASH)).not.toBe(sealed);
  });

  it("a key that is not 32 bytes (or missing) is no key", async () => {
    expect(await credentialsKey({})).toBeNull();
    expect(await credentialsKey({ CREDENTIALS_KEY: toBase64Url(new Uint8Array(16)) })).toBeNull();
    expect(await credentialsKey({ CREDENTIALS_KEY: "not base64 at all!" })).toBeNull();
    expect(await credentialsKey({ CREDENTIALS_KEY: toBase64Url(crypto.getRandomValues(new Uint8Array(32))) })).not.toBeNull();
  });

  it("a hint shows at most the last four characters, and nothing of a short secret", () => {
    expect(hint("0123456789abcdef")).toBe("••••cdef");
    expect(hint("short")).toBe("••••");
    expect(hint("")).toBe("");
  });
});

describe("a shop's stored credentials", () => {
  it("saved sealed, read in clear by the caller, shown as hints; an empty field keeps its value; per shop", async () => {
    const k = await key();
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const hints = await saveCredentials({ db: db(), shopId: a.shopId }, k, "jazzcash", JAZZCASH);
    expect(hints).toEqual({ merchantId: "••••", password: "••••cdef", salt: "••••t2s1" });
    const row = await env.DB.prepare("SELECT * FROM shop_credentials WHERE shop_id = ?").bind(a.shopId).first<Record<string, string>>();
    for (const secret of Object.values(JAZZCASH)) expect(JSON.stringify(row)).not.toContain(secret);

    await saveCredentials({ db: db(), shopId: a.shopId }, k, "jazzcash", { merchantId: "MC99999", password: "", salt: "" });
    expect(await readCredentials({ db: db(), shopId: a.shopId }, k, "jazzcash")).toEqual({ ...JAZZCASH, merchantId: "MC99999" });
    expect(await credentialHints({ db: db(), shopId: a.shopId }, "jazzcash")).toMatchObject({ password: "••••cdef" });

    expect(await readCredentials({ db: db(), shopId: b.shopId }, k, "jazzcash")).toBeNull();
    expect(await credentialHints({ db: db(), shopId: b.shopId }, "jazzcash")).toEqual({});
    // Shop a's row copied to shop b does not open there.
    await env.DB.prepare("INSERT INTO shop_credentials (shop_id, provider, sealed, hints) SELECT ?, provider, sealed, hints FROM shop_credentials WHERE shop_id = ?").bind(b.shopId, a.shopId).run();
    expect(await readCredentials({ db: db(), shopId: b.shopId }, k, "jazzcash")).toBeNull();

    await deleteCredentials({ db: db(), shopId: a.shopId }, "jazzcash");
    expect(await readCredentials({ db: db(), shopId: a.shopId }, k, "jazzcash")).toBeNull();
  });
});
