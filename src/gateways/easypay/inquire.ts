/**
 * Easypaisa's transaction inquiry, the ONLY thing that settles an Easypaisa payment (its postback
 * is not signed): asked from the queue consumer (the customer came back: jobs.ts) and from the
 * cron (her return never came: cron.ts), never in a request. An answer is believed when it is
 * Easypay's success code for OUR order reference, store and amount; then the attempt is settled
 * through settleGatewayPayment, as JazzCash's are.
 */
import type { Db } from "../../db/client";
import { callProvider } from "../../messages/http";
import { settleGatewayPayment } from "../attempts";
import { easypayAccount, easypayApiBase, type GatewaysEnv } from "../config";
import { inquiryRequest, outcomeOf, paisaOf, PATHS, PROVIDER, trimmedResponse } from "./fields";

export interface EasypayAttempt {
  id: number;
  shopId: number;
  txnRef: string;
  amount: number;
}

/**
 * What asking came to: "settled" (paid or failed; `messages` the outbox rows to enqueue),
 * "pending" (the gateway says not yet), or "unanswered" (no answer we can believe: a timeout,
 * an error, an unknown order, another store or amount): the caller asks again later.
 */
export type Inquired = { result: "settled"; messages: number[] } | { result: "pending" | "unanswered" };

export async function inquireEasypay(db: Db, env: GatewaysEnv, a: EasypayAttempt, timeoutMs: number): Promise<Inquired> {
  const scope = { db, shopId: a.shopId };
  const acc = await easypayAccount(scope, env);
  const base = acc && easypayApiBase(env, acc.mode);
  if (!acc || !base) return { result: "unanswered" };
  const call = await callProvider(`${base}${PATHS.inquiry}`, inquiryRequest(acc.creds, a.txnRef), { timeoutMs });
  if (!call.ok || call.response.status !== 200 || typeof call.response.json !== "object" || call.response.json === null) return { result: "unanswered" };
  const answer = call.response.json as Record<string, unknown>;
  if (answer.responseCode !== "0000" || answer.orderId !== a.txnRef || String(answer.storeId ?? "") !== acc.creds.storeId) return { result: "unanswered" };
  const status = typeof answer.transactionStatus === "string" ? answer.transactionStatus : "";
  const outcome = outcomeOf(status);
  // Paid for another amount is not this order paid.
  if (outcome === "paid" && paisaOf(answer.transactionAmount) !== a.amount) return { result: "unanswered" };
  const settled = await settleGatewayPayment(scope, a.id, { outcome, code: status.slice(0, 20), response: trimmedResponse(answer), provider: PROVIDER, txnRef: a.txnRef });
  if (outcome === "pending") return { result: "pending" };
  return { result: "settled", messages: settled.settled ? settled.messages : [] };
}
