/**
 * The boundary suite leaves no form out: every POST route of the router has a form case (whose
 * fields' caps are read from its schema and tested at the cap and one past it) or is a button
 * (a form whose only field is the CSRF token, or a fixed value a button carries), said here
 * with what it is. A new route fails this test until it is one or the other.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inputFields } from "../../src/lib/form-fields";
import { MAX_FORM_FIELDS } from "../../src/lib/limits";
import { handlers } from "../security-routes";
import { boundaryTests } from "./harness";
import { catalogCases } from "./catalog.cases";
import { ordersCases } from "./orders.cases";
import { platformCases } from "./platform.cases";
import { settingsCases } from "./settings.cases";
import { storefrontCases } from "./storefront.cases";
import { themeCases } from "./theme.cases";
import { uploadCases } from "./uploads.cases";
import { pushCases } from "./push.cases";
import { customerCases } from "./customers.cases";
import { discountCases } from "./discounts.cases";
import { courierCases } from "./couriers.cases";
import { domainCases } from "./domains.cases";

/** Buttons: a POST whose form has no field but the CSRF token, or a button's fixed value. */
const BUTTONS: Record<string, string> = {
  "POST /_p/logout": "log out",
  "POST /_p/admin/account/sessions/others": "log out on other devices",
  "POST /_p/admin/account/sessions/all": "log out everywhere",
  "POST /_p/admin/account/phone/send": "send me a code (to her own number)",
  "POST /_p/admin/shops/invitations/:id/accept": "accept an invitation",
  "POST /_p/admin/shops/invitations/:id/decline": "decline an invitation",
  "POST /_p/admin/:shop/leave": "leave a shop",
  "POST /_p/admin/:shop/orders/:id/payment": "payment received, not received, refunded",
  "POST /_p/admin/:shop/couriers/shipments/:id/retry": "retry a failed booking",
  "POST /_p/admin/:shop/settings/payments/image/delete": "remove Raast's QR code",
  "POST /_p/admin/:shop/products/:id/duplicate": "duplicate",
  "POST /_p/admin/:shop/products/:id/status": "archive or restore (the button's status)",
  "POST /_p/admin/:shop/products/:id/delete": "delete",
  "POST /_p/admin/:shop/products/:id/move": "move up or down (the button's direction)",
  "POST /_p/admin/:shop/products/:id/photos/:imageId/delete": "delete a photo",
  "POST /_p/admin/:shop/products/:id/photos/:imageId/move": "move a photo (the button's direction: earlier, later, make main)",
  "POST /_p/admin/:shop/products/:id/photos/order": "the island's whole photo order after a drag: no form, ids only (photoOrderSchema caps it; src/products/photos-first-form.test.ts tests it)",
  "POST /_p/admin/:shop/products/pending": "the island sends a chosen photo ahead of the product: files and the form's token (pendingPhotoSchema; tested by src/products/photos-first-form.test.ts)",
  "POST /_p/admin/:shop/products/pending/:pid/delete": "the island takes back a waiting photo (its Remove button)",
  "POST /_p/admin/:shop/collections/:id/delete": "delete",
  "POST /_p/admin/:shop/collections/:id/move": "move up or down (the button's direction)",
  "POST /_p/admin/:shop/pages/:id/delete": "delete",
  "POST /_p/admin/:shop/settings/zones/:id/delete": "delete",
  "POST /_p/admin/:shop/staff/:userId/remove": "remove a member",
  "POST /_p/admin/:shop/staff/invitations/:id/cancel": "cancel an invitation",
  "POST /_s/orders/:token/cancel": "the customer cancels her order (a confirm button)",
  "POST /_s/checkout/intent": "the checkout page's script sends her phone and name in the background: no form of its own, the checkout form's fields and caps (src/recovery/recovery.test.ts tests the caps and one past)",
  "POST /_p/admin/:shop/abandoned/:id/remind": "remind on WhatsApp (a button)",
  "POST /_p/admin/:shop/discounts/:id/active": "turn a discount on or off (the button's value)",
  "POST /_s/orders/:token/confirm": "the customer confirms her cash-on-delivery order (a button)",
  "POST /_p/admin/:shop/theme/preview": "the theme form's Preview button (the theme form's case covers its fields)",
  "POST /_p/admin/:shop/gateways/delete": "turn JazzCash payments off (a button)",
  "POST /_s/pay/jazzcash/:token": "the customer's Pay now with JazzCash (a button)",
  "POST /_p/admin/:shop/domain/delete": "remove the shop's custom domain (a button)",
  "POST /_p/admin/:shop/settlements/apply": "a settlement's Mark paid button: the courier and the stored file's hash it carries, never typed (applySchema caps them; src/settlements/settlements.test.ts tests a refused one)",
  "POST /_s/pay/jazzcash/return": "JazzCash's return, posted from the gateway's page: no form of ours, its fields checked by returnSchema and its hash (src/gateways/gateway.test.ts)",
  "POST /_p/admin/:shop/gateways/easypay/delete": "turn Easypaisa payments off (a button)",
  "POST /_s/pay/easypay/:token": "the customer's start of an Easypaisa payment (a 307 after Place order, or Pay now: a button)",
  "POST /_p/ops/shops/:slug/move": "the operator's API, JSON with a bearer token, no form: its one field checked by zod (src/shards/job.test.ts: a shard past the last one is a 400)",
};

export const allCases = [...settingsCases, ...storefrontCases, ...ordersCases, ...themeCases, ...platformCases, ...catalogCases, ...uploadCases, ...pushCases, ...customerCases, ...discountCases, ...courierCases, ...domainCases];

/** A registered path as the cases name it: parameters without their patterns. */
const plain = (path: string) => path.replace(/(:\w+)\{(?:[^{}]|\{[^}]*\})*\}/g, "$1");

describe("the boundary suite covers every form", () => {
  const routes = [...handlers("/_p"), ...handlers("/_s")].filter((r) => r.method === "POST").map((r) => `POST ${plain(r.path)}`);
  const covered = new Set(allCases.map((c) => c.route));

  it.each(routes)("%s has a form case or is a button", (route) => {
    expect(covered.has(route) || route in BUTTONS, `${route}: add a form case in test/limits/*.cases.ts (or, if it is a button, say so in BUTTONS)`).toBe(true);
    expect(covered.has(route) && route in BUTTONS, `${route} is both a form case and a button`).toBe(false);
  });

  it("names no route that does not exist", () => {
    const all = new Set([...routes, ...[...handlers("/_p"), ...handlers("/_s")].map((r) => `${r.method} ${plain(r.path)}`)]);
    for (const r of [...covered, ...Object.keys(BUTTONS)]) expect(all.has(r), `${r} is not a route`).toBe(true);
  });

  it(`every form fits in the ${MAX_FORM_FIELDS} fields a post may carry`, () => {
    for (const c of allCases) expect(Object.keys(inputFields(c.schema)).length, c.route).toBeLessThanOrEqual(MAX_FORM_FIELDS);
  });

  it("every field of every form declares a cap", () => {
    for (const c of allCases)
      for (const [name, f] of Object.entries(inputFields(c.schema))) {
        const capped = f.maxLength !== undefined || f.maxItems !== undefined || f.enum !== undefined || f.const !== undefined;
        expect(capped, `${c.route}: "${name}" has no cap`).toBe(true);
      }
  });

  it("a field without a cap would fail it", () => {
    const f = inputFields(z.object({ note: z.string() })).note!;
    expect(f.maxLength ?? f.maxItems ?? f.enum ?? f.const).toBeUndefined();
  });
});

for (const c of uploadCases) describe(c.route, () => boundaryTests(c));
for (const c of pushCases) describe(c.route, () => boundaryTests(c));
for (const c of customerCases) describe(c.route, () => boundaryTests(c));
