/**
 * Payment methods as a registry: each method is a folder (`<id>/index.ts`, its contract in
 * method.ts) and one line of registry.ts; this file derives what the rest of the app reads: the
 * ids (PAYMENT_METHODS, for zod and drizzle enums), the stored settings (shops.payments JSON, read
 * as it always was), the settings form's flat fields, the checkout's choices, and the payment state
 * an order starts in (states.ts).
 */
import { z } from "zod";
import * as registered from "./registry";
import type { MessageKey } from "../i18n";
import { parsePacked, type StoredImage } from "../media/urls";
import { storedSchema, type AccountRow, type MethodSettings, type PaymentMethodDef } from "./method";

type Registered = (typeof registered)[keyof typeof registered];
export type PaymentMethod = Registered["id"];

/** Every method, in the checkout's order (cash on delivery first). */
export const METHODS: readonly PaymentMethodDef<PaymentMethod>[] = (Object.values(registered) as PaymentMethodDef<PaymentMethod>[]).sort((a, b) => a.position - b.position);

/** Every method's id (a tuple, for zod and drizzle enums). */
export const PAYMENT_METHODS = METHODS.map((m) => m.id) as [PaymentMethod, ...PaymentMethod[]];

/** Whether an order paid this way waits for the customer's proof of her transfer (an id no longer registered: no). */
export const takesProof = (id: string) => METHODS.some((m) => m.id === id && m.takesProof);

/** Where the customer goes after placing an order paid this way (a gateway's start route); null for every other method. */
export function afterPlace(id: string, token: string): string | null {
  const m = METHODS.find((x) => x.id === id);
  return m?.afterPlace ? m.afterPlace({ token }) : null;
}

/** shops.payments: each method's stored settings, under its id. */
export const paymentsSchema = z.object(Object.fromEntries(METHODS.map((m) => [m.id, storedSchema(m).default(storedSchema(m).parse({}))])));
export type Payments = Record<PaymentMethod, MethodSettings>;

/**
 * The stored JSON read leniently: a method missing (added since) takes its defaults; unreadable
 * JSON is every default. Each text is read once per isolate (the admin reads her shop's record,
 * payments and all, on every page): the answer is frozen, shared by every request that reads the
 * same text, at most MAX_READ kept.
 */
export function parsePayments(json: string): Payments {
  let payments = read.get(json);
  if (!payments) {
    payments = deepFreeze(readPayments(json));
    if (read.size >= MAX_READ) read.delete(read.keys().next().value!);
    read.set(json, payments);
  }
  return payments;
}

const read = new Map<string, Payments>();
const MAX_READ = 500;

function readPayments(json: string): Payments {
  try {
    const parsed = paymentsSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data as Payments;
  } catch {
    /* fall through to defaults */
  }
  return paymentsSchema.parse({}) as Payments;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The settings form's flat name of a method's text: jazzcash + title = jazzcashTitle. */
export const fieldName = (id: string, key: string) => `${id}${key[0]!.toUpperCase()}${key.slice(1)}`;

export interface PaymentOption {
  method: PaymentMethod;
  /** The account a transfer goes to; null for cash on delivery. */
  account: AccountRow[] | null;
  /** The image the seller uploaded for it (Raast's QR), and its alt text's key; null when none. */
  image?: { stored: StoredImage; alt: MessageKey } | null;
  /** The line under its name at checkout (its method's checkoutHint). */
  hint?: MessageKey;
}

/**
 * Enabled methods in the registry's order; one that cannot be offered (an account without its
 * number, a gateway whose credentials the shop has not saved: `providers`, from the cached shop
 * record) is not.
 */
export function paymentOptions(p: Payments, providers: readonly string[] = []): PaymentOption[] {
  const out: PaymentOption[] = [];
  for (const m of METHODS) {
    const s = p[m.id];
    if (!s?.enabled) continue;
    if (m.provider && !providers.includes(m.provider)) continue;
    const account = m.account(s);
    const stored = m.image ? parsePacked(String(s[m.image.key] ?? "") || null) : null;
    if (account) out.push({ method: m.id, account: account.length ? account : null, image: stored && m.image ? { stored, alt: m.image.alt } : null, hint: m.checkoutHint });
  }
  return out;
}
