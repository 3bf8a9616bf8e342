/** The shop's own settings (details, payment methods): one UPDATE that also bumps the version. No HTTP here. */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { ALERT_CHANNELS, shops } from "../db/schema";
import type { Locale } from "../i18n";
import type { Payments } from "../payments";
import { versionBump } from "../tenancy/version";

export const CURRENCIES = ["PKR", "USD", "AED", "SAR", "GBP"] as const;

export interface ShopDetails {
  name: string;
  description: string;
  whatsapp: string;
  phone: string;
  email: string;
  city: string;
  currency: (typeof CURRENCIES)[number];
  locale: Locale;
  alertChannel?: (typeof ALERT_CHANNELS)[number];
  /** null: no low-stock alerts; absent: unchanged. */
  lowStockAt?: number | null;
}

/**
 * The details, in the shop's shard; its name also in the directory's row when that is another
 * database (`dir`, src/db/shards.ts), for the seller's list of shops.
 */
export async function updateShopDetails(db: Db, shopId: number, d: ShopDetails, dir: Db = db): Promise<void> {
  await db
    .update(shops)
    .set({ ...d, ...versionBump() })
    .where(eq(shops.id, shopId));
  if (dir !== db) await dir.update(shops).set({ name: d.name }).where(eq(shops.id, shopId));
}

/** The number orders reach her on (E.164, checked by whatsappSchema). */
export async function updateShopWhatsapp(db: Db, shopId: number, whatsapp: string): Promise<void> {
  await db
    .update(shops)
    .set({ whatsapp, ...versionBump() })
    .where(eq(shops.id, shopId));
}

/** Cash-on-delivery confirmation (src/orders/confirmation.ts): on or off, and the hours before an order is flagged (absent: unchanged). */
interface CodConfirm {
  codConfirm: boolean;
  codConfirmHours?: number;
}

export async function updatePayments(db: Db, shopId: number, p: Payments, cod: CodConfirm): Promise<void> {
  await db
    .update(shops)
    .set({ payments: JSON.stringify(p), codConfirm: cod.codConfirm, ...(cod.codConfirmHours === undefined ? {} : { codConfirmHours: cod.codConfirmHours }), ...versionBump() })
    .where(eq(shops.id, shopId));
}
