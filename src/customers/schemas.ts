/** zod schemas of the customer list's query and the seller's note and tags form. Issue messages are catalogue keys. */
import { z } from "zod";
import { clean, optionalText, searchField } from "../lib/form-fields";
import { ID_SOURCE } from "../lib/ids";

/**
 * The search box's cap (its input's maxlength). The search is instr(), never a LIKE pattern
 * (which D1 refuses past 50 bytes: 25 Urdu letters), so the cap is the box's, not D1's.
 */
export const CUSTOMER_SEARCH_MAX = 50;

export const CUSTOMER_SORTS = ["recent", "spent"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** The keyset cursor: the last row's sort key and id ("1767225600000.42"). */
const CURSOR = new RegExp(`^([0-9]{1,15})\\.(${ID_SOURCE})$`);

/** The list's query string: anything it cannot read is ignored (page 1, newest first), never an error. */
export const customerListSchema = z.object({
  q: searchField(CUSTOMER_SEARCH_MAX),
  sort: z.enum(CUSTOMER_SORTS).optional().catch(undefined).transform((s) => s ?? "recent"),
  after: z
    .string()
    .max(30)
    .regex(CURSOR)
    .optional()
    .catch(undefined)
    .transform((s) => {
      const m = s ? CURSOR.exec(s) : null;
      return m ? { key: Number(m[1]), id: Number(m[2]) } : undefined;
    }),
});
export type CustomerListQuery = z.output<typeof customerListSchema>;

export const MAX_TAGS = 10;
export const TAG_MAX = 30;

/** The seller's private note and tags on a customer. Tags: trimmed, blanks dropped, repeats (any case) once. */
export const customerSchema = z.object({
  note: optionalText(1000),
  tags: z
    .array(z.string().max(TAG_MAX, "customers.error.tagTooLong"))
    .max(MAX_TAGS, "customers.error.tooManyTags")
    .optional()
    .transform((list) => {
      const seen = new Set<string>();
      return (list ?? []).map(clean).filter((tag) => tag && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
    }),
});
