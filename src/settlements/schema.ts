/**
 * The settlement forms and their caps, each declared once here (z.toJSONSchema shows them): the
 * upload (the courier, the file's bytes), the file's rows (maxItems: counted in the file before a
 * row is built, src/settlements/read.ts), a tracking number's length, and the apply form (the
 * stored file's SHA-256, from the preview).
 */
import { z } from "zod";
import { SETTLEMENT_COURIERS } from "./formats";

/** A courier's settlement report for a week is a few hundred rows: 1 MB holds 2,000 with room. */
export const SETTLEMENT_MAX_BYTES = 1024 * 1024;
export const SETTLEMENT_MAX_ROWS = 2_000;
/** Couriers' tracking numbers are 10 to 20 characters; a longer cell is not one (the row is unknown). */
export const TRACKING_MAX = 40;

const courier = z.enum(SETTLEMENT_COURIERS, { message: "settlements.courierRequired" });

/** The upload (multipart): which courier's report, and the file. */
export const uploadSchema = z.object({
  courier,
  file: z.file({ message: "settlements.noFile" }).min(1, "settlements.noFile").max(SETTLEMENT_MAX_BYTES, "settlements.tooBig"),
});

/** The file's rows once read: a tracking number and the amount in paisa (null when not a number). */
export const rowsSchema = z
  .array(z.object({ line: z.number(), tracking: z.string().max(TRACKING_MAX), amount: z.number().int().nullable() }))
  .max(SETTLEMENT_MAX_ROWS, "settlements.tooManyRows");

/** Apply: the courier and the stored file the preview showed (its SHA-256). */
export const applySchema = z.object({
  courier,
  file: z.string({ message: "settlements.gone" }).max(64, "settlements.gone").regex(/^[0-9a-f]{64}$/, "settlements.gone"),
});
