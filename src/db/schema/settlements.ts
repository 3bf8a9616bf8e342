/**
 * Settlements: a courier's remittance of the cash it collected, imported from its settlement CSV
 * (src/settlements). One row a file a shop imported: the file is known by its SHA-256, so the same
 * file imported twice is refused whole (the batch that marks its orders paid aborts on the unique
 * index) and marks nothing twice.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { shopId } from "./platform";

export const settlements = sqliteTable(
  "settlements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    /** A courier id from the registry (src/couriers/index.ts). */
    courier: text("courier").notNull(),
    /** The file's SHA-256 (hex): the same file twice is the same settlement. */
    fileHash: text("file_hash").notNull(),
    /** The file's name as the seller's phone sent it (her reference), capped. */
    fileName: text("file_name").notNull().default(""),
    /** Rows in the file, and the orders it marked paid with their cash on delivery (paisa). */
    rows: integer("rows").notNull(),
    marked: integer("marked").notNull(),
    amount: integer("amount").notNull(),
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("settlements_shop_file_uq").on(t.shopId, t.fileHash), index("settlements_shop_idx").on(t.shopId, t.id)],
);
