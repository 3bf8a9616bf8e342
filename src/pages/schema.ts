/**
 * The page form: every cap declared here once, on the raw input, so that
 * `z.toJSONSchema(schema, { io: "input" })` shows it (maxLength) and views and domain code read it from here.
 */
import { z } from "zod";

export const pageSchema = z.object({
  title: z.string().trim().min(1, "validation.titleRequired").max(120, "validation.tooLong"),
  body: z.string().max(20_000, "validation.tooLong").transform((s) => s.replace(/\r\n/g, "\n")),
  published: z.string().max(2).optional().catch(undefined).transform((v) => v === "on"),
});

/** Content pages a shop may have (the footer lists them all). */
export const MAX_PAGES = 30;
