/** Platform tables: accounts, sessions, rate limits, shops and who works on them. */
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES } from "../../i18n";
import { createdAt, updatedAt } from "./columns";

/** How a shop's owner hears of new orders: a WhatsApp or an SMS to the shop's number, or off. */
export const ALERT_CHANNELS = ["whatsapp", "sms", "off"] as const;

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().default(""),
    /** E.164, e.g. +923001234567; null when the user signed up with an email. */
    phone: text("phone"),
    /** Lower-cased; null when the user signed up with a phone number. */
    email: text("email"),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
    passwordHash: text("password_hash").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    /** Wrong passwords tried on this account since her last log-in: told to her at the next one. */
    failedLogins: integer("failed_logins").notNull().default(0),
    /** When she proved she holds `phone` (a code sent to it: src/auth/codes.ts); null until then. */
    phoneVerifiedAt: integer("phone_verified_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_phone_uq").on(t.phone),
    uniqueIndex("users_email_uq").on(t.email),
    check("users_has_login", sql`${t.phone} IS NOT NULL OR ${t.email} IS NOT NULL`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the token in the cookie, hex. The token itself is never stored. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The shop the seller is working on in the admin. */
    shopId: integer("shop_id"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Fixed-window counters for rate limiting (log-in, sign-up, checkout). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull().default(0),
});

export const shops = sqliteTable(
  "shops",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: ["active", "suspended"] }).notNull().default("active"),
    themeId: text("theme_id").notNull().default("classic"),
    /** JSON, validated against the theme's zod settings schema before it is stored. */
    themeSettings: text("theme_settings").notNull().default("{}"),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    currency: text("currency").notNull().default("PKR"),
    whatsapp: text("whatsapp").notNull().default(""),
    /** How the owner hears of a new order, on the shop's WhatsApp number (src/messages): or not at all. */
    alertChannel: text("alert_channel", { enum: ALERT_CHANNELS }).notNull().default("whatsapp"),
    /** An order that takes a tracked variant's stock to this or below tells her (on her alert channel); null: never. */
    lowStockAt: integer("low_stock_at").default(2),
    /** A cash-on-delivery order starts awaiting the customer's confirmation (src/orders/confirmation.ts). */
    codConfirm: integer("cod_confirm", { mode: "boolean" }).notNull().default(true),
    /** An order still awaiting her confirmation this many hours after it was placed is flagged to the seller (never cancelled). */
    codConfirmHours: integer("cod_confirm_hours").notNull().default(24),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    city: text("city").notNull().default(""),
    description: text("description").notNull().default(""),
    /** JSON of paymentsSchema (src/payments: each method's settings under its id): cash on delivery and each account method. */
    payments: text("payments").notNull().default('{"cod":{"enabled":true}}'),
    /** The last order number handed out; the next order takes order_seq + 1. */
    orderSeq: integer("order_seq").notNull().default(1000),
    /** Bumped on every change that affects the storefront: the key of every cache. */
    version: integer("version").notNull().default(1),
    /** The database that holds the shop (src/db/shards.ts): read from the directory's row. */
    shard: integer("shard").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("shops_slug_uq").on(t.slug), index("shops_shard_idx").on(t.shard)],
);

/** A tenant row's shop: deleting the shop deletes the row. */
export const shopId = () => integer("shop_id")
  .notNull()
  .references(() => shops.id, { onDelete: "cascade" });

export const memberships = sqliteTable(
  "memberships",
  {
    shopId: shopId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "staff"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/**
 * A staff invitation, pending until the person with this phone/email, logged in, accepts it (it
 * then becomes a membership and the row goes) or declines it. The shop's owner sees it as
 * pending either way (declined_at is never shown to her), so an invitation tells her nothing
 * about who owns a number.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    /** E.164 phone or lower-cased email. */
    contact: text("contact").notNull(),
    role: text("role", { enum: ["staff"] }).notNull().default("staff"),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /** Set when the invitee declines: hidden from her since, still "pending" to the shop. */
    declinedAt: integer("declined_at"),
  },
  (t) => [
    uniqueIndex("invitations_shop_contact_uq").on(t.shopId, t.contact),
    index("invitations_contact_idx").on(t.contact),
  ],
);

/** Why a code was sent: a password reset, or proving her phone number. */
export const CODE_PURPOSES = ["reset", "prove_phone"] as const;

/**
 * One-time 6-digit codes (src/auth/codes.ts): only a salted SHA-256 of the code is kept. A row
 * whose user_id is null answers for an address with no account (a reset asked for an unknown
 * number): it is checked like any other and can never succeed, so nothing tells the two apart.
 */
export const verificationCodes = sqliteTable(
  "verification_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CODE_PURPOSES }).notNull(),
    /** Where it went: an E.164 phone or a lower-cased email. */
    address: text("address").notNull(),
    /** `<salt hex>$<sha-256(salt, code) hex>`: never the code. */
    codeHash: text("code_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** Codes typed against it so far (the right one included); dead at CODE_MAX_TRIES. */
    tries: integer("tries").notNull().default(0),
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("verification_codes_address_idx").on(t.address, t.purpose), index("verification_codes_expires_idx").on(t.expiresAt)],
);
