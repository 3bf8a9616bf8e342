/**
 * Push subscriptions of a shop's members: a phone subscribes (or moves to the member now logged in
 * on it), unsubscribes, and is listed for her. The cap is checked by the INSERT itself, so two
 * subscribes at once cannot pass it. Every query filters by the shop.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { pushSubscriptions } from "../db/schema";
import { PUSH_DEVICES_PER_MEMBER, type SubscribeInput } from "./schema";

export type SubscribeResult = "on" | "full";

/**
 * Stores this phone's subscription for the member in the shop: new, or the same endpoint's keys
 * renewed (and moved to her, if another member of the shop had it on this phone). "full" when she
 * has PUSH_DEVICES_PER_MEMBER other phones on already.
 */
export async function subscribe(db: Db, shopId: number, userId: number, sub: SubscribeInput, label: string): Promise<SubscribeResult> {
  const others = sql`(SELECT count(*) FROM ${pushSubscriptions} WHERE ${pushSubscriptions.shopId} = ${shopId} AND ${pushSubscriptions.userId} = ${userId} AND ${pushSubscriptions.endpoint} <> ${sub.endpoint})`;
  const rows = await db
    .insert(pushSubscriptions)
    .select(
      sql`SELECT NULL, ${shopId}, ${userId}, ${sub.endpoint}, ${sub.p256dh}, ${sub.auth}, ${label}, cast(unixepoch('subsec') * 1000 as integer) WHERE ${others} < ${PUSH_DEVICES_PER_MEMBER}`,
    )
    .onConflictDoUpdate({
      target: [pushSubscriptions.shopId, pushSubscriptions.endpoint],
      set: { userId: sql`excluded.user_id`, p256dh: sql`excluded.p256dh`, auth: sql`excluded.auth`, label: sql`excluded.label` },
    })
    .returning({ id: pushSubscriptions.id });
  return rows.length ? "on" : "full";
}

/** Turns this phone off for the member in the shop (another member's row on it is hers to turn off). */
export async function unsubscribe(db: Db, shopId: number, userId: number, endpoint: string): Promise<void> {
  await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.shopId, shopId), eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
}

/** "Android · Chrome": what the phone is, for her to recognise it; never more than 60 characters. */
export function deviceLabel(userAgent: string): string {
  const os = /iPhone|iPad/.test(userAgent)
    ? "iPhone"
    : /Android/.test(userAgent)
      ? "Android"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "Mac"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  const browser = /SamsungBrowser/.test(userAgent)
    ? "Samsung Internet"
    : /Edg\//.test(userAgent)
      ? "Edge"
      : /Firefox|FxiOS/.test(userAgent)
        ? "Firefox"
        : /Chrome|CriOS/.test(userAgent)
          ? "Chrome"
          : /Safari/.test(userAgent)
            ? "Safari"
            : "";
  return [os, browser].filter(Boolean).join(" · ").slice(0, 60);
}
