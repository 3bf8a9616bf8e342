/**
 * The shop's customers as CSV, newest last order first, streamed a chunk at a time by keyset
 * (customers_shop_recent_idx): an export of 100,000 customers never holds more than a chunk.
 * Cells a spreadsheet would run as a formula are neutralised (csvRow).
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { csvRow } from "../csv/parse";
import type { Db } from "../db/client";
import { pageRead, type ShopRef } from "../db/page-read";
import { customers } from "../db/schema";
import { minorUnits, type MessageKey, type TFunction } from "../i18n";
import { karachiDateTime } from "../orders/dates";
import { tagsOf } from "./customer";

/** Rows per round trip: 100,000 customers take 100 queries, well inside a Worker's per-request limit. */
const CHUNK = 1000;

const COLUMNS = ["name", "phone", "city", "orders", "delivered", "cancelled", "returned", "spent", "currency", "lastOrder", "firstOrder", "tags", "note"] as const;

type Row = typeof customers.$inferSelect;
type After = { key: number; id: number } | null;

/** One chunk: up to CHUNK customers after the keyset `after` (newest last order first). */
function chunkQuery(db: Db, shop: ShopRef, after: After) {
  const where: SQL[] = [eq(customers.shopId, shop)];
  if (after) where.push(sql`(${customers.lastOrderAt}, ${customers.id}) < (${after.key}, ${after.id})`);
  return db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(desc(customers.lastOrderAt), desc(customers.id))
    .limit(CHUNK);
}

/**
 * The export's first chunk, as a page's read: the admin reads it in the batch of the seller's
 * session check. The chunks after it cannot be: each is known only from the one before (its last
 * row is the keyset), so each is one round trip of its own while the file streams.
 */
export const firstCustomersRead = pageRead(
  (db, shop) => [chunkQuery(db, shop, null)] as const,
  ([rows]) => rows,
);

export function customersCsv(db: Db, shopId: number, currency: string, t: TFunction, first: Row[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const scale = minorUnits(currency);
  const major = (n: number) => (scale === 1 ? String(n) : (n / scale).toFixed(Math.log10(scale)));
  let after: After = null;
  let next: Row[] | null = first;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The BOM makes Excel read UTF-8 (Urdu names) correctly.
        controller.enqueue(enc.encode(`\uFEFF${csvRow(COLUMNS.map((c) => t(`customers.csv.${c}` as MessageKey)))}`));
        return;
      }
      const rows = next ?? (await chunkQuery(db, shopId, after).all());
      next = null;
      let out = "";
      for (const c of rows) {
        out += csvRow([
          c.name, c.phone, c.city, c.orders, c.delivered, c.cancelled, c.returned, major(c.spent), currency,
          c.lastOrderAt ? karachiDateTime(c.lastOrderAt) : "", karachiDateTime(c.createdAt), tagsOf(c.tags).join(", "), c.note,
        ]);
      }
      if (out) controller.enqueue(enc.encode(out));
      const last = rows.at(-1);
      if (!last || rows.length < CHUNK) controller.close();
      else after = { key: last.lastOrderAt, id: last.id };
    },
  });
}
