/** The upload forms: photos of a product, and the catalogue's CSV. Their sizes are tested by the upload tests. */
import { csvImportSchema } from "../../src/csv/schema";
import { photoFormSchema } from "../../src/products/form";
import { addProduct, type Shop } from "../admin-helpers";
import { ROOT, sellerWithShop } from "../helpers";
import type { FormCase } from "./harness";

type Ctx = Shop & { id?: number };
const unused = { valid: () => ({}), post: () => Promise.reject(new Error("not posted")), saved: () => false };

export const uploadCases: FormCase<Ctx>[] = [
  {
    ...unused,
    route: "POST /_p/admin/:shop/products/:id/photos",
    schema: photoFormSchema,
    declaredOnly: true,
    // Sent by the island with each photo (the place she gave it), never by the plain form.
    notShown: ["pos"],
    async setup() {
      const s: Ctx = await sellerWithShop();
      s.id = await addProduct(s, { title: "Lawn suit" });
      return s;
    },
    page: (s) => `${ROOT}/admin/${s.slug}/products/${s.id}`,
    action: (s) => `${ROOT}/admin/${s.slug}/products/${s.id}/photos`,
  },
  {
    ...unused,
    route: "POST /_p/admin/:shop/csv/import",
    schema: csvImportSchema,
    declaredOnly: true,
    setup: () => sellerWithShop(),
    page: (s) => `${ROOT}/admin/${s.slug}/csv`,
    action: (s) => `${ROOT}/admin/${s.slug}/csv/import`,
  },
];
