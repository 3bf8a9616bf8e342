/**
 * The Cron Trigger's status inquiry (src/messages/queue.ts `scheduled` calls it): a payment whose
 * return never came (the customer closed the tab, the network dropped) is asked about with
 * JazzCash's Status Inquiry API, or Easypaisa's transaction inquiry (easypay/inquire.ts), once it
 * is a few minutes old, and settled from the answer the
 * same way a return is (attempts.ts). Batched and capped: at most INQUIRIES_A_RUN attempts a run,
 * the longest unasked first, each call with a timeout; an attempt is asked until its transaction
 * expires. Never in a customer's or seller's request.
 */
import { createDb, type Db } from "../db/client";
import { callProvider } from "../messages/http";
import { enqueue } from "../messages/outbox";
import { pendingAttempts, settleGatewayPayment } from "./attempts";
import { jazzcashAccount, type GatewayBindings } from "./config";
import { hashMatches } from "./jazzcash/hash";
import { EXPIRY_MS, inquiryBody, outcomeOf, PATHS, PROVIDER, trimmedResponse } from "./jazzcash/fields";
import { inquireEasypay } from "./easypay/inquire";
import { PROVIDER as EASYPAY } from "./easypay/fields";

/** An attempt is asked about once it is this old (its return had time to come). */
const INQUIRE_AFTER_MS = 5 * 60_000;
/** At most this many inquiries a cron run (every 5 minutes): JazzCash's API is not for bulk. */
const INQUIRIES_A_RUN = 20;
const TIMEOUT_MS = 10_000;

type Pending = Awaited<ReturnType<typeof pendingAttempts>>[number];

/** Asks about one attempt; its verified answer settles it. Returns the outbox rows to enqueue. */
async function inquire(db: Db, env: GatewayBindings, a: Pending, accounts: Map<number, ReturnType<typeof jazzcashAccount>>, timeoutMs: number): Promise<number[]> {
  const scope = { db, shopId: a.shopId };
  let account = accounts.get(a.shopId);
  if (!account) accounts.set(a.shopId, (account = jazzcashAccount(scope, env)));
  const acc = await account;
  if (!acc) return [];
  const call = await callProvider(
    `${acc.base}${PATHS.inquiry}`,
    { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(await inquiryBody(acc.creds, a.txnRef)) },
    { timeoutMs },
  );
  // No answer, or not one we can believe: asked again at the next run.
  if (!call.ok || call.response.status !== 200 || typeof call.response.json !== "object" || call.response.json === null) return [];
  const answer = Object.fromEntries(Object.entries(call.response.json as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : String(v ?? "")]));
  if (answer.pp_ResponseCode !== "000" || !(await hashMatches(acc.creds.salt, answer))) return [];
  if (answer.pp_TxnRefNo !== a.txnRef) return [];
  const code = answer.pp_PaymentResponseCode ?? "";
  const result = await settleGatewayPayment(scope, a.id, { outcome: outcomeOf(code), code, response: trimmedResponse(answer), provider: PROVIDER, txnRef: a.txnRef });
  return result.settled ? result.messages : [];
}

/** Asks Easypaisa about one attempt; returns the outbox rows to enqueue. */
async function inquireEasypaisa(db: Db, env: GatewayBindings, a: Pending, timeoutMs: number): Promise<number[]> {
  const asked = await inquireEasypay(db, env, a, timeoutMs);
  return asked.result === "settled" ? asked.messages : [];
}

/** One cron run: the pending JazzCash and Easypaisa attempts due an inquiry, asked together; the alerts of those paid go on the queue. */
export async function inquirePendingPayments(env: GatewayBindings, now = Date.now(), timeoutMs = TIMEOUT_MS): Promise<void> {
  const db = createDb(env.DB);
  const due = (await pendingAttempts(db, now - INQUIRE_AFTER_MS, now - EXPIRY_MS - INQUIRE_AFTER_MS, INQUIRIES_A_RUN)).filter((a) => a.provider === PROVIDER || a.provider === EASYPAY);
  const accounts = new Map<number, ReturnType<typeof jazzcashAccount>>();
  const ask = (a: Pending) => (a.provider === EASYPAY ? inquireEasypaisa(db, env, a, timeoutMs) : inquire(db, env, a, accounts, timeoutMs));
  const settled = await Promise.all(due.map((a) => ask(a).catch(() => [])));
  await enqueue(env.MESSAGES, settled.flat());
}
