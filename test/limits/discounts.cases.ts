/** The discount form, new and edit (src/discounts): every field at its cap and one past it. */
import { discountFormSchema } from "../../src/discounts/schema";
import { addProduct, one, type Shop } from "../admin-helpers";
import { ROOT, sellerWithShop, uniq } from "../helpers";
import { moneyOf, type Body, type FormCase } from "./harness";

type Ctx = Shop & { id?: number };
const admin = (s: Ctx, path: string) => `${ROOT}/admin/${s.slug}/discounts${path}`;

/** A code no other post of the run has used, of exactly `n` characters (codes are unique in a shop). */
const codeOf = (n: number) => uniq("C").toUpperCase().replace(/[^A-Z0-9]/g, "").padEnd(n, "X").slice(-n);
/** A number typed with `n` characters: spaces before it are ignored. */
const numberOf = (digits: string) => (n: number) => (n < digits.length ? null : digits.padStart(n, " "));

const valid = (): Body => ({ mode: "code", code: codeOf(12), title: "", kind: "percent", percent: "10", scope: "order", active: "on", intent: "save" });

const discountCase = (edit: boolean): FormCase<Ctx> => ({
  route: edit ? "POST /_p/admin/:shop/discounts/:id" : "POST /_p/admin/:shop/discounts",
  schema: discountFormSchema,
  async setup() {
    const s: Ctx = await sellerWithShop();
    // A product and a collection, so that the picker shows a box of each.
    const product = await addProduct(s, { title: "Handmade embroidered chiffon kurta" });
    await s.client.post(`${ROOT}/admin/${s.slug}/collections`, { title: "Eid collection", description: "", product: String(product) });
    if (edit) {
      await s.client.post(admin(s, ""), valid());
      s.id = (await one<{ id: number }>("SELECT id FROM discounts WHERE shop_id = ?", s.shopId))!.id;
    }
    return s;
  },
  page: (s) => admin(s, edit ? `/${s.id}` : "/new"),
  action: (s) => admin(s, edit ? `/${s.id}` : ""),
  valid,
  post: (s, url, body) => s.client.post(url, body),
  saved: (res) => res.status === 303,
  values: {
    code: codeOf,
    percent: numberOf("10"),
    amount: moneyOf,
    minSubtotal: moneyOf,
    minQuantity: numberOf("3"),
    maxUses: numberOf("5"),
    startDate: (n) => (n === 10 ? "2026-12-01" : null),
    endDate: (n) => (n === 10 ? "2099-12-31" : null),
    startTime: (n) => (n === 5 ? "09:30" : null),
    endTime: (n) => (n === 5 ? "21:30" : null),
  },
  // A time needs its date.
  companions: (field): Body => (field === "startTime" ? { startDate: "2026-12-01" } : field === "endTime" ? { endDate: "2099-12-31" } : {}),
});

export const discountCases: FormCase<Ctx>[] = [discountCase(false), discountCase(true)];
