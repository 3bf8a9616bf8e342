/** /admin/:shop/settings (owner only): shop details, payment methods, delivery zones. */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { readForm, validate } from "../lib/form";
import { renderPage } from "../lib/render";
import { updatePayments, updateShopDetails } from "./shop";
import { createZone, deleteZone, listZones, updateZone } from "./zones";
import { fieldName, METHODS, paymentsSchema, type Payments } from "../payments";
import { adminChrome } from "../admin/chrome";
import { intParam } from "../lib/form-all";
import { requireOwner } from "../admin/load-shop";
import { detailsSchema, MAX_ZONES, paymentsForm, zoneSchema } from "./schema";
import { DetailsPage, paymentValues, PaymentsPage, ZonesPage } from "./views";

export const settingsRoutes = new Hono<AppEnv>();
settingsRoutes.use("*", requireOwner());
type C = Context<AppEnv>;

settingsRoutes.get("/", (c) => {
  const s = c.var.shop;
  const values = { name: s.name, description: s.description, whatsapp: s.whatsapp, phone: s.phone, email: s.email, city: s.city, currency: s.currency, locale: s.locale, alertChannel: s.alertChannel, lowStockAt: s.lowStockAt === null ? "" : String(s.lowStockAt) };
  // The shop's language just changed and hers differs: offer hers the same, in one tap.
  const offer = c.req.query("lang") === "1" && s.locale !== c.var.user!.locale ? s.locale : undefined;
  return renderPage(c, <DetailsPage {...adminChrome(c)} values={values} saved={c.req.query("done") === "1"} offerLocale={offer} />);
});

settingsRoutes.post("/", async (c) => {
  const values = await readForm(c);
  const r = validate(detailsSchema, values);
  if (!r.ok) return renderPage(c, <DetailsPage {...adminChrome(c)} values={values} errors={r.errors} />, 400);
  await updateShopDetails(c.var.db, c.var.shop.id, r.data);
  const langChanged = r.data.locale !== c.var.shop.locale && r.data.locale !== c.var.user!.locale;
  return c.redirect(`/admin/${c.var.shop.slug}/settings?done=1${langChanged ? "&lang=1" : ""}`, 303);
});

settingsRoutes.get("/payments", (c) =>
  renderPage(c, <PaymentsPage {...adminChrome(c)} values={paymentValues(c.var.shop.payments, c.var.shop)} saved={c.req.query("done") === "1"} />),
);

settingsRoutes.post("/payments", async (c) => {
  const values = await readForm(c);
  const r = validate(paymentsForm, values);
  if (!r.ok) return renderPage(c, <PaymentsPage {...adminChrome(c)} values={values} errors={r.errors} />, 400);
  const d = r.data as Record<string, string | boolean | number | undefined>;
  const stored = (m: (typeof METHODS)[number]) => ({ enabled: d[`${m.id}Enabled`] === true, ...Object.fromEntries(Object.keys(m.fields).map((k) => [k, d[fieldName(m.id, k)] ?? ""])) });
  const payments = paymentsSchema.parse(Object.fromEntries(METHODS.map((m) => [m.id, stored(m)]))) as Payments;
  await updatePayments(c.var.db, c.var.shop.id, payments, { codConfirm: d.codConfirm === true, codConfirmHours: d.codConfirmHours as number | undefined });
  return c.redirect(`/admin/${c.var.shop.slug}/settings/payments?done=1`, 303);
});

const zonesUrl = (c: C) => `/admin/${c.var.shop.slug}/settings/zones`;

settingsRoutes.get("/zones", async (c) => renderPage(c, <ZonesPage {...adminChrome(c)} zones={await listZones(c.var.db, c.var.shop.id)} />));

async function saveZone(c: C, id: number | null) {
  const values = await readForm(c);
  const r = validate(zoneSchema, values);
  if (!r.ok) {
    const zones = await listZones(c.var.db, c.var.shop.id);
    if (id !== null && !zones.some((z) => z.id === id)) throw new HTTPException(404);
    return renderPage(c, <ZonesPage {...adminChrome(c)} zones={zones} editing={{ id, values, errors: r.errors }} />, 400);
  }
  const zone = { ...r.data, fee: r.data.fee ?? 0 };
  if (id === null) {
    if (!(await createZone(c.var.db, c.var.shop.id, zone))) {
      const zones = await listZones(c.var.db, c.var.shop.id);
      return renderPage(c, <ZonesPage {...adminChrome(c)} zones={zones} editing={{ id, values, errors: { name: "zones.full", "name.max": String(MAX_ZONES) } }} />, 400);
    }
  } else if (!(await updateZone(c.var.db, c.var.shop.id, id, zone))) throw new HTTPException(404);
  return c.redirect(zonesUrl(c), 303);
}

settingsRoutes.post("/zones", (c) => saveZone(c, null));
settingsRoutes.post("/zones/:id{[0-9]+}", (c) => saveZone(c, intParam(c.req.param("id"))));
settingsRoutes.post("/zones/:id{[0-9]+}/delete", async (c) => {
  if (!(await deleteZone(c.var.db, c.var.shop.id, intParam(c.req.param("id"))!))) throw new HTTPException(404);
  return c.redirect(zonesUrl(c), 303);
});
