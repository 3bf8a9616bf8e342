import { z } from "zod";

/** A wallet or bank account a customer pays into; shown to the customer at checkout. */
const account = z.object({
  enabled: z.boolean().default(false),
  title: z.string().max(100).default(""),
  number: z.string().max(60).default(""),
  bank: z.string().max(100).default(""),
});

export const paymentsSchema = z.object({
  cod: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
  jazzcash: account.default({ enabled: false, title: "", number: "", bank: "" }),
  easypaisa: account.default({ enabled: false, title: "", number: "", bank: "" }),
  bank: account.default({ enabled: false, title: "", number: "", bank: "" }),
});

export type Payments = z.infer<typeof paymentsSchema>;

export function parsePayments(json: string): Payments {
  try {
    const parsed = paymentsSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    /* fall through to defaults */
  }
  return paymentsSchema.parse({});
}
