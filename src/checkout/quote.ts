/**
 * Prices, stock and delivery fees for a cart, always read again from D1 for this shop. A
 * variant of another shop, of a deleted or unpublished product, is simply not found here.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { deliveryZones, products, variants } from "../db/schema";
import type { CartLine } from "./cart";

export type LineState = "ok" | "short" | "soldOut";

export interface QuoteLine {
  variantId: number;
  productId: number;
  productSlug: string;
  title: string;
  variantTitle: string;
  sku: string;
  price: number;
  quantity: number;
  tracked: boolean;
  /** Units on hand for tracked variants; null when stock is not tracked. */
  stock: number | null;
  state: LineState;
  lineTotal: number;
}

export interface Zone {
  id: number;
  name: string;
  fee: number;
  freeAbove: number | null;
}

export interface Quote {
  /** Lines that can be bought as asked ("ok") or not ("short": fewer left; "soldOut"). */
  lines: QuoteLine[];
  /** Cart lines whose variant does not exist for this shop (removed, unpublished, foreign). */
  missing: CartLine[];
  /** Sum over "ok" lines: sold-out and short lines are never charged. */
  subtotal: number;
  zones: Zone[];
}

/**
 * The quote's two reads, the cart's variants (with their products) and the shop's zones, for
 * one D1 batch: quoteCart's own, or checkout's with its other reads. buildQuote reads the rows.
 */
export function quoteQueries(db: Db, shopId: number, cart: readonly CartLine[]) {
  const ids = cart.map((l) => l.variantId);
  const variantQuery = db
    // Joined columns are aliased: in a D1 batch drizzle maps rows by column name, so two
    // columns both called "id" or "title" would overwrite each other.
    .select({
      variantId: sql<number>`${variants.id}`.as("v_id"),
      productId: sql<number>`${products.id}`.as("p_id"),
      productSlug: sql<string>`${products.slug}`.as("p_slug"),
      title: sql<string>`${products.title}`.as("p_title"),
      variantTitle: sql<string>`${variants.title}`.as("v_title"),
      sku: sql<string | null>`${variants.sku}`.as("v_sku"),
      price: sql<number>`${variants.price}`.as("v_price"),
      stock: sql<number>`${variants.stock}`.as("v_stock"),
      tracked: sql<number>`${products.trackStock}`.as("p_track"),
    })
    .from(variants)
    .innerJoin(products, and(eq(products.id, variants.productId), eq(products.shopId, shopId)))
    .where(and(eq(variants.shopId, shopId), inArray(variants.id, ids.length ? ids : [0]), eq(products.status, "active")));
  const zoneQuery = db
    .select({ id: deliveryZones.id, name: deliveryZones.name, fee: deliveryZones.fee, freeAbove: deliveryZones.freeAbove })
    .from(deliveryZones)
    .where(eq(deliveryZones.shopId, shopId))
    .orderBy(asc(deliveryZones.position), asc(deliveryZones.id));
  return [variantQuery, zoneQuery] as const;
}

/** One round trip: the quote of a cart. */
export async function quoteCart(db: Db, shopId: number, cart: readonly CartLine[]): Promise<Quote> {
  const [rows, zones] = await db.batch(quoteQueries(db, shopId, cart));
  return buildQuote(cart, rows, zones);
}

type VariantRow = Omit<QuoteLine, "quantity" | "state" | "lineTotal" | "sku" | "stock" | "tracked"> & {
  sku: string | null;
  stock: number;
  tracked: number | boolean;
};

export function buildQuote(cart: readonly CartLine[], rows: readonly VariantRow[], zones: Zone[]): Quote {
  const byId = new Map(rows.map((r) => [r.variantId, r]));
  const lines: QuoteLine[] = [];
  const missing: CartLine[] = [];
  for (const item of cart) {
    const row = byId.get(item.variantId);
    if (!row) {
      missing.push(item);
      continue;
    }
    const tracked = Boolean(row.tracked);
    const stock = tracked ? row.stock : null;
    const state: LineState = stock === null || stock >= item.quantity ? "ok" : stock === 0 ? "soldOut" : "short";
    lines.push({
      ...row,
      tracked,
      sku: row.sku ?? "",
      stock,
      quantity: item.quantity,
      state,
      lineTotal: state === "ok" ? row.price * item.quantity : 0,
    });
  }
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  return { lines, missing, subtotal, zones };
}

/** The delivery fee of a zone for a subtotal: free once the subtotal reaches the zone's threshold. */
export function zoneFee(zone: Zone, subtotal: number): number {
  return zone.freeAbove !== null && subtotal >= zone.freeAbove ? 0 : zone.fee;
}

/** The lines that will be ordered: only those fully available. */
export const orderable = (q: Quote): QuoteLine[] => q.lines.filter((l) => l.state === "ok");
