/**
 * The couriers in the admin, under /admin/:shop/couriers (the shop and membership checked by
 * loadAdminShop): the accounts (owners save, hints only), an order's booking page, booking several
 * orders from the list, Retry, the printable label and the courier's own label PDF. A request only
 * writes shipments and puts jobs on the queue: no courier API is called here.
 */
import { shopQueue } from "../lib/meter";
import { and, eq, inArray } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { adminChrome } from "../admin/chrome";
import { requireOwner } from "../admin/load-shop";
import { credentialsKey, type CredentialsEnv } from "../credentials/seal";
import { saveCredentials, savedCredentialsRead } from "../credentials/store";
import { adminPage } from "../admin/page";
import { runRead } from "../db/page-read";
import type { Scope } from "../db/client";
import { orders } from "../db/schema";
import type { AppEnv } from "../env";
import { readForm, validate, type FormValues } from "../lib/form";
import { renderPage } from "../lib/render";
import type { Actor } from "../orders/actions";
import { COURIERS, courierById } from "./index";
import { enqueueBookings } from "./jobs";
import { bookSchema, bulkSchema, credentialsSchema } from "./schemas";
import { bookPageRead, labelKey, requestBooking, retryBooking, shipmentOf, shipmentPageRead } from "./shipments";
import { BookPage, CourierSettingsPage } from "./views/CourierPages";
import { LabelPage, labelSize } from "./views/LabelPage";
import { ID_ROUTE } from "../lib/ids";

export const courierRoutes = new Hono<AppEnv>();
/** The couriers' accounts: the owner's alone (staff get a 404), mounted at /couriers/settings. */
export const courierSettingsRoutes = new Hono<AppEnv>();
courierSettingsRoutes.use("*", requireOwner());
type C = Context<AppEnv>;

const scope = (c: C): Scope => ({ db: c.get("db"), shopId: c.get("shop").id });
const actor = (c: C): Actor => ({ userId: c.get("user")!.id, name: c.get("user")!.name });
const key = (c: C) => credentialsKey(c.env as unknown as CredentialsEnv);
const ID = ID_ROUTE;
const base = (c: C) => `/admin/${c.get("shop").slug}/couriers`;

/** Puts the jobs on the queue after the response (the request never waits on a courier). */
const enqueue = (c: C, ids: number[]) => c.executionCtx.waitUntil(enqueueBookings(shopQueue(c), ids));

/** The couriers that take an account (their hints are the settings page's one read). */
const withAccounts = COURIERS.filter((x) => x.credentialFields.length).map((x) => x.id);
const settingsRead = () => savedCredentialsRead(withAccounts);
type Saved = ReturnType<ReturnType<typeof settingsRead>["shape"]>;

async function settingsPage(c: C, saved: Saved, extra: { notice?: string; refused?: { courier: string; values: FormValues; errors: Record<string, string> } } = {}, status: 200 | 400 = 200) {
  const hints = Object.fromEntries(withAccounts.map((id) => [id, saved.get(id)?.hints ?? {}]));
  return renderPage(c, <CourierSettingsPage {...adminChrome(c)} hints={hints} canSave={(await key(c)) !== null} {...extra} />, status);
}

/** The settings page again after a refused post (its read alone: a write's path reads after the session). */
const settingsAgain = async (c: C, extra: Parameters<typeof settingsPage>[2]) => settingsPage(c, await runRead(c.get("db"), c.get("shop").id, settingsRead()), extra, 400);

courierSettingsRoutes.get(
  "/",
  adminPage(settingsRead, (c, saved) => settingsPage(c, saved, { notice: c.req.query("done") === "1" ? adminChrome(c).m.t("couriers.settings.saved") : undefined })),
);

courierSettingsRoutes.post("/", async (c) => {
  const values = await readForm(c);
  const parsed = validate(credentialsSchema, values);
  const courier = courierById(values.courier ?? "");
  if (!courier || courier.credentialFields.length === 0) return settingsAgain(c, {});
  // What was typed is never shown back (secrets): only the messages beside the fields.
  if (!parsed.ok) return settingsAgain(c, { refused: { courier: courier.id, values: {}, errors: parsed.errors } });
  const sealing = await key(c);
  if (!sealing) return settingsAgain(c, {});
  const fields = Object.fromEntries(courier.credentialFields.map((f) => [f, parsed.data[f as keyof typeof parsed.data] ?? ""]));
  await saveCredentials(scope(c), sealing, courier.id, fields);
  return c.redirect(`${base(c)}/settings?done=1`, 303);
});

const idParam = (c: C) => Number(c.req.param("id"));

/** The booking page's order and shipments (404: not this shop's order). */
function bookable(found: Booking | null): Booking {
  if (!found) throw new HTTPException(404);
  return found;
}
type Booking = NonNullable<ReturnType<ReturnType<typeof bookPageRead>["shape"]>>;

/** COD to collect: the order's total when it is cash on delivery and unpaid, else 0. */
const codOf = (o: { paymentMethod: string; paymentStatus: string; total: number }) => (o.paymentMethod === "cod" && o.paymentStatus !== "paid" ? o.total : 0);

function bookPage(c: C, { order, shipments }: Booking, extra: { values?: FormValues; errors?: Record<string, string>; alert?: string } = {}, status: 200 | 400 | 409 = 200) {
  const values = extra.values ?? { courier: COURIERS[0].id, weight: "0.5", cod: String(codOf(order) / 100), tracking: "" };
  const notice = c.req.query("done") === "1" ? adminChrome(c).m.t("couriers.book.sent") : undefined;
  const page = <BookPage {...adminChrome(c)} order={order} shipments={shipments} values={values} errors={extra.errors} alert={extra.alert} notice={notice} />;
  return renderPage(c, page, status);
}

/** The booking page's read alone (a post's path: the session was read first). */
const booking = async (c: C) => bookable(await runRead(c.get("db"), c.get("shop").id, bookPageRead(idParam(c))));

courierRoutes.get(
  `/orders/:id${ID}`,
  adminPage(
    (c) => bookPageRead(idParam(c)),
    (c, found) => bookPage(c, bookable(found)),
  ),
);

courierRoutes.post(`/orders/:id${ID}/book`, async (c) => {
  const values = await readForm(c);
  const parsed = validate(bookSchema, values);
  if (!parsed.ok) return bookPage(c, await booking(c), { values, errors: parsed.errors }, 400);
  const { order } = await booking(c);
  const r = await requestBooking(scope(c), order.id, { courier: parsed.data.courier, weightGrams: parsed.data.weight, codPaisa: parsed.data.cod, trackingNumber: parsed.data.tracking }, actor(c));
  if (!r.ok) return bookPage(c, await booking(c), { values, alert: adminChrome(c).m.t(r.reason === "open" ? "couriers.book.open" : "couriers.book.notAllowed") }, 409);
  enqueue(c, [r.id]);
  return c.redirect(`${base(c)}/orders/${order.id}?done=1`, 303);
});

/** Several confirmed or packed orders from the list, one shipment and one job each. */
courierRoutes.post("/book", async (c) => {
  const body = await c.req.parseBody({ all: true });
  const list = ([] as unknown[]).concat(body.order ?? []);
  const parsed = validate(bulkSchema, { courier: body.courier, weight: body.weight, order: list });
  const ordersUrl = `/admin/${c.get("shop").slug}/orders`;
  if (!parsed.ok) return c.redirect(`${ordersUrl}?booked=0`, 303);
  const rows = await c.get("db")
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, c.get("shop").id), inArray(orders.id, parsed.data.order)));
  const ids: number[] = [];
  for (const o of rows) {
    const r = await requestBooking(scope(c), o.id, { courier: parsed.data.courier, weightGrams: parsed.data.weight, codPaisa: codOf(o), trackingNumber: "" }, actor(c));
    if (r.ok) ids.push(r.id);
  }
  enqueue(c, ids);
  return c.redirect(`${ordersUrl}?booked=${ids.length}`, 303);
});

async function shipmentFor(c: C) {
  const s = await shipmentOf(scope(c), idParam(c));
  if (!s) throw new HTTPException(404);
  return s;
}

courierRoutes.post(`/shipments/:id${ID}/retry`, async (c) => {
  const s = await shipmentFor(c);
  if (await retryBooking(scope(c), s.id)) enqueue(c, [s.id]);
  return c.redirect(`${base(c)}/orders/${s.orderId}?done=1`, 303);
});

/** The shipment and its order (404: not this shop's shipment). */
function shipmentFound<T>(found: T | null): T {
  if (!found) throw new HTTPException(404);
  return found;
}

courierRoutes.get(
  `/shipments/:id${ID}/label`,
  adminPage(
    (c) => shipmentPageRead(idParam(c)),
    (c, found) => {
      const { shipment: s, order } = shipmentFound(found);
      if (!s.trackingNumber || !order) throw new HTTPException(404);
      const self = `${base(c)}/shipments/${s.id}/label`;
      const page = (
        <LabelPage
          m={adminChrome(c).m}
          size={labelSize(c.req.query("size"))}
          self={self}
          back={`${base(c)}/orders/${order.id}`}
          shopName={c.get("shop").name}
          courier={s.courier}
          trackingNumber={s.trackingNumber}
          codPaisa={s.codPaisa}
          order={order}
        />
      );
      return renderPage(c, page);
    },
  ),
);

courierRoutes.get(
  `/shipments/:id${ID}/label.pdf`,
  adminPage(
    (c) => shipmentPageRead(idParam(c)),
    async (c, found) => {
      const { shipment: s } = shipmentFound(found);
      // The key is the shop's own prefix, recomputed: a row never points outside it.
      if (!s.labelKey || s.labelKey !== labelKey(c.get("shop").id, s.id)) throw new HTTPException(404);
      const pdf = await c.env.MEDIA.get(s.labelKey);
      if (!pdf) throw new HTTPException(404);
      return c.body(pdf.body, 200, { "content-type": "application/pdf", "cache-control": "private, no-store", "content-disposition": `inline; filename="label-${s.trackingNumber.replace(/[^\w-]/g, "")}.pdf"` });
    },
  ),
);
