/**
 * Status and action words in Urdu: two different English words in one group (the words a seller
 * sees side by side on one screen) never read the same in Urdu. Words are compared as a button
 * reads them, without the aside in brackets: "Archive" was "محفوظ کریں (چھپائیں)", i.e. "Save (hide)".
 * The table with their meanings is docs/urdu-words.md.
 */
import { describe, expect, it } from "vitest";
import { messages, type MessageKey } from "./index";

const GROUPS: Record<string, MessageKey[]> = {
  common: ["common.save", "common.cancel", "common.delete", "common.back", "common.next"],
  products: [
    "products.status.active", "products.status.draft", "products.status.archived",
    "products.archive", "products.unarchive", "products.delete", "pages.published",
    "common.save", "common.cancel", "common.delete", "common.back",
  ],
  orders: [
    "status.new", "status.confirmed", "status.packed", "status.shipped", "status.delivered", "status.cancelled", "status.returned",
    "orders.action.confirmed", "orders.action.packed", "orders.action.shipped", "orders.action.delivered", "orders.action.cancelled", "orders.action.returned",
    "common.save", "common.cancel", "common.back",
  ],
};

/** A word as its button or badge reads: the aside in brackets left out. */
const read = (s: string) => s.replace(/\s*\([^)]*\)/g, "").trim();

describe("Urdu status and action words", () => {
  for (const [group, keys] of Object.entries(GROUPS)) {
    it(`${group}: different English words read differently in Urdu`, () => {
      const en = messages("en").t;
      const ur = messages("ur").t;
      const byUrdu = new Map<string, string>();
      for (const key of keys) {
        const english = read(en(key));
        const urdu = read(ur(key));
        expect(urdu, key).not.toBe(key);
        const other = byUrdu.get(urdu);
        if (other !== undefined) expect(other, `"${english}" and "${other}" both read "${urdu}" in Urdu`).toBe(english);
        byUrdu.set(urdu, english);
      }
    });
  }
});
