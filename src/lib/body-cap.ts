/**
 * The request body's caps, enforced on the bytes as they arrive, whatever the headers say.
 *
 * Hono's bodyLimit trusts Content-Length when it is present and streams otherwise; it has one
 * size for every request. Hatti needs three things more, so this middleware stands in for it:
 * a size per kind of body (a form, an upload), a cap on the number of fields (a 1 MB body of
 * `a=&a=&...` is 300,000 fields, and parsing them is what costs seconds), and for multipart a
 * cap per part (text parts together stay under the form cap; only file parts get the upload's
 * room). Nothing is parsed until the caps hold: the body is read once, counted while it streams,
 * scanned for field separators, and handed on as bytes to Hono's own parseBody.
 */
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

export interface BodyCaps {
  /** Any body that is not multipart (urlencoded forms, JSON, text). */
  formBytes: number;
  /** A multipart body (photo and CSV uploads) as a whole. */
  uploadBytes: number;
  /** Fields of a form, or parts of a multipart body. */
  fields: number;
}

const tooLarge = () => new HTTPException(413);

/** Reads a stream to its end, refusing as soon as it passes `max` bytes. */
async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Number of `&`-separated fields in a urlencoded body (an empty body has none). */
export function urlencodedFields(bytes: Uint8Array): number {
  if (!bytes.byteLength) return 0;
  let n = 1;
  for (let i = 0; i < bytes.byteLength; i++) if (bytes[i] === 0x26) n++;
  return n;
}

export interface MultipartShape {
  parts: number;
  /** Bytes of the parts that are not files (no `filename` in their Content-Disposition). */
  textBytes: number;
}

/**
 * The parts of a multipart body, without decoding them: the boundary is found with a native
 * string search over a one-byte-per-character view of the bytes. Null when the body is not the
 * multipart its header claims (no boundary, no closing delimiter).
 */
export function multipartShape(bytes: Uint8Array, contentType: string, maxParts: number): MultipartShape | null {
  const m = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return null;
  const text = new TextDecoder("latin1").decode(bytes);
  const delimiter = `--${boundary}`;
  let at = text.indexOf(delimiter);
  if (at < 0) return null;
  let parts = 0;
  let textBytes = 0;
  for (;;) {
    const start = at + delimiter.length;
    if (text.startsWith("--", start)) return { parts, textBytes };
    const next = text.indexOf(`\r\n${delimiter}`, start);
    if (next < 0) return null;
    if (++parts > maxParts) return { parts, textBytes };
    const headEnd = text.indexOf("\r\n\r\n", start);
    const head = headEnd >= 0 && headEnd < next ? text.slice(start, headEnd) : "";
    if (!/filename\*?=/i.test(head)) textBytes += next - start;
    at = next + 2;
  }
}

/** Caps every request body before anything reads it (see the file's header). */
export function bodyCap(caps: BodyCaps): MiddlewareHandler {
  return async function bodyCap(c, next) {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const type = (c.req.header("content-type") ?? "").toLowerCase();
    const multipart = type.startsWith("multipart/form-data");
    const max = multipart ? caps.uploadBytes : caps.formBytes;
    // A declared length past the cap is refused unread.
    const length = c.req.header("content-length");
    if (Number(length) > max) throw tooLarge();
    let bytes: Uint8Array;
    if (length !== undefined && !c.req.header("transfer-encoding")) {
      // HTTP frames this body by its declared length, so it is no longer than the cap: read it
      // in one call, cached by Hono for every later reader (parseBody, the CSRF check). Its size
      // is checked again all the same: a Request made in code can carry any header.
      bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength > max) throw tooLarge();
    } else {
      // Chunked: counted as it streams, and refused as soon as it passes the cap.
      bytes = await readCapped(raw.body, max);
      c.req.raw = new Request(raw, { body: bytes as Uint8Array<ArrayBuffer> });
    }
    if (multipart) {
      const shape = multipartShape(bytes, c.req.header("content-type") ?? "", caps.fields);
      if (!shape) throw new HTTPException(400);
      if (shape.parts > caps.fields || shape.textBytes > caps.formBytes) throw tooLarge();
    } else if (type.startsWith("application/x-www-form-urlencoded") && urlencodedFields(bytes) > caps.fields) {
      throw tooLarge();
    }
    return next();
  };
}
