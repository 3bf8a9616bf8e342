/**
 * Product cards for storefront listings: one products row each (the first photo and the stock
 * state are kept on the row by triggers, migrations/0004_product_cards.sql), so a listing is
 * one plain indexed read.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { unfold } from "../db/folded";
import { products } from "../db/schema";

export interface CardRow {
  id: number;
  slug: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  /** The highest variant price (`price` is the lowest): above it, the card says "from". */
  maxPrice: number;
  createdAt: number;
  /** "key|widths|width|height|format|alt" of the first photo, or null. */
  image: string | null;
  inStock: number;
}

/** A card is one products row: its photo and stock state are kept on it by triggers. */
export const cardColumns = {
  id: products.id,
  slug: products.slug,
  title: products.title,
  price: products.price,
  compareAtPrice: products.compareAtPrice,
  maxPrice: products.maxPrice,
  createdAt: products.createdAt,
  image: products.cardImage,
  inStock: products.inStock,
};

/**
 * One page of cards folded into a single JSON value (src/db/folded.ts), so that a page's data
 * is one statement. The json_array's items follow CARD_KEYS. `order` restates the subquery's
 * ORDER BY over its column names, so the array keeps it.
 */
export function cardsJson(q: SQLWrapper, order: "newest" | "price-asc" | "price-desc" | "position"): SQL<string> {
  return sql<string>`(SELECT json_group_array(json_array(id, slug, title, price, compare_at_price, max_price, created_at, card_image, in_stock) ORDER BY ${sql.raw(JSON_ORDER[order])}) FROM (${q}))`;
}

const JSON_ORDER = {
  newest: "created_at DESC, id DESC",
  "price-asc": "price ASC, id ASC",
  "price-desc": "price DESC, id DESC",
  /** A collection's own order: the subquery selects the membership's position as "pos". */
  position: "pos ASC, id DESC",
} as const;

const CARD_KEYS = ["id", "slug", "title", "price", "compareAtPrice", "maxPrice", "createdAt", "image", "inStock"] as const satisfies readonly (keyof CardRow)[];

/** The cards of a cardsJson() value. */
export const parseCards = (text: string | null | undefined): CardRow[] => unfold<CardRow>(text, CARD_KEYS);
