/**
 * Seller order management under /admin/:shop/orders (the shop and membership are checked by
 * loadAdminShop). Owners and staff alike: list, order page, status changes, payment, notes,
 * packing slip, CSV export. Every order is looked up within c.get("shop"): another shop's id is a 404.
 */
import { shopQueue } from "../lib/meter";
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HTTPException } from "hono/http-exception";
import { adminChrome } from "../admin/chrome";
import type { AppEnv } from "../env";
import { readForm, validate, type FieldErrors, type FormValues } from "../lib/form";
import { renderPage } from "../lib/render";
import { originFor } from "../tenancy/host";
import { addNote, changeStatus, type Actor } from "./actions";
import { enqueueGathered } from "../messages/outbox";
import { movePayment } from "./payment";
import { proofResponse } from "../payments/proof";
import type { Scope } from "../db/client";
import { lateCutoff, type ConfirmClock } from "./confirmation";
import { firstChunkRead, ordersCsv, type CsvRange, type FirstChunk } from "./csv";
import { ordersListRead, type OrderPage as OrdersPage } from "./list";
import { adminPage } from "../admin/page";
import { mapRead, type PageRead } from "../db/page-read";
import { orderForSeller, orderProofRead, orderRead, sellerOrderRead, type OrderDetail, type SellerOrderDetail } from "./read";
import { exportSchema, listQuerySchema, noteSchema, paymentMoveSchema, statusSchema } from "./schemas";
import { canTransition } from "./status";
import { OrderPage } from "./views/OrderPage";
import { OrdersListPage } from "./views/OrdersListPage";
import { PackingSlip, slipSize, type SlipShare } from "./views/PackingSlip";
import { waLinks } from "./whatsapp";
import { ID_ROUTE } from "../lib/ids";

export const orderAdmin = new Hono<AppEnv>();
type C = Context<AppEnv>;

const scope = (c: C): Scope => ({ db: c.get("db"), shopId: c.get("shop").id });
const actor = (c: C): Actor => ({ userId: c.get("user")!.id, name: c.get("user")!.name });
const orderUrl = (c: C, id: number) => `/admin/${c.get("shop").slug}/orders/${id}`;

/** The shop's hours before an unconfirmed order is flagged, and now. */
const confirmClock = (c: C): ConfirmClock => ({ hours: c.get("shop").codConfirmHours, now: Date.now() });

/** The list as the URL asks for it, read in the batch of the seller's session check (src/admin/page.ts). */
const listRead = (c: C) => {
  const { late, ...query } = listQuerySchema.parse(c.req.query());
  const now = Date.now();
  return mapRead(ordersListRead(query, late ? now : undefined), (page) => ({ page, query, late, now }));
};

orderAdmin.get(
  "/",
  adminPage(listRead, (c, { page, query: parsed, late, now }) => {
    const clock: ConfirmClock = { hours: c.get("shop").codConfirmHours, now };
    const query = late ? { ...parsed, lateBefore: lateCutoff(clock.hours, clock.now) } : parsed;
    const booked = /^\d{1,3}$/.test(c.req.query("booked") ?? "") ? Number(c.req.query("booked")) : undefined;
    return renderPage(c, <OrdersListPage {...adminChrome(c)} page={page} query={query} clock={clock} asksConfirmation={c.get("shop").codConfirm} booked={booked} />);
  }),
);

/** The export's read: the range asked for and its first chunk; or, the range refused, the list to show the form on again. */
type ExportRead =
  | { ok: true; values: { from: string; to: string }; range: CsvRange; first: FirstChunk }
  | { ok: false; values: { from: string; to: string }; errors: FieldErrors; page: OrdersPage };
const exportRead = (c: C): PageRead<ExportRead> => {
  const values = { from: c.req.query("from") ?? "", to: c.req.query("to") ?? "" };
  const parsed = validate(exportSchema, values);
  if (parsed.ok) return mapRead(firstChunkRead(parsed.data), (first): ExportRead => ({ ok: true, values, range: parsed.data, first }));
  return mapRead(ordersListRead({}), (page): ExportRead => ({ ok: false, values, errors: parsed.errors, page }));
};

orderAdmin.get(
  "/export",
  adminPage(exportRead, (c, read) => {
    if (!read.ok) {
      const list = <OrdersListPage {...adminChrome(c)} page={read.page} query={{}} clock={confirmClock(c)} asksConfirmation={c.get("shop").codConfirm} exportForm={{ values: read.values, errors: read.errors }} />;
      return renderPage(c, list, 400);
    }
    const name = `orders-${c.get("shop").slug}-${read.values.from}-${read.values.to}.csv`.replace(/[^\w.-]/g, "");
    return c.body(ordersCsv(c.get("db"), c.get("shop").id, read.range, adminChrome(c).m.t, read.first), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    });
  }),
);

/** The order's id in the URL (the route's pattern: 1-12 digits). */
const idParam = (c: C) => Number(c.req.param("id"));

async function loadDetail(c: C): Promise<SellerOrderDetail> {
  const detail = await orderForSeller(c.get("db"), c.get("shop").id, idParam(c));
  if (!detail) throw new HTTPException(404);
  return detail;
}

interface Extras {
  notice?: string;
  alert?: string;
  values?: FormValues;
  errors?: FieldErrors;
}

const statusUrlOf = (c: C, detail: OrderDetail) => `${originFor(c.req.url, c.env.ROOT_DOMAIN, c.get("shop").slug)}/orders/${detail.order.token}`;

/** The public copy of the slip (on the shop's host, behind the order's unguessable token), to send to her rider. */
const slipShare = (c: C, detail: OrderDetail): SlipShare => ({
  url: `${statusUrlOf(c, detail)}/slip`,
  text: adminChrome(c).m.t("orders.slip.shareText", { number: detail.order.number, shop: c.get("shop").name }),
});

function showOrder(c: C, detail: SellerOrderDetail, extras: Extras = {}, status: ContentfulStatusCode = 200) {
  const shop = c.get("shop");
  const statusUrl = statusUrlOf(c, detail);
  const wa = waLinks(detail, shop, statusUrl);
  return renderPage(c, <OrderPage {...adminChrome(c)} detail={detail} risk={detail.risk} wa={wa} statusUrl={statusUrl} slipShare={slipShare(c, detail)} clock={confirmClock(c)} {...extras} />, status);
}

const ID = `/:id${ID_ROUTE}`;

orderAdmin.get(ID, adminPage((c) => sellerOrderRead(idParam(c)), (c, detail) => {
  if (!detail) throw new HTTPException(404);
  const { t } = adminChrome(c).m;
  const done = c.req.query("done");
  const notice =
    done === "status" ? t("orders.done.status", { status: t(`status.${detail.order.status}`) })
    : done === "paid" ? t("orders.done.paid")
    : done === "notReceived" ? t("orders.done.notReceived")
    : done === "refunded" ? t("orders.done.refunded")
    : done === "note" ? t("orders.done.note")
    : undefined;
  return showOrder(c, detail, { notice });
}));

orderAdmin.post(`${ID}/status`, async (c) => {
  const values = await readForm(c);
  const detail = await loadDetail(c);
  const { t } = adminChrome(c).m;
  const parsed = validate(statusSchema, values);
  if (!parsed.ok) return showOrder(c, detail, { values, errors: parsed.errors }, 400);
  const { from, to } = parsed.data;
  if (!canTransition(from, to)) {
    return showOrder(c, detail, { alert: t("orders.error.notAllowed", { from: t(`status.${from}`), to: t(`status.${to}`) }) }, 409);
  }
  const result = await changeStatus(scope(c), detail, parsed.data, actor(c));
  if (!result.ok) {
    const fresh = (await orderForSeller(c.get("db"), c.get("shop").id, detail.order.id)) ?? detail;
    return showOrder(c, fresh, { alert: t("orders.error.stale", { status: t(`status.${fresh.order.status}`) }) }, 409);
  }
  return c.redirect(`${orderUrl(c, detail.order.id)}?done=status`, 303);
});

/** "Payment received" (the form's default), "Not received" (the customer is told), refunded. */
orderAdmin.post(`${ID}/payment`, async (c) => {
  const detail = await loadDetail(c);
  const parsed = paymentMoveSchema.safeParse(await readForm(c));
  if (!parsed.success) throw new HTTPException(400);
  const { move } = parsed.data;
  const result = await movePayment(scope(c), detail.order.id, move, actor(c));
  if (!result.ok) {
    const fresh = (await orderForSeller(c.get("db"), c.get("shop").id, detail.order.id)) ?? detail;
    const { t } = adminChrome(c).m;
    const alert = move === "received" && fresh.order.paymentState === "paid" ? t("orders.error.alreadyPaid") : t("orders.payment.stale", { state: t(`payment.state.${fresh.order.paymentState}`) });
    return showOrder(c, fresh, { alert }, 409);
  }
  if (result.messages.length) c.executionCtx.waitUntil(enqueueGathered(shopQueue(c), result.messages));
  return c.redirect(`${orderUrl(c, detail.order.id)}?done=${move === "received" ? "paid" : move}`, 303);
});

/** The customer's screenshot of her transfer: this shop's order only, never cached. */
orderAdmin.get(
  `${ID}/proof`,
  adminPage(
    (c) => orderProofRead(idParam(c)),
    async (c, proof) => {
      const res = proof ? await proofResponse(c.env.MEDIA, c.get("shop").id, proof) : null;
      if (!res) throw new HTTPException(404);
      return res;
    },
  ),
);

orderAdmin.post(`${ID}/note`, async (c) => {
  const values = await readForm(c);
  const detail = await loadDetail(c);
  const parsed = validate(noteSchema, values);
  if (!parsed.ok) return showOrder(c, detail, { values, errors: parsed.errors }, 400);
  await addNote(scope(c), detail.order.id, parsed.data.note, actor(c));
  return c.redirect(`${orderUrl(c, detail.order.id)}?done=note`, 303);
});

orderAdmin.get(
  `${ID}/slip`,
  adminPage(
    (c) => orderRead(idParam(c)),
    (c, detail) => {
      if (!detail) throw new HTTPException(404);
      const self = orderUrl(c, detail.order.id) + "/slip";
      const page = <PackingSlip m={adminChrome(c).m} shop={c.get("shop")} detail={detail} size={slipSize(c.req.query("size"))} self={self} back={orderUrl(c, detail.order.id)} share={slipShare(c, detail)} />;
      return renderPage(c, page);
    },
  ),
);
