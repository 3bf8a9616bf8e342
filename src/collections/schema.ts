/**
 * The collection forms: every cap declared here once, on the raw input, so that
 * `z.toJSONSchema(schema, { io: "input" })` shows it (maxLength, maxItems) and views and domain
 * code read it from here.
 */
import { z } from "zod";
import { PRODUCT_SEARCH_MAX } from "../products/form";
import { pageNumberField, searchField } from "../lib/form-fields";
import { ID_DIGITS, ID_SOURCE } from "../lib/ids";

/** Collections a shop may have: the menu, and the product form's checkboxes, list them all. */
export const MAX_COLLECTIONS = 100;

/** The most products one collection holds (counted in SQL after a save; see collections/collections.ts). */
export const MAX_COLLECTION_PRODUCTS = 5_000;
/** Products a page of the collection editor shows, to tick or untick, and members a page lists in order. */
export const PICKER_PAGE = 50;
export const MEMBERS_PAGE = 50;

/**
 * Product ids as one page of the editor posts them (checkbox values): at most a page, so a save
 * is a page's worth of work however large the collection grows.
 */
const postedIds = z.array(z.string().max(12, "validation.tooLong")).max(PICKER_PAGE, "collections.tooManyPicked").default([]);

/**
 * The collection editor's save. The editor shows one page of the shop's products at a time:
 * `shown` lists the products that page showed and `product` the ones ticked, so a save adds
 * the ticked ones and takes out the shown-but-unticked ones, and leaves every other member
 * alone (however many pages the shop's products fill).
 */
export const collectionSchema = z.object({
  title: z.string().trim().min(1, "validation.titleRequired").max(80, "validation.tooLong"),
  description: z.string().trim().max(2000, "validation.tooLong").default(""),
  product: postedIds,
  shown: postedIds,
});

/** Where the collection editor is: its search and page of products to choose from, and its page of members. */
export const collectionEditorQuerySchema = z.object({
  q: searchField(PRODUCT_SEARCH_MAX),
  after: z
    .string()
    .max(ID_DIGITS)
    .regex(new RegExp(`^${ID_SOURCE}$`))
    .transform(Number)
    .optional()
    .catch(undefined),
  mpage: pageNumberField(),
});

/** Moving one member of a collection: one place up or down, or to a place (1-based) typed by the seller. */
export const memberMoveSchema = z.object({
  product: z.string().max(ID_DIGITS, "validation.number").regex(new RegExp(`^${ID_SOURCE}$`), "validation.number"),
  dir: z.enum(["up", "down"]).optional(),
  to: z.string().trim().max(6, "validation.number").regex(/^\d*$/, "validation.number").optional(),
});
