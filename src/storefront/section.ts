/**
 * The section contract. A section is one folder under themes/_shared/sections/ (or a theme's own
 * folder): its settings (a zod object of `setting.*` fields, so the theme editor draws its form),
 * the data it needs (declared, so the home page stays ONE D1 statement: src/storefront/home.ts
 * folds every instance's need into a column of one row), and its Preact component.
 */
import type { VNode } from "preact";
import type { z } from "zod";
import type { BaseSettings, ImageVM, Localized, ProductCardVM, StoreContext } from "./theme";

/**
 * What an instance reads from D1, at most one need each:
 * - collection: a collection's title and its first `limit` products; slug "" is the shop's first
 *   collection (so shops that never picked one keep their look);
 * - product: one product's card, by its slug;
 * - newest: the shop's `limit` newest products.
 * Other sections draw from the page's context (collections, WhatsApp number, payments).
 */
export type SectionNeed = { kind: "collection"; slug: string; limit: number } | { kind: "product"; slug: string } | { kind: "newest"; limit: number };

/** What a need brought back, ready for the component (all empty when the instance needs nothing). */
export interface SectionData {
  /** The collection's title and link (collection needs whose collection exists). */
  collection: { title: string; url: string } | null;
  products: ProductCardVM[];
}

interface SectionProps<S> {
  ctx: StoreContext<BaseSettings>;
  settings: S;
  data: SectionData;
  /** First on the page: a banner then holds the page's <h1> and its photo loads at once. */
  first: boolean;
  /** How many product photos load at once (the rest are lazy). */
  eager: number;
  /** `sizes` of the theme's card photos. */
  cardSizes: string;
  /** A stable id for the instance's elements (its place on the page). */
  id: string;
}

export interface SectionDef<S = any> {
  /** The instance's `type` as stored: lowercase words joined by "-", the folder's name. */
  id: string;
  label: Localized;
  settings: z.ZodType<S> & { shape: Record<string, z.ZodType> };
  needs?: (settings: S) => SectionNeed | null;
  /** First on the page, it holds the page's <h1> (else the page's h1 is the shop's name). */
  holdsH1?: boolean;
  /** Its own photo: first on the page it loads at once (product photos below wait), and shares the page. */
  photo?: (settings: S, ctx: StoreContext<BaseSettings>) => ImageVM | null;
  /** The `sizes` its photo is drawn with: first on the page, the photo is preloaded in <head> with the same. */
  photoSizes?: string;
  /** The section's own CSS: on the page once, and only when the section is on it. */
  css?: string;
  Component: (props: SectionProps<S>) => VNode | null;
}

export function defineSection<S>(def: SectionDef<S>): SectionDef<S> {
  return def;
}

/** A stored instance: its type and its settings (validated by the type's schema). */
export interface SectionInstance {
  type: string;
  settings: Record<string, unknown>;
}

/** The most instances a home page holds: caps the editor, the stored list and the loader's needs. */
export const MAX_SECTIONS = 12;

/**
 * The most instances below a product page's buy box: half the home's. What belongs there is a few
 * short blocks (delivery, questions, trust badges, WhatsApp) under the product's own photos, buy
 * form and description; on a phone every one is scrolled past on every product, so the list is
 * kept short. Six at their largest in long Urdu keep the page near 8 KB of its 14 KB gzipped
 * (src/storefront/budgets.test.ts).
 */
export const MAX_PRODUCT_SECTIONS = 6;

/**
 * The types a product page offers: those that read nothing from D1, so the page stays the one
 * statement that loads its product. The one rule, used by every theme's settings.
 */
export const productPageDefs = (defs: readonly SectionDef[]): SectionDef[] => defs.filter((d) => !d.needs);
