// Where each table's rows live and what the triggers recompute: the one list the Worker
// (src/db/shards.ts, src/shards/move.ts) and the backup scripts (scripts/lib/backup.mjs) read.
// Plain JavaScript with no imports, so Node runs it as it is; types in tables.d.mts.

/**
 * The directory's own tables: the directory's database holds them all, a shard none (but its copy
 * of its shops' members and domains: src/db/members.ts). Every other table with a shop_id is a
 * shop's, in the shop's shard.
 */
export const DIRECTORY_TABLES = ["users", "sessions", "rate_limits", "verification_codes", "memberships", "invitations", "shop_domains"];

/** Tables the triggers fill wholly from a shop's other rows (migrations/triggers/order-counts.sql): never copied. */
export const FILLED_BY_TRIGGERS = ["order_counts"];

/**
 * Columns the triggers recompute as a shop's later rows are written, at their starting values: a
 * row copied or restored with them reset is counted again by the orders (customers.sql) and their
 * discounts (discount-uses.sql).
 */
export const RECOMPUTED = {
  customers: { name: "", city: "", orders: 0, delivered: 0, cancelled: 0, returned: 0, spent: 0, last_order_at: 0 },
  discounts: { uses: 0 },
};

/** Tables written only after others, besides their foreign keys: an order marks its phone's open checkout intents as ordered (checkout-intents.sql). */
export const WRITTEN_AFTER = { checkout_intents: ["orders"] };
