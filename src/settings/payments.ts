/**
 * The payment methods a shop can offer, from one list: cash on delivery, and the methods where
 * the customer pays into the seller's own account (a wallet or a bank). Adding such a method is
 * one line in ACCOUNT_METHODS and its name in the catalogues (`payments.<id>` for the seller,
 * `checkout.pay.<id>` for the customer); the settings form, its checks, the checkout's choices
 * and every order view follow from here.
 */
import { z } from "zod";

/** Methods paid into the seller's account; `bank: true` when the account needs its bank's name (and an IBAN). */
export const ACCOUNT_METHODS = {
  jazzcash: { bank: false },
  easypaisa: { bank: false },
  bank: { bank: true },
} as const satisfies Record<string, { bank: boolean }>;

export type AccountMethod = keyof typeof ACCOUNT_METHODS;
export const ACCOUNT_METHOD_IDS = Object.keys(ACCOUNT_METHODS) as AccountMethod[];
/** Every method, cash on delivery first (a tuple, for zod and drizzle enums). */
export const PAYMENT_METHODS = ["cod", ...ACCOUNT_METHOD_IDS] as ["cod", ...AccountMethod[]];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A wallet or bank account a customer pays into; shown to the customer at checkout. */
const account = z
  .object({
    enabled: z.boolean().default(false),
    title: z.string().max(100).default(""),
    number: z.string().max(60).default(""),
    bank: z.string().max(100).default(""),
  })
  .default({ enabled: false, title: "", number: "", bank: "" });

export const paymentsSchema = z.object({
  cod: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
  ...(Object.fromEntries(ACCOUNT_METHOD_IDS.map((m) => [m, account])) as Record<AccountMethod, typeof account>),
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
