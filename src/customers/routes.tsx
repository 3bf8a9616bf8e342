/**
 * The shop's customers under /admin/:shop/customers (the shop and membership checked by
 * loadAdminShop; owners and staff alike): the list with search and keyset pages, a customer's
 * page with her orders, the seller's private note and tags, and the CSV export. Her row is kept
 * by triggers on orders (migrations/triggers/customers.sql); risk signals beside an order are in
 * risk.ts. Every look-up is within c.get("shop"): another shop's customer is a 404.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { adminChrome } from "../admin/chrome";
import type { AppEnv } from "../env";
import { intParam, readAll } from "../lib/form-all";
import { validate } from "../lib/form";
import { renderPage } from "../lib/render";
import { customersCsv, firstCustomersRead } from "./csv";
import { customerById, customerRead, saveCustomerNote, type CustomerDetail } from "./customer";
import { CustomerPage, type CustomerPageProps } from "./CustomerPage";
import { CustomersPage } from "./CustomersPage";
import { customerListRead } from "./list";
import { adminPage } from "../admin/page";
import { mapRead } from "../db/page-read";
import { customerListSchema, customerSchema } from "./schemas";
import { ID_ROUTE } from "../lib/ids";

export const customerRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

customerRoutes.get(
  "/",
  adminPage(
    (c) => {
      const query = customerListSchema.parse(c.req.query());
      return mapRead(customerListRead(query), (page) => ({ query, page }));
    },
    (c, { query, page }) => renderPage(c, <CustomersPage {...adminChrome(c)} page={page} query={query} currency={c.get("shop").currency} />),
  ),
);

customerRoutes.get(
  "/export",
  adminPage(
    () => firstCustomersRead,
    (c, first) => {
      const name = `customers-${c.get("shop").slug}.csv`.replace(/[^\w.-]/g, "");
      return c.body(customersCsv(c.get("db"), c.get("shop").id, c.get("shop").currency, adminChrome(c).m.t, first), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      });
    },
  ),
);

const ID = `/:id${ID_ROUTE}`;

async function loadCustomer(c: C): Promise<CustomerDetail> {
  const id = intParam(c.req.param("id"));
  const detail = id === null ? null : await customerById(c.get("db"), c.get("shop").id, id);
  if (!detail) throw new HTTPException(404);
  return detail;
}

const show = (c: C, detail: CustomerDetail, extras: Pick<CustomerPageProps, "saved" | "typed" | "errors"> = {}, status: 200 | 400 = 200) =>
  renderPage(c, <CustomerPage {...adminChrome(c)} detail={detail} currency={c.get("shop").currency} {...extras} />, status);

customerRoutes.get(
  ID,
  adminPage(
    (c) => customerRead(intParam(c.req.param("id")) ?? 0),
    (c, detail) => {
      if (!detail) throw new HTTPException(404);
      return show(c, detail, { saved: c.req.query("done") === "1" });
    },
  ),
);

customerRoutes.post(ID, async (c) => {
  const { values, lists } = await readAll(c);
  const detail = await loadCustomer(c);
  const typed = { note: values.note ?? "", tags: lists.tags ?? [] };
  const parsed = validate(customerSchema, typed);
  if (!parsed.ok) return show(c, detail, { typed, errors: parsed.errors }, 400);
  await saveCustomerNote({ db: c.get("db"), shopId: c.get("shop").id }, detail.customer.id, parsed.data);
  return c.redirect(`/admin/${c.get("shop").slug}/customers/${detail.customer.id}?done=1`, 303);
});
