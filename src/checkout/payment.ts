/** The payment methods a shop offers at checkout, from its stored settings. */
import { ACCOUNT_METHOD_IDS, type PaymentMethod, type Payments } from "../settings/payments";

export interface PaymentOption {
  method: PaymentMethod;
  /** The account a transfer goes to; null for cash on delivery. */
  account: { title: string; number: string; bank: string } | null;
}

/** Enabled methods in a fixed order; a wallet or bank without an account number is not offered. */
export function paymentOptions(p: Payments): PaymentOption[] {
  const out: PaymentOption[] = [];
  if (p.cod.enabled) out.push({ method: "cod", account: null });
  for (const m of ACCOUNT_METHOD_IDS) {
    const a = p[m];
    if (a.enabled && a.number.trim()) out.push({ method: m, account: { title: a.title, number: a.number, bank: a.bank } });
  }
  return out;
}
