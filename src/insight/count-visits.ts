/**
 * What is selling: the storefront's visits, counted without costing a page a D1 round trip, and
 * the seller's 30-day report (visits, orders, conversion, revenue, average order, top products,
 * sources) on the dashboard.
 *
 * This file: the storefront middleware. After the page is made (a cached page included: it
 * wraps the page cache and changes no header, so cached pages stay cached), a page view of a
 * person (GET, 200, HTML, not a bot by its user agent, not a prefetch, not the order status
 * page) that arrives from outside the shop is a visit: it is added to the isolate's tally
 * (src/insight/tally.ts) and, when the tally is due, flushed in the background
 * (`waitUntil`) as one upsert. Where the optional Analytics Engine binding VISITS is set, each
 * visit is also written there as a data point (no round trip: the runtime sends it after).
 */
import type { Context, MiddlewareHandler } from "hono";
import { createDb, type Db } from "../db/client";
import type { AppEnv } from "../env";
import { karachiDate } from "../orders/dates";
import { visitSource } from "./sources";
import type { VisitTally } from "./tally";
import { addVisits } from "./visits";

/** User agents of machines: crawlers, link previews (WhatsApp's and Facebook's included), tools, monitors. Empty is a machine too. */
const MACHINE = /bot|crawl|spider|slurp|archiver|facebookexternalhit|facebookcatalog|whatsapp\/|telegram|skype|discord|preview|headless|lighthouse|pagespeed|curl|wget|python|java\/|go-http|okhttp|node-fetch|undici|axios|postman|monitor|uptime|pingdom|^$/i;

/** Whether a request is a person opening a page (not a machine, not a prefetch or prerender, not a script's fetch). */
export function isPageView(headers: Headers): boolean {
  if (MACHINE.test(headers.get("user-agent") ?? "")) return false;
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""} ${headers.get("x-purpose") ?? ""} ${headers.get("x-moz") ?? ""}`;
  if (/prefetch|prerender|preview/i.test(purpose)) return false;
  const dest = headers.get("sec-fetch-dest");
  return dest === null || dest === "document";
}

async function flush(db: Db, tally: VisitTally, now: number): Promise<void> {
  const rows = tally.take();
  try {
    await addVisits(db, rows);
  } catch (err) {
    tally.restore(rows, now);
    console.warn("visits: flush failed, kept for the next one", err);
  }
}

/** Runs `work` after the response: waitUntil where the runtime gives one (app.request() in a test gives none). */
function background(c: Context, work: Promise<void>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    void work;
  }
}

/** Counts the storefront's visits into `tally`; mounted after the shop is loaded. */
export function countVisits({ tally }: { tally: VisitTally }): MiddlewareHandler<AppEnv> {
  return async function visitCounter(c, next) {
    await next();
    if (c.req.method !== "GET" || c.res.status !== 200 || !c.res.headers.get("content-type")?.startsWith("text/html")) return;
    const url = new URL(c.req.url);
    if (url.pathname.startsWith("/orders/") || !isPageView(c.req.raw.headers)) return;
    const source = visitSource(c.req.header("referer"), url.searchParams.get("utm_source") ?? undefined, url.hostname);
    if (!source) return;
    const now = Date.now();
    const shopId = c.get("shop").id;
    const day = karachiDate(now);
    c.env.VISITS?.writeDataPoint({ indexes: [String(shopId)], blobs: [day, source, url.pathname], doubles: [1] });
    // The page's own D1 binding is metered (Server-Timing): the flush is not this page's work.
    if (tally.record(shopId, day, source, now)) background(c, flush(createDb(c.env.DB), tally, now));
  };
}
