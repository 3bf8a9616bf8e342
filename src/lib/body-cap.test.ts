/**
 * The body caps hold on the bytes, whatever the headers say: a chunked form of 400,000 fields to
 * the checkout (no log-in needed) is refused before it is parsed, multipart text cannot use an
 * upload's room, and a form at the caps still goes through.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { shopWithCatalogue } from "../../test/checkout-fixtures";
import { ROOT, TEST_CSRF, signUp } from "../../test/helpers";
import { multipartShape, urlencodedFields } from "./body-cap";
import { MAX_FORM_BYTES, MAX_FORM_FIELDS, MAX_UPLOAD_BYTES } from "./limits";

const enc = new TextEncoder();

/** A body sent in pieces with no Content-Length, as a chunked upload arrives. */
function chunked(text: string, piece = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = enc.encode(text);
  let at = 0;
  return new ReadableStream({
    pull(ctrl) {
      if (at >= bytes.byteLength) return ctrl.close();
      ctrl.enqueue(bytes.slice(at, at + piece));
      at += piece;
    },
  });
}

async function send(url: string, body: BodyInit, headers: Record<string, string>) {
  const { origin } = new URL(url);
  const res = await exports.default.fetch(
    new Request(url, { method: "POST", body, headers: { origin, ...headers }, redirect: "manual" }),
  );
  return { status: res.status, text: await res.text() };
}

const form = { "content-type": "application/x-www-form-urlencoded" };

describe("counting a body", () => {
  it.each([
    ["", 0],
    ["a=1", 1],
    ["a=1&b=2", 2],
    ["a=&a=&a=", 3],
  ])("%j has %i urlencoded fields", (body, n) => {
    expect(urlencodedFields(enc.encode(body))).toBe(n);
  });

  it("reads the parts of a multipart body without decoding them", async () => {
    const fd = new FormData();
    fd.append("title", "x".repeat(10));
    fd.append("note", "ہاتھ");
    fd.append("photo", new File([new Uint8Array(5000)], "p.webp", { type: "image/webp" }));
    const req = new Request("https://x.test/", { method: "POST", body: fd });
    const bytes = new Uint8Array(await req.arrayBuffer());
    const shape = multipartShape(bytes, req.headers.get("content-type")!, 10);
    expect(shape?.parts).toBe(3);
    // The two text parts with their headers: far less than the file.
    expect(shape!.textBytes).toBeGreaterThan(10);
    expect(shape!.textBytes).toBeLessThan(400);
  });

  it("says when a body is not the multipart it claims", () => {
    expect(multipartShape(enc.encode("no boundary here"), "multipart/form-data; boundary=abc", 10)).toBeNull();
    expect(multipartShape(enc.encode("--abc\r\nx"), "multipart/form-data", 10)).toBeNull();
  });
});

describe("the caps, through the Worker", () => {
  it("refuses a chunked checkout of 400,000 fields (3.9 MB) before parsing it", async () => {
    const { origin } = await shopWithCatalogue();
    const body = "note=x&".repeat(400_000).slice(0, 3_900_000);
    const res = await send(`${origin}/checkout`, chunked(body), form);
    expect(res.status).toBe(413);
    expect(res.text).toContain("too much to send");
  });

  it("refuses a chunked form one byte past the cap, and takes one at it", async () => {
    const { origin } = await shopWithCatalogue();
    const at = `note=${"x".repeat(MAX_FORM_BYTES - 5)}`;
    expect(enc.encode(at).byteLength).toBe(MAX_FORM_BYTES);
    expect((await send(`${origin}/cart/add`, chunked(at), form)).status).not.toBe(413);
    expect((await send(`${origin}/cart/add`, chunked(`${at}x`), form)).status).toBe(413);
  });

  it("does not believe a Content-Length smaller than the body", async () => {
    const { origin } = await shopWithCatalogue();
    const body = `note=${"x".repeat(MAX_FORM_BYTES)}`;
    let res: { status: number } | undefined;
    try {
      res = await send(`${origin}/cart/add`, chunked(body), { ...form, "content-length": "10" });
    } catch {
      // workerd may itself refuse a body longer than its declared length: also not parsed.
      res = { status: 413 };
    }
    expect([400, 413]).toContain(res.status);
  });

  it("refuses a declared length past the cap without reading the body", async () => {
    const { origin } = await shopWithCatalogue();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        pulled++;
        ctrl.enqueue(enc.encode("a=1&"));
        if (pulled > 3) ctrl.close();
      },
    });
    const res = await send(`${origin}/checkout`, body, { ...form, "content-length": String(MAX_FORM_BYTES + 1) });
    expect(res.status).toBe(413);
  });

  it("counts fields: the cap goes through, one more is refused", async () => {
    const { origin } = await shopWithCatalogue();
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=1`).join("&");
    expect((await send(`${origin}/cart/add`, fields(MAX_FORM_FIELDS), form)).status).not.toBe(413);
    expect((await send(`${origin}/cart/add`, fields(MAX_FORM_FIELDS + 1), form)).status).toBe(413);
  });

  it("gives multipart text no more room than a form: only files get the upload's", async () => {
    const seller = await signUp();
    const url = `${ROOT}/admin`;
    const post = (fd: FormData) => {
      seller.client.cookies(new URL(url).host).set("hatti_csrf", TEST_CSRF);
      return seller.client.fetch(url, { method: "POST", body: fd, headers: { origin: ROOT, "x-csrf-token": TEST_CSRF } });
    };
    const text = new FormData();
    text.append("a", "x".repeat(MAX_FORM_BYTES / 2));
    text.append("b", "x".repeat(MAX_FORM_BYTES / 2 + 1));
    expect((await post(text)).status).toBe(413);

    const file = new FormData();
    file.append("a", "x".repeat(100));
    file.append("f", new File([new Uint8Array(MAX_FORM_BYTES * 3)], "p.webp", { type: "image/webp" }));
    expect((await post(file)).status).not.toBe(413);

    const huge = new FormData();
    huge.append("f", new File([new Uint8Array(MAX_UPLOAD_BYTES)], "p.webp", { type: "image/webp" }));
    expect((await post(huge)).status).toBe(413);

    const many = new FormData();
    for (let i = 0; i <= MAX_FORM_FIELDS; i++) many.append(`f${i}`, "1");
    expect((await post(many)).status).toBe(413);
  });

  it("answers a malformed multipart body with a clear 400, not a 500", async () => {
    const { origin } = await shopWithCatalogue();
    const res = await send(`${origin}/cart/add`, "not multipart at all", { "content-type": "multipart/form-data; boundary=zzz" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("could not read that");
  });
});
