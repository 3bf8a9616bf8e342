/**
 * What is selling: storefront visits per shop, Karachi day and source, counted in the isolate
 * and added here in one upsert now and then (src/insight/). One row a (shop, day, source): at
 * most six a shop a day.
 */
import { sql } from "drizzle-orm";
import { check, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SOURCES } from "../../insight/sources";
import { shopId } from "./platform";

export const shopVisits = sqliteTable(
  "shop_visits",
  {
    shopId: shopId(),
    /** "YYYY-MM-DD", the Karachi calendar day. */
    day: text("day").notNull(),
    source: text("source", { enum: SOURCES }).notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.day, t.source] }), check("shop_visits_n_nonneg", sql`${t.n} >= 0`)],
);
