/**
 * Visits in D1: a tally's rows added in ONE statement (however many rows: they travel as one
 * JSON parameter, so the 100-parameter limit never applies), and the days since a date read
 * back for the dashboard over the table's primary key.
 */
import { and, eq, gte } from "drizzle-orm";
import type { Db } from "../db/client";
import { shopVisits } from "../db/schema";
import { ph, template, type Builder } from "../db/template";
import type { FromArg, ShopArg } from "../orders/stats";
import type { TallyRow } from "./tally";
import { notMovingSql } from "../shards/frozen";

/**
 * Adds each row's visits to its (shop, day, source). Rows of a shop that no longer exists are
 * skipped (the join), and so are a shop's being moved to another shard (src/shards/frozen.ts), so
 * one shop never loses the others' counts.
 */
const ADD_VISITS = `INSERT INTO shop_visits (shop_id, day, source, n)
  SELECT s.id, json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]')
  FROM json_each(?) j JOIN shops s ON s.id = json_extract(j.value, '$[0]')
  WHERE ${notMovingSql("s.id")}
  ON CONFLICT (shop_id, day, source) DO UPDATE SET n = n + excluded.n`;

/** One D1 round trip of one statement. */
export async function addVisits(db: Db, rows: readonly TallyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => [r.shopId, r.day, r.source, r.n]));
  await db.$client.prepare(ADD_VISITS).bind(json).run();
}

/** A shop's visit rows from a Karachi day on ("YYYY-MM-DD"): at most six a day. */
export const visitsSinceQuery = (db: Builder, shop: ShopArg, from: FromArg<string>) =>
  db
    .select({ day: shopVisits.day, source: shopVisits.source, n: shopVisits.n })
    .from(shopVisits)
    .where(and(eq(shopVisits.shopId, shop), gte(shopVisits.day, from)));
export const visitsSince = template((db) => visitsSinceQuery(db, ph("shopId"), ph("from")));
