/** A form schema's caps as it declares them on the raw input (what a boundary test reads too). */
import { z } from "zod";

/** Each field's cap (maxLength, or maxItems for a list) as the schema declares it on the raw input. */
export function capsOf(schema: z.ZodType): Record<string, number> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { maxLength?: number; maxItems?: number }> };
  const caps: Record<string, number> = {};
  for (const [k, p] of Object.entries(json.properties ?? {})) {
    const cap = p.maxLength ?? p.maxItems;
    if (cap !== undefined) caps[k] = cap;
  }
  return caps;
}
