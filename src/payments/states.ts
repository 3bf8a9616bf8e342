/**
 * An order's payment state, apart from its fulfilment status: unpaid (cash on delivery, or a
 * gateway not yet paid), awaiting_proof (a transfer: the customer is to send her screenshot),
 * proof_sent, paid, refunded. Each change is one guarded batch with its order event
 * (src/orders/payment.ts); the order's INSERT sets the first state from its method (`stateOnPlace`).
 */
import { sql, type SQL } from "drizzle-orm";
import { METHODS } from ".";

export const PAYMENT_STATES = ["unpaid", "awaiting_proof", "proof_sent", "paid", "refunded"] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export const isPaymentState = (s: unknown): s is PaymentState => (PAYMENT_STATES as readonly unknown[]).includes(s);

/** The seller's and the customer's moves, each from the states it may leave. */
export const PAYMENT_MOVES = {
  /** The seller: "Payment received". */
  received: { from: ["unpaid", "awaiting_proof", "proof_sent"], to: "paid" },
  /** The seller: "Not received" (the proof did not match her account). */
  notReceived: { from: ["proof_sent"], to: "awaiting_proof" },
  /** The seller: the money went back. */
  refunded: { from: ["paid"], to: "refunded" },
  /** The customer: her screenshot and transaction ID (again, to correct them, while unseen). */
  proofSent: { from: ["awaiting_proof", "proof_sent"], to: "proof_sent" },
} as const satisfies Record<string, { from: readonly PaymentState[]; to: PaymentState }>;
export type PaymentMove = keyof typeof PAYMENT_MOVES;

/** States as an SQL list, for `payment_state IN (...)` (the states are this file's constants, never input). */
export const statesSql = (states: readonly PaymentState[]) => sql.raw(states.map((s) => `'${s}'`).join(", "));

export const mayMove = (move: PaymentMove, state: PaymentState) => (PAYMENT_MOVES[move].from as readonly PaymentState[]).includes(state);

/** The state an order starts in, as SQL over its method's id (the registry's methods that take proof await it). */
export const stateOnPlace = (method: SQL | ReturnType<typeof sql.placeholder>): SQL => {
  const proof = METHODS.filter((m) => m.takesProof && /^[a-z_]+$/.test(m.id)).map((m) => `'${m.id}'`);
  return sql`CASE WHEN ${method} IN (${sql.raw(proof.join(", ") || "NULL")}) THEN 'awaiting_proof' ELSE 'unpaid' END`;
};

/** The old pending|paid column, kept in step for what still reads it. */
export const legacyStatus = (s: PaymentState) => (s === "paid" ? "paid" : "pending");
