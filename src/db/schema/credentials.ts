import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { shops } from "./platform";

/**
 * A shop's credentials for one provider (a payment gateway, a courier), sealed with the Worker
 * secret CREDENTIALS_KEY and bound to the shop and the provider (src/credentials/seal.ts): a row
 * copied to another shop or provider does not open. Never read back in full by the admin.
 */
export const shopCredentials = sqliteTable(
  "shop_credentials",
  {
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    /** The provider's id ("jazzcash", "postex"...). */
    provider: text("provider").notNull(),
    /** "v1.<iv>.<ciphertext>" (base64url): the fields as JSON, AES-GCM. */
    sealed: text("sealed").notNull(),
    /** JSON {field: "••••1234"}: what the admin shows of each field. */
    hints: text("hints").notNull().default("{}"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.provider] })],
);
