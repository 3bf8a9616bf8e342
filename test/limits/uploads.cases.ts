/** The upload forms: photos of a product, and the catalogue's CSV. Their sizes are tested by the upload tests. */
import { csvImportSchema } from "../../src/csv/schema";
import { uploadSchema as settlementUploadSchema } from "../../src/settlements/schema";
import { photoFormSchema } from "../../src/products/form";
import { proofSchema } from "../../src/payments/proof";
import { paymentImageSchema } from "../../src/settings/schema";
import { furnishedShop } from "../fixtures/shops";
import { addProduct, type Shop } from "../admin-helpers";
import { ROOT, sellerWithShop, shopOrigin } from "../helpers";
import type { FormCase } from "./harness";

type Ctx = Shop & { id?: number; ids?: Record<string, string> };
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
  {
    ...unused,
    // The customer's proof of payment: a screenshot and its transaction ID (src/payments/proof.test.ts tests both caps).
    route: "POST /_s/orders/:token/proof",
    schema: proofSchema,
    declaredOnly: true,
    setup: () => furnishedShop(),
    page: (s) => `${shopOrigin(s.slug)}/orders/${s.ids!["orders/:token"]}`,
    action: (s) => `/orders/${s.ids!["orders/:token"]}/proof`,
  },
  {
    ...unused,
    // Raast's QR code on the payments page (src/payments/image.test.ts tests its bytes).
    route: "POST /_p/admin/:shop/settings/payments/image",
    schema: paymentImageSchema,
    declaredOnly: true,
    setup: () => sellerWithShop(),
    page: (s) => `${ROOT}/admin/${s.slug}/settings/payments`,
    action: (s) => `${ROOT}/admin/${s.slug}/settings/payments/image`,
  },
  {
    ...unused,
    // A courier's payment report: the courier picked, the file (src/settlements/settlements.test.ts tests its bytes and rows, the cap and one past it).
    route: "POST /_p/admin/:shop/settlements/preview",
    schema: settlementUploadSchema,
    declaredOnly: true,
    setup: () => sellerWithShop(),
    page: (s) => `${ROOT}/admin/${s.slug}/settlements`,
    action: (s) => `${ROOT}/admin/${s.slug}/settlements/preview`,
  },
];
