/**
 * Prices, stock and delivery fees for a cart, always read again from D1 for this shop. A
 * variant of another shop, of a deleted or unpublished product, is simply not found here.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { unfold } from "../db/folded";
import { shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import type { CartLine } from "./cart";

type LineState = "ok" | "short" | "soldOut";

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

/*
 * The quote's reads as ONE statement on the shop's row (src/db/folded.ts): the cart's variants
 * with their products, looked up by the ids in one JSON parameter (json_each: any cart size, one
 * bound parameter; CROSS JOIN keeps the cart as the outer loop, one primary-key look-up a line),
 * and the shop's delivery zones. A variant of another shop or of a product that is not active is
 * simply not found. The json_array items follow LINE_KEYS and ZONE_KEYS.
 */
const quoteTemplate = template((db) =>
  db
    .select({
      lines: sql<string>`(SELECT json_group_array(json_array(v.id, p.id, p.slug, p.title, v.title, v.sku, v.price, v.stock, p.track_stock))
        FROM json_each(${ph("ids")}) j
        CROSS JOIN variants v ON v.id = j.value AND v.shop_id = "shops"."id"
        CROSS JOIN products p ON p.id = v.product_id AND p.shop_id = "shops"."id" AND p.status = 'active')`.as("lines"),
      zones: sql<string>`(SELECT json_group_array(json_array(z.id, z.name, z.fee, z.free_above) ORDER BY z.position, z.id)
        FROM delivery_zones z WHERE z.shop_id = "shops"."id")`.as("zones"),
    })
    .from(shops)
    .where(eq(shops.id, ph("shopId"))),
);
const LINE_KEYS = ["variantId", "productId", "productSlug", "title", "variantTitle", "sku", "price", "stock", "tracked"] as const satisfies readonly (keyof VariantRow)[];
const ZONE_KEYS = ["id", "name", "fee", "freeAbove"] as const satisfies readonly (keyof Zone)[];

/** The quote's statement for a cart, to run alone (quoteCart) or in checkout's batch. */
export function quoteStatement(shopId: number, cart: readonly CartLine[]) {
  return quoteTemplate.bind({ shopId, ids: JSON.stringify(cart.map((l) => l.variantId)) });
}

/** The Quote from quoteStatement's rows. */
export function readQuote(cart: readonly CartLine[], rows: readonly { lines: string; zones: string }[]): Quote {
  const row = rows[0];
  return buildQuote(cart, unfold<VariantRow>(row?.lines, LINE_KEYS), unfold<Zone>(row?.zones, ZONE_KEYS));
}

/** One round trip of one statement: the quote of a cart. */
export async function quoteCart(db: Db, shopId: number, cart: readonly CartLine[]): Promise<Quote> {
  const [rows] = await runTemplates(db, [quoteStatement(shopId, cart)]);
  return readQuote(cart, rows);
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
