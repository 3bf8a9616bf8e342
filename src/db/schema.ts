/**
 * The D1 schema: the single source of truth. Migrations under migrations/ are generated
 * from this file by drizzle-kit (`npm run db:generate`), reviewed and committed.
 *
 * Rules: money is an integer in minor units (paisa); times are integer milliseconds since
 * the epoch; every tenant table carries `shop_id` and every index on it starts with `shop_id`.
 */
export * from "./schema/platform";
export * from "./schema/catalog";
export * from "./schema/orders";
export * from "./schema/messages";
export * from "./schema/discounts";
export * from "./schema/insight";
export * from "./schema/recovery";
export * from "./schema/customers";
export * from "./schema/credentials";
export * from "./schema/gateways";
export * from "./schema/shipments";
export * from "./schema/domains";
export * from "./schema/settlements";
export * from "./schema/moves";
