/**
 * Checkout intents: a customer who typed her phone at checkout, recorded so that the seller can
 * remind her when she has not ordered within an hour (src/recovery/abandoned.ts). One row per
 * shop and phone, updated when she comes back; kept 30 days after it was last updated, then
 * deleted by the cron's sweep. No HTTP here: the routes (./routes.tsx) and checkout's refusal
 * path call recordIntent.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { hitStatement, readHit, RULES, windowStart } from "../auth/rate-limit";
import { encodeCart, type CartLine } from "../checkout/cart";
import { checkoutSchema } from "../checkout/schemas";
import type { Db, Scope } from "../db/client";
import { insertWhere } from "../db/capped";
import { checkoutIntents, orders } from "../db/schema";
import { ph, runTemplates, template, templates } from "../db/template";
import type { Locale } from "../i18n";
import { randomToken } from "../lib/bytes";
import { caps, optionalText } from "../lib/form-fields";

/** Entered phone numbers are kept this long after she last entered one, then deleted. */
export const INTENT_KEEP_MS = 30 * 24 * 3600_000;
/** An intent is shown to the seller once she has not ordered for this long. */
export const ABANDONED_AFTER_MS = 60 * 60_000;
/**
 * An order placed up to this long before an intent still counts as placed after it: the
 * script's beacon, sent as she leaves the phone field, may reach the Worker after the order
 * her very next tap placed (and after the trigger that marks intents ordered has run).
 */
const ORDER_GRACE_MS = 10 * 60_000;

/**
 * What the checkout page's script posts (and what a refused checkout holds): the checkout
 * form's own phone field, and its name, optional here. Their caps are the checkout form's.
 */
let schema: z.ZodType<{ phone: string; name: string }> | undefined;
/** Made on first use: reading the checkout form's caps walks its JSON Schema, not work for every isolate's start. */
const intentSchema = () =>
  (schema ??= z.object({
    phone: checkoutSchema.shape.phone,
    name: optionalText(caps(checkoutSchema).name!, "checkout.error.tooLong"),
  }));

export interface IntentInput {
  /** As posted: checked with intentSchema here. */
  phone: string | undefined;
  name: string | undefined;
  lines: readonly CartLine[];
  locale: Locale;
}

export type Recorded = "recorded" | "invalid" | "empty" | "limited";

const notRateLimited = sql`(SELECT count FROM rate_limits WHERE key = ${ph("rateKey")}) <= CAST(${ph("limit")} AS INTEGER)`;
const v = (name: string) => sql`${ph(name)}`;
const excluded = (column: string) => sql`excluded.${sql.identifier(column)}`;

/**
 * The upsert of (shop, phone). A new episode (her last intent was ordered, or past its keeping
 * time) takes a new token and creation time and forgets the reminder; otherwise her restore
 * link keeps working and only the cart, name (when typed), locale and times move. The order
 * floor is the shop's last order placed ORDER_GRACE_MS before now (orders_shop_created_idx,
 * covering). "limited": written only while the IP's rate_limits row, counted earlier in the
 * same batch, is within the rule.
 */
const upsertIntent = templates((db, kind: "free" | "limited") => {
  const i = checkoutIntents;
  const fresh = sql`(${i.orderedAt} IS NOT NULL OR ${i.updatedAt} < ${ph("expiredBefore")})`;
  const floor = sql`COALESCE((SELECT ${orders.id} FROM ${orders} WHERE ${orders.shopId} = ${ph("shopId")} AND ${orders.createdAt} < ${ph("floorBefore")} ORDER BY ${orders.createdAt} DESC LIMIT 1), 0)`;
  const row = { shopId: v("shopId"), phone: v("phone"), name: v("name"), cart: v("cart"), locale: v("locale"), token: v("token"), orderFloor: floor, createdAt: v("now"), updatedAt: v("now") };
  return insertWhere(db as unknown as Db, i, row, kind === "limited" ? notRateLimited : sql`1`)
    .onConflictDoUpdate({
      target: [i.shopId, i.phone],
      set: {
        name: sql`CASE WHEN ${excluded("name")} <> '' THEN ${excluded("name")} WHEN ${fresh} THEN '' ELSE ${i.name} END`,
        cart: excluded("cart"),
        locale: excluded("locale"),
        orderFloor: excluded("order_floor"),
        updatedAt: excluded("updated_at"),
        token: sql`CASE WHEN ${fresh} THEN ${excluded("token")} ELSE ${i.token} END`,
        createdAt: sql`CASE WHEN ${fresh} THEN ${excluded("created_at")} ELSE ${i.createdAt} END`,
        remindedAt: sql`CASE WHEN ${fresh} THEN NULL ELSE ${i.remindedAt} END`,
        orderedAt: sql`NULL`,
      },
    })
    .returning({ token: i.token });
});

/** The intent endpoint's rate-limit hit (RULES.intentIp), run in the upsert's batch. */
const intentHit = template((db) => hitStatement(db as unknown as Db, ph("rateKey"), ph("start")));

/**
 * Records (or updates) her intent: nothing when the phone is not a mobile number, a field is past
 * its cap, or the cart is empty. With `ip` (the script's endpoint) the IP's hit is counted in the
 * same round trip and the intent written only within RULES.intentIp; without it (a refused
 * checkout, already counted by checkout's own limit) it is written as is.
 */
export async function recordIntent({ db, shopId }: Scope, input: IntentInput, opts: { ip?: string; now?: number } = {}): Promise<Recorded> {
  const form = intentSchema().safeParse({ phone: input.phone ?? "", name: input.name ?? "" });
  if (!form.success) return "invalid";
  if (input.lines.length === 0) return "empty";
  const now = opts.now ?? Date.now();
  const values = {
    shopId,
    phone: form.data.phone,
    name: form.data.name,
    cart: encodeCart(input.lines),
    locale: input.locale,
    token: randomToken(18),
    now,
    floorBefore: now - ORDER_GRACE_MS,
    expiredBefore: now - INTENT_KEEP_MS,
  };
  if (opts.ip === undefined) {
    await runTemplates(db, [upsertIntent("free").bind(values)]);
    return "recorded";
  }
  const rule = RULES.intentIp;
  const rateKey = `intent:ip:${opts.ip}`;
  const [hit] = await runTemplates(db, [intentHit.bind({ rateKey, start: windowStart(rule, now) }), upsertIntent("limited").bind({ ...values, rateKey, limit: rule.limit })]);
  return readHit(hit, rule, now).limited ? "limited" : "recorded";
}

/** Intents one chunk of the sweep deletes, and the chunks one cron run may take. */
const SWEEP_CHUNK = 500;
const SWEEP_CHUNKS = 4;

const sweepChunk = template((db) =>
  db
    .delete(checkoutIntents)
    .where(sql`${checkoutIntents.id} IN (SELECT ${checkoutIntents.id} FROM ${checkoutIntents} WHERE ${checkoutIntents.updatedAt} < ${ph("before")} ORDER BY ${checkoutIntents.updatedAt} LIMIT ${SWEEP_CHUNK})`)
    .returning({ id: checkoutIntents.id }),
);

/**
 * The cron's sweep over every shop: intents last updated more than INTENT_KEEP_MS ago are
 * deleted, oldest first, SWEEP_CHUNK at a time and at most SWEEP_CHUNKS chunks a run (the
 * rest wait for the next run, five minutes later). Returns how many went.
 */
export async function sweepIntents(db: Db, now = Date.now()): Promise<number> {
  let swept = 0;
  for (let i = 0; i < SWEEP_CHUNKS; i++) {
    const [gone] = await runTemplates(db, [sweepChunk.bind({ before: now - INTENT_KEEP_MS })]);
    swept += gone.length;
    if (gone.length < SWEEP_CHUNK) break;
  }
  return swept;
}
