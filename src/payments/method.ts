/**
 * What a payment method is (the registry's contract): its id and kind, the settings the seller fills
 * in (a zod object whose caps are declared there, once), what the checkout and the customer's order
 * page show (the account she pays into, as rows), whether she sends proof of her transfer, and, for
 * a gateway, the redirect after the order is placed.
 */
import { z } from "zod";
import type { MessageKey } from "../i18n";
import { optionalText } from "../lib/form-fields";

/** cash on delivery; a transfer into the seller's own account (she checks it by hand); a hosted checkout. */
type PaymentKind = "cod" | "manual" | "gateway";

/** A text the seller fills in for a method: its label, its direction, and the message when it is required and blank. */
interface SettingField {
  label: MessageKey;
  dir: "ltr" | "auto";
  /** Set when the method cannot be offered without it. */
  required?: MessageKey;
  /** The phone's keyboard and what the browser may fill in (every field says both). */
  inputMode: "text" | "tel";
  autoComplete: "off" | "name" | "organization" | "tel";
}

/** One line of the account the customer pays into: what it is, and the seller's value. */
export interface AccountRow {
  label: MessageKey;
  value: string;
}

/** A method's stored settings (shops.payments[id]): on or off, and the texts the seller typed. */
export type MethodSettings = { enabled: boolean } & Record<string, string | boolean>;

/** What a gateway needs of a placed order to send the customer to its hosted checkout: the order's page token. */
interface PlacedOrder {
  token: string;
}

export interface PaymentMethodDef<Id extends string = string> {
  id: Id;
  kind: PaymentKind;
  /** Where it stands among the checkout's choices (cash on delivery first). */
  position: number;
  /** The settings form's texts of this method (flat fields `<id><Key>`), each with its cap. */
  form: z.ZodObject<Record<string, z.ZodType<string, string | undefined>>>;
  /** Labels and checks of the form's texts, in the order the seller sees them. */
  fields: Record<string, SettingField>;
  /** Whether a new shop offers it before the seller says (cash on delivery does). */
  enabledByDefault: boolean;
  /** The account shown at checkout and on the order page; null when the method cannot be offered (no account number). */
  account(settings: MethodSettings): AccountRow[] | null;
  /**
   * An image the seller may upload for it (Raast's QR code): checked by its bytes and stored like a
   * photo (src/media), kept packed ("key|widths|width|height|format|") in its settings under `key`,
   * shown beside the account at checkout and on the order page.
   */
  image?: { key: string; label: MessageKey; alt: MessageKey };
  /** Manual methods: the customer uploads a screenshot of her transfer and types its ID. */
  takesProof: boolean;
  /** The line under its name at checkout (what happens next: the rider, a transfer, the gateway's page). */
  checkoutHint: MessageKey;
  /**
   * Gateways only: whose saved credentials (src/credentials, the shop record's `providers`) it
   * needs to be offered, and where the customer goes once the order is placed (the gateway's
   * start route, src/gateways/routes.tsx, posted to with a 307 so it stays a same-origin POST).
   * Manual methods and cash on delivery have neither; the order page follows.
   */
  provider?: string;
  afterPlace?: (order: PlacedOrder) => string;
}

/** The stored settings' schema of a method: `enabled` and each text, read leniently (old JSON keeps working). */
export const storedSchema = (m: PaymentMethodDef) =>
  z.object({
    enabled: z.boolean().default(m.enabledByDefault),
    ...Object.fromEntries([...Object.keys(m.fields), ...(m.image ? [m.image.key] : [])].map((k) => [k, z.string().default("")])),
  });

/** Caps of the account fields every account method shares. */
const ACCOUNT_TITLE_MAX = 100;
const ACCOUNT_NUMBER_MAX = 60;

/**
 * A method the customer pays into the seller's own account (a wallet, a bank, Raast): the account's
 * title and number (and its bank's name when `bank`), shown at checkout; she sends proof after.
 */
export function accountMethod<Id extends string>(
  id: Id,
  o: {
    position: number;
    numberLabel: MessageKey;
    checkoutLabel?: MessageKey;
    bank?: boolean;
    /** The account number is a mobile number (a wallet's): the phone keypad, and her number to fill in. */
    mobile?: boolean;
    image?: PaymentMethodDef["image"];
  },
): PaymentMethodDef<Id> {
  const text = {
    ...(o.bank ? { bank: optionalText(100) } : {}),
    title: optionalText(ACCOUNT_TITLE_MAX),
    number: optionalText(ACCOUNT_NUMBER_MAX),
  };
  const fields: Record<string, SettingField> = {
    ...(o.bank ? { bank: { label: "payments.bankName", dir: "auto", required: "payments.bankRequired", inputMode: "text", autoComplete: "organization" } } : {}),
    title: { label: "payments.accountTitle", dir: "auto", required: "payments.titleRequired", inputMode: "text", autoComplete: "name" },
    number: o.mobile
      ? { label: o.numberLabel, dir: "ltr", required: "payments.numberRequired", inputMode: "tel", autoComplete: "tel" }
      : { label: o.numberLabel, dir: "ltr", required: "payments.numberRequired", inputMode: "text", autoComplete: "off" },
  } satisfies Record<string, SettingField>;
  return {
    id,
    kind: "manual",
    position: o.position,
    form: z.object(text),
    fields,
    enabledByDefault: false,
    takesProof: true,
    checkoutHint: "checkout.pay.transferHint",
    ...(o.image ? { image: o.image } : {}),
    account: (s) => {
      const v = (k: string) => (typeof s[k] === "string" ? (s[k] as string) : "");
      if (!v("number").trim()) return null;
      const rows: AccountRow[] = [];
      if (o.bank && v("bank")) rows.push({ label: "checkout.account.bank", value: v("bank") });
      if (v("title")) rows.push({ label: "checkout.account.title", value: v("title") });
      rows.push({ label: o.checkoutLabel ?? "checkout.account.number", value: v("number") });
      return rows;
    },
  };
}

/**
 * A hosted checkout (JazzCash's, Easypaisa's): nothing to fill in here (its credentials are sealed
 * on /admin/:shop/gateways), offered once they are saved and while the seller keeps it on; after
 * "Place order" the customer is sent to the gateway's start route for `provider`.
 */
export function gatewayMethod<Id extends string>(id: Id, o: { position: number; provider: string; checkoutHint: MessageKey }): PaymentMethodDef<Id> {
  return {
    id,
    kind: "gateway",
    position: o.position,
    form: z.object({}),
    fields: {},
    // Saving the gateway's credentials is the seller's yes; she may turn it off in Payments.
    enabledByDefault: true,
    takesProof: false,
    checkoutHint: o.checkoutHint,
    provider: o.provider,
    afterPlace: (order) => `/pay/${o.provider}/${order.token}`,
    account: () => [],
  };
}
