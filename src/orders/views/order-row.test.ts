/**
 * The orders list keeps each row's markup in the isolate (keptOrderRow, src/ui/html.ts
 * KeptFragments) and writes it again only when something it is made of changed. This holds the
 * kept row to a freshly written one (orderRow) for rows of every kind, and after changing each
 * value of a row, her language, the list's path, the clock and the shop's hours: a row kept past
 * a change it shows would read differently from the fresh one.
 */
import { describe, expect, it } from "vitest";
import { messages, type Locale } from "../../i18n";
import { CONFIRMATIONS, ORDER_STATUSES } from "../../db/schema";
import { PAYMENT_METHODS } from "../../payments";
import { PAYMENT_STATES } from "../../payments/states";
import type { ConfirmClock } from "../confirmation";
import type { OrderPage } from "../list";
import { keptOrderRow, orderRow } from "./OrdersListPage";

type Row = OrderPage["rows"][number];
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 2, 9, 41, 7, 250);
const BASE = "/admin/ayesha-boutique/orders";

const row = (over: Partial<Row> = {}): Row => ({
  id: 104_233,
  number: 1_042,
  status: "new",
  customerName: "ہاتھ سے کڑھائی والا شیفون کا کرتا خریدنے والی عائشہ صدیقی",
  customerPhone: "+923001234567",
  city: "راولپنڈی",
  total: 1_275_000,
  currency: "PKR",
  paymentMethod: "cod",
  paymentState: "unpaid",
  confirmation: "awaiting",
  createdAt: NOW - 5 * HOUR - 17_123,
  customerOrders: 4,
  customerCancelled: 1,
  customerReturned: 0,
  ...over,
});

/** Another value for each of a row's fields (a field added to the list's read must be named here). */
const CHANGED: { [K in keyof Row]-?: (r: Row) => Row[K] } = {
  id: (r) => r.id + 1,
  number: (r) => r.number + 1,
  status: (r) => (r.status === "new" ? "confirmed" : "new"),
  customerName: (r) => `${r.customerName} <b>& Sons</b>`,
  customerPhone: () => "+923211234567",
  city: (r) => (r.city === "Lahore" ? "Karachi" : "Lahore"),
  total: (r) => r.total + 100,
  currency: (r) => (r.currency === "PKR" ? "USD" : "PKR"),
  paymentMethod: (r) => PAYMENT_METHODS.find((p) => p !== r.paymentMethod)!,
  paymentState: (r) => PAYMENT_STATES.find((p) => p !== r.paymentState)!,
  confirmation: (r) => CONFIRMATIONS.find((c) => c !== r.confirmation)!,
  createdAt: (r) => r.createdAt - 61_000,
  customerOrders: (r) => (r.customerOrders ?? 0) + 1,
  customerCancelled: (r) => (r.customerCancelled ?? 0) + 1,
  customerReturned: (r) => (r.customerReturned ?? 0) + 1,
};

const fresh = (r: Row, locale: Locale, clock: ConfirmClock, base = BASE) => orderRow(r, base, messages(locale), clock).markup;
const kept = (r: Row, locale: Locale, clock: ConfirmClock, base = BASE) => keptOrderRow(r, base, messages(locale), clock).markup;

/** Rows of every status, payment, confirmation and history, in both languages' texts and a hostile one. */
const ROWS: Row[] = [
  ...ORDER_STATUSES.map((status, i) => row({ id: 200 + i, status })),
  ...PAYMENT_METHODS.map((paymentMethod, i) => row({ id: 300 + i, paymentMethod, paymentState: PAYMENT_STATES[i % PAYMENT_STATES.length]! })),
  ...CONFIRMATIONS.map((confirmation, i) => row({ id: 400 + i, confirmation })),
  row({ id: 500, customerOrders: null, customerCancelled: null, customerReturned: null }),
  row({ id: 501, customerName: `<script>alert("x")</script> & Sons`, city: "Lahore", status: "returned", customerReturned: 2 }),
  row({ id: 502, customerName: "Mehwish Khan", city: "Lahore", createdAt: NOW - 30 * HOUR }),
];

describe("orders list: kept rows", () => {
  it("writes each kind of row exactly as a fresh one, the first time and when kept", () => {
    const clock = { hours: 24, now: NOW };
    for (const locale of ["en", "ur"] as const) {
      for (const r of ROWS) {
        expect(kept(r, locale, clock)).toBe(fresh(r, locale, clock));
        expect(kept(r, locale, clock)).toBe(fresh(r, locale, clock));
      }
    }
  });

  it("writes a row again when any of its values changes", () => {
    const clock = { hours: 24, now: NOW };
    for (const locale of ["en", "ur"] as const) {
      for (const [field, change] of Object.entries(CHANGED) as [keyof Row, (r: Row) => never][]) {
        const before = row({ id: 600, status: "new", confirmation: "awaiting" });
        kept(before, locale, clock);
        const after = { ...before, [field]: change(before) };
        expect(kept(after, locale, clock), `${locale} ${field}`).toBe(fresh(after, locale, clock));
      }
    }
    // The check can fail: a change the row shows makes other markup.
    const r = row({ id: 601 });
    expect(fresh({ ...r, customerName: "Mehwish Khan" }, "en", clock)).not.toBe(fresh(r, "en", clock));
  });

  it("writes a row again in her other language and for another shop's list", () => {
    const clock = { hours: 24, now: NOW };
    const r = row({ id: 700 });
    const en = kept(r, "en", clock);
    expect(kept(r, "ur", clock)).toBe(fresh(r, "ur", clock));
    expect(kept(r, "ur", clock)).not.toBe(en);
    expect(kept(r, "en", clock, "/admin/mahnoor-kitchen/orders")).toBe(fresh(r, "en", clock, "/admin/mahnoor-kitchen/orders"));
    expect(kept(r, "en", clock, "/admin/mahnoor-kitchen/orders")).toContain('href="/admin/mahnoor-kitchen/orders/700"');
  });

  it("flags an order once it waited the shop's hours, and names the hours it waited", () => {
    const r = row({ id: 800, status: "new", confirmation: "awaiting", createdAt: NOW - 24 * HOUR + 1_000 });
    for (const locale of ["en", "ur"] as const) {
      const waiting = kept(r, locale, { hours: 24, now: NOW });
      expect(waiting).toBe(fresh(r, locale, { hours: 24, now: NOW }));
      expect(waiting).toContain("cf-awaiting");
      // A second later the same order is late: the clock, not the order, changed.
      const late = kept(r, locale, { hours: 24, now: NOW + 1_000 });
      expect(late).toBe(fresh(r, locale, { hours: 24, now: NOW + 1_000 }));
      expect(late).toContain("cf-late");
      // The shop's hours are named in the late mark: 12 hours, not 24.
      expect(kept(r, locale, { hours: 12, now: NOW + 1_000 })).toBe(fresh(r, locale, { hours: 12, now: NOW + 1_000 }));
    }
  });
});
