// Types of tables.mjs, for the TypeScript that imports it.
export declare const DIRECTORY_TABLES: readonly ["users", "sessions", "rate_limits", "verification_codes", "memberships", "invitations", "shop_domains"];
export declare const FILLED_BY_TRIGGERS: readonly ["order_counts"];
export declare const RECOMPUTED: Readonly<Record<string, Readonly<Record<string, string | number>>>>;
export declare const WRITTEN_AFTER: Readonly<Record<string, readonly string[]>>;
