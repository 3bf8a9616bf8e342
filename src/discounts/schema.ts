/**
 * The discount form: every cap declared here once, on the raw input (so that
 * `z.toJSONSchema(schema, { io: "input" })` shows maxLength and maxItems, and the boundary suite
 * and the views read them from here), and what the fields mean together, checked in one place:
 * the form's values become a DiscountInput (paisa, instants, ids) or a message beside each field.
 */
import { z } from "zod";
import { DISCOUNT_KINDS, DISCOUNT_SCOPES } from "../db/schema";
import { checkbox, MONEY_CHARS } from "../lib/form-fields";
import { parseRupees } from "../lib/money";
import { CODE_MAX, normalizeCode } from "../pricing/code";
import type { Discount } from "../pricing/price";
import { asciiDigits } from "../lib/phone";
import { karachiDayStart } from "../orders/dates";
import { PRODUCT_SEARCH_MAX } from "../products/form";
import { ID_DIGITS, ID_SOURCE, idOf } from "../lib/ids";

/** A code's rule (3 to 24 letters, digits, - or _; saved upper-cased: case-insensitive) is the cart's: src/pricing/code.ts. */
export { CODE_MAX };
/** What the seller calls a discount (an automatic one's customers see it). */
export const TITLE_MAX = 80;
/** Products or collections one discount may apply to: the picker shows them all, the check is one query. */
export const MAX_TARGETS = 50;
/** Search results the picker shows besides the chosen ones. */
export const PICK_RESULTS = 20;
/** "100 %" with room. */
const PERCENT_CHARS = 6;
/** "1,000,000" in Latin or Urdu digits. */
const COUNT_CHARS = 9;
/** "2026-12-01" and "21:30", as date and time inputs post them. */
const DATE_CHARS = 10;
const TIME_CHARS = 5;
const ID_CHARS = ID_DIGITS;

/** The most a minimum quantity or a total of uses may be. */
const MAX_MIN_QUANTITY = 10_000;
const MAX_USES = 1_000_000;

export const DISCOUNT_MODES = ["code", "automatic"] as const;
const DISCOUNT_INTENTS = ["save", "search"] as const;

const text = (max: number) => z.string().max(max, "validation.tooLong").default("");
const ids = z.array(z.string().max(ID_CHARS, "validation.tooLong")).max(MAX_TARGETS, "discounts.error.tooManyTargets").default([]);
/** A radio group: what the form did not offer is refused beside it. */
const radio = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z.enum(values, { message: "validation.required" }).default(fallback);

/** The form as posted (raw strings and lists, each capped). */
export const discountFormSchema = z.object({
  mode: radio(DISCOUNT_MODES, "code"),
  code: text(CODE_MAX),
  title: text(TITLE_MAX),
  kind: radio(DISCOUNT_KINDS, "percent"),
  percent: text(PERCENT_CHARS),
  amount: text(MONEY_CHARS),
  scope: radio(DISCOUNT_SCOPES, "order"),
  product: ids,
  collection: ids,
  /** The picker's search (a button of this form, so what she typed elsewhere is kept). */
  q: text(PRODUCT_SEARCH_MAX),
  minSubtotal: text(MONEY_CHARS),
  minQuantity: text(COUNT_CHARS),
  startDate: text(DATE_CHARS),
  startTime: text(TIME_CHARS),
  endDate: text(DATE_CHARS),
  endTime: text(TIME_CHARS),
  maxUses: text(COUNT_CHARS),
  oncePerPhone: checkbox(),
  combines: checkbox(),
  active: checkbox(),
  intent: z.enum(DISCOUNT_INTENTS).optional().catch(undefined),
});
export type DiscountForm = z.infer<typeof discountFormSchema>;

/** A discount as the domain saves it (paisa, ms since the epoch, ids): the pricing rule's Discount, and whether it is on. */
export type DiscountInput = Omit<Discount, "id" | "uses" | "usedByPhone"> & { active: boolean };

/** A whole number typed with commas, spaces or Urdu digits; null when it is not one. */
function wholeNumber(s: string): number | null {
  const v = asciiDigits(s).replace(/[\s,]/g, "");
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

/** "21:30" -> minutes after midnight; null when it is not a time. */
function minutesOf(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(asciiDigits(s));
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** Posted id strings -> unique positive ids (anything else: null, refused beside the picker). */
function idList(list: string[]): number[] | null {
  const out = new Set<number>();
  for (const s of list) {
    const id = idOf(s);
    if (id === null) return null;
    out.add(id);
  }
  return [...out];
}

type Issue = [field: string, key: string];

/**
 * A Karachi date and time -> the instant; `end` without a time is the end of that day. Empty
 * both: null (open). Issues go beside the date or the time.
 */
function instantOf(date: string, time: string, end: boolean, field: "start" | "end", issues: Issue[]): number | null {
  const d = asciiDigits(date).trim();
  const t = time.trim();
  if (!d) {
    if (t) issues.push([`${field}Time`, "discounts.error.timeWithoutDate"]);
    return null;
  }
  const day = karachiDayStart(d);
  if (day === null) {
    issues.push([`${field}Date`, "discounts.error.date"]);
    return null;
  }
  if (!t) return end ? day + 86_400_000 : day;
  const minutes = minutesOf(t);
  if (minutes === null) {
    issues.push([`${field}Time`, "discounts.error.time"]);
    return null;
  }
  return day + minutes * 60_000;
}

/**
 * What the fields mean together: the DiscountInput, or one catalogue key per field. The ids are
 * only well-formed here: that they are this shop's is checked by the domain (ownTargets).
 */
export function toDiscountInput(f: DiscountForm): { ok: true; input: DiscountInput } | { ok: false; errors: Record<string, string> } {
  const issues: Issue[] = [];
  let code: string | null = null;
  const title = f.title.trim();
  if (f.mode === "code") {
    code = f.code.trim().toUpperCase();
    if (!code) issues.push(["code", "discounts.error.codeRequired"]);
    else if (normalizeCode(code) === null) issues.push(["code", "discounts.error.codeFormat"]);
  } else if (!title) issues.push(["title", "discounts.error.titleRequired"]);

  let value = 0;
  if (f.kind === "percent") {
    const n = wholeNumber(f.percent.replace(/[%٪]/g, ""));
    if (n === null || n < 1 || n > 100) issues.push(["percent", "discounts.error.percent"]);
    else value = n;
  } else if (f.kind === "amount") {
    const r = f.amount.trim() ? parseRupees(f.amount) : null;
    if (!r) issues.push(["amount", "discounts.error.amountRequired"]);
    else if (!r.ok) issues.push(["amount", r.error]);
    else if (r.minor === 0) issues.push(["amount", "discounts.error.amountRequired"]);
    else value = r.minor;
  }

  let targets: number[] = [];
  if (f.scope !== "order") {
    const field = f.scope === "products" ? "product" : "collection";
    const list = idList(f[field]);
    if (list === null) issues.push([field, "discounts.error.targetGone"]);
    else if (!list.length) issues.push([field, f.scope === "products" ? "discounts.error.pickProducts" : "discounts.error.pickCollections"]);
    else targets = list;
  }

  let minSubtotal = 0;
  if (f.minSubtotal.trim()) {
    const r = parseRupees(f.minSubtotal);
    if (!r.ok) issues.push(["minSubtotal", r.error]);
    else minSubtotal = r.minor;
  }
  let minQuantity = 0;
  if (f.minQuantity.trim()) {
    const n = wholeNumber(f.minQuantity);
    if (n === null || n > MAX_MIN_QUANTITY) issues.push(["minQuantity", "discounts.error.minQuantity"]);
    else minQuantity = n;
  }
  let maxUses: number | null = null;
  if (f.maxUses.trim()) {
    const n = wholeNumber(f.maxUses);
    if (n === null || n < 1 || n > MAX_USES) issues.push(["maxUses", "discounts.error.maxUses"]);
    else maxUses = n;
  }

  const startsAt = instantOf(f.startDate, f.startTime, false, "start", issues);
  const endsAt = instantOf(f.endDate, f.endTime, true, "end", issues);
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) issues.push([f.endTime.trim() ? "endTime" : "endDate", "discounts.error.endBeforeStart"]);

  if (issues.length) {
    const errors: Record<string, string> = {};
    for (const [field, key] of issues) errors[field] ??= key;
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: { code, title, kind: f.kind, value, scope: f.scope, targets, minSubtotal, minQuantity, startsAt, endsAt, maxUses, oncePerPhone: f.oncePerPhone, combines: f.combines, active: f.active },
  };
}

/** The list's query: a keyset cursor (ids below it, newest first). */
export const listQuerySchema = z.object({
  after: z
    .string()
    .max(ID_CHARS)
    .regex(new RegExp(`^${ID_SOURCE}$`))
    .transform(Number)
    .optional()
    .catch(undefined),
});

/** The on/off button of a row of the list. */
export const toggleSchema = z.object({ active: z.enum(["on", "off"]) });
