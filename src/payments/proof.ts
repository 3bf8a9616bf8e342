/**
 * Proof of payment: the customer's screenshot of her transfer and its transaction ID. The form's
 * schema holds the caps; the screenshot is checked by its bytes (src/media's sniffer: an image,
 * within its size and sides) and stored in R2 under the shop's prefix, content-hashed
 * (`shops/{shopId}/proofs/{sha256}.{ext}`), never on the public /media path (its keys do not match
 * there): it is served only to the shop's members and to the holder of the order's token.
 */
import { z } from "zod";
import { hex } from "../lib/bytes";
import { caps, requiredText } from "../lib/form-fields";
import { sniffImage } from "../media/sniff";
import { CONTENT_TYPE, EXT } from "../media/urls";

/** A screenshot as the browser sends it once resized (and a phone's own, unresized, well within it). */
export const PROOF_MAX_BYTES = 3 * 1024 * 1024;
const MAX_SIDE = 4096;

/** The proof form (multipart): the screenshot, its size capped here, and the transaction ID (required: the seller looks it up in her account). */
export const proofSchema = z.object({
  screenshot: z.file({ message: "checkout.proof.none" }).min(1, "checkout.proof.none").max(PROOF_MAX_BYTES, "checkout.proof.tooBig"),
  reference: requiredText(60, "checkout.proof.referenceRequired"),
});
/** The transaction ID's cap, for the field's maxlength (read from the schema, declared above). */
export const PROOF_REFERENCE_MAX = caps(proofSchema).reference!;

/** Why a screenshot's bytes are refused: catalogue keys, shown beside the field. */
type ProofError = "checkout.proof.tooLarge" | "checkout.proof.notImage";

interface CheckedProof {
  bytes: Uint8Array<ArrayBuffer>;
  ext: string;
}

/** Checks a screenshot by its bytes (after the schema checked its size: a file past the cap is never read). */
export async function checkProof(file: File): Promise<CheckedProof | { error: ProofError }> {
  const bytes = new Uint8Array(await file.arrayBuffer()) as Uint8Array<ArrayBuffer>;
  const s = sniffImage(bytes);
  if (typeof s === "string") return { error: "checkout.proof.notImage" };
  if (s.width > MAX_SIDE || s.height > MAX_SIDE) return { error: "checkout.proof.tooLarge" };
  return { bytes, ext: EXT[s.format] };
}

/** Stores a checked screenshot under the shop's prefix, content-hashed; its key. */
export async function putProof(bucket: R2Bucket, shopId: number, proof: CheckedProof): Promise<string> {
  const digest = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", proof.bytes)));
  const key = `shops/${shopId}/proofs/${digest}.${proof.ext}`;
  await bucket.put(key, proof.bytes, { httpMetadata: { contentType: CONTENT_TYPE[proof.ext] } });
  return key;
}

const PROOF_KEY = /^shops\/(\d+)\/proofs\/[a-f0-9]{64}\.(webp|jpg|png)$/;

/** The stored screenshot of an order of this shop, as a private response; null when there is none. */
export async function proofResponse(bucket: R2Bucket, shopId: number, key: string): Promise<Response | null> {
  const m = PROOF_KEY.exec(key);
  if (!m || Number(m[1]) !== shopId) return null;
  const obj = await bucket.get(key);
  if (!obj) return null;
  return new Response(obj.body, {
    headers: {
      "content-type": CONTENT_TYPE[m[2]!] ?? "application/octet-stream",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    },
  });
}
