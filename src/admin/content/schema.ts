import { z } from "zod";

export const pageSchema = z.object({
  title: z.string().trim().min(1, "validation.titleRequired").max(120, "validation.tooLong"),
  body: z.string().max(20_000, "validation.tooLong").transform((s) => s.replace(/\r\n/g, "\n")),
  published: z.string().optional().transform((v) => v === "on"),
});

export const collectionSchema = z.object({
  title: z.string().trim().min(1, "validation.titleRequired").max(80, "validation.tooLong"),
  description: z.string().trim().max(2000, "validation.tooLong").default(""),
});
