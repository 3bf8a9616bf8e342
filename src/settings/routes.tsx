/** /admin/:shop/settings (owner only): shop details, payment methods, delivery zones. */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { readForm, validate } from "../lib/form";
import { renderPage } from "../lib/render";
import { updatePayments, updateShopDetails } from "./shop";
import { createZone, deleteZone, listZones, updateZone, zoneListRead } from "./zones";
import { adminPage } from "../admin/page";
import { nothingToRead } from "../db/page-read";
import { fieldName, METHODS, paymentsSchema, type Payments } from "../payments";
import { adminChrome } from "../admin/chrome";
import { intParam } from "../lib/form-all";
import { requireOwner } from "../admin/load-shop";
import { detailsSchema, MAX_ZONES, paymentImageSchema, paymentsForm, zoneSchema } from "./schema";
import { checkPhotoSet, storePhotoSet } from "../media/store";
import { DetailsPage, paymentValues, PaymentsPage, ZonesPage } from "./views";

export const settingsRoutes = new Hono<AppEnv>();
settingsRoutes.use("*", requireOwner());
type C = Context<AppEnv>;
/** Pages showing only the shop's record: the session check's batch is their one round trip. */
const noRead = () => nothingToRead;

settingsRoutes.get(
  "/",
  adminPage(noRead, (c) => {
    const s = c.get("shop");
    const values = { name: s.name, description: s.description, whatsapp: s.whatsapp, phone: s.phone, email: s.email, city: s.city, currency: s.currency, locale: s.locale, alertChannel: s.alertChannel, lowStockAt: s.lowStockAt === null ? "" : String(s.lowStockAt) };
    // The shop's language just changed and hers differs: offer hers the same, in one tap.
    const offer = c.req.query("lang") === "1" && s.locale !== c.get("user")!.locale ? s.locale : undefined;
    return renderPage(c, <DetailsPage {...adminChrome(c)} values={values} saved={c.req.query("done") === "1"} offerLocale={offer} />);
  }),
);

settingsRoutes.post("/", async (c) => {
  const values = await readForm(c);
  const r = validate(detailsSchema, values);
  if (!r.ok) return renderPage(c, <DetailsPage {...adminChrome(c)} values={values} errors={r.errors} />, 400);
  await updateShopDetails(c.get("db"), c.get("shop").id, r.data, c.get("dir"));
  const langChanged = r.data.locale !== c.get("shop").locale && r.data.locale !== c.get("user")!.locale;
  return c.redirect(`/admin/${c.get("shop").slug}/settings?done=1${langChanged ? "&lang=1" : ""}`, 303);
});

settingsRoutes.get(
  "/payments",
  adminPage(noRead, (c) =>
    renderPage(c, <PaymentsPage {...adminChrome(c)} payments={c.get("shop").payments} values={paymentValues(c.get("shop").payments, c.get("shop"))} saved={c.req.query("done") === "1"} />),
  ),
);

settingsRoutes.post("/payments", async (c) => {
  const values = await readForm(c);
  const r = validate(paymentsForm, values);
  if (!r.ok) return renderPage(c, <PaymentsPage {...adminChrome(c)} payments={c.get("shop").payments} values={values} errors={r.errors} />, 400);
  const d = r.data as Record<string, string | boolean | number | undefined>;
  // A method's image (Raast's QR) has its own form: the settings form keeps it as it is.
  const image = (m: (typeof METHODS)[number]) => (m.image ? { [m.image.key]: c.get("shop").payments[m.id]?.[m.image.key] ?? "" } : {});
  const stored = (m: (typeof METHODS)[number]) => ({ enabled: d[`${m.id}Enabled`] === true, ...Object.fromEntries(Object.keys(m.fields).map((k) => [k, d[fieldName(m.id, k)] ?? ""])), ...image(m) });
  const payments = paymentsSchema.parse(Object.fromEntries(METHODS.map((m) => [m.id, stored(m)]))) as Payments;
  await updatePayments(c.get("db"), c.get("shop").id, payments, { codConfirm: d.codConfirm === true, codConfirmHours: d.codConfirmHours as number | undefined });
  return c.redirect(`/admin/${c.get("shop").slug}/settings/payments?done=1`, 303);
});

const paymentsUrl = (c: C) => `/admin/${c.get("shop").slug}/settings/payments`;
/** The registered method named by the form that takes an image (Raast's QR); else a 404. */
function imageMethod(id: unknown) {
  const m = METHODS.find((x) => x.id === id && x.image);
  if (!m?.image) throw new HTTPException(404);
  return { ...m, image: m.image };
}
const cod = (c: C) => ({ codConfirm: c.get("shop").codConfirm, codConfirmHours: c.get("shop").codConfirmHours });

/** The method's image (Raast's QR code): checked by its bytes, stored like a photo, kept in the method's settings. */
settingsRoutes.post("/payments/image", async (c) => {
  const body = await c.req.parseBody();
  const m = imageMethod(body.method);
  const parsed = paymentImageSchema.safeParse({ method: m.id, image: body.image });
  const checked = parsed.success ? await checkPhotoSet([{ declared: null, file: parsed.data.image }]) : (parsed.error.issues[0]?.message ?? "media.none");
  if (typeof checked === "string") {
    const errors = { [`${m.id}Image`]: checked };
    return renderPage(c, <PaymentsPage {...adminChrome(c)} payments={c.get("shop").payments} values={paymentValues(c.get("shop").payments, c.get("shop"))} errors={errors} />, 400);
  }
  const photo = await storePhotoSet(c.env.MEDIA, c.get("shop").id, checked);
  const packed = `${photo.key}|${photo.widths.join(",")}|${photo.width}|${photo.height}|${photo.format}|`;
  const p = c.get("shop").payments;
  await updatePayments(c.get("db"), c.get("shop").id, { ...p, [m.id]: { ...p[m.id], [m.image.key]: packed } }, cod(c));
  return c.redirect(`${paymentsUrl(c)}?done=1#${m.id}`, 303);
});

settingsRoutes.post("/payments/image/delete", async (c) => {
  const m = imageMethod((await readForm(c)).method);
  const p = c.get("shop").payments;
  await updatePayments(c.get("db"), c.get("shop").id, { ...p, [m.id]: { ...p[m.id], [m.image.key]: "" } }, cod(c));
  return c.redirect(`${paymentsUrl(c)}?done=1#${m.id}`, 303);
});

const zonesUrl = (c: C) => `/admin/${c.get("shop").slug}/settings/zones`;

settingsRoutes.get(
  "/zones",
  adminPage(
    () => zoneListRead,
    (c, zones) => renderPage(c, <ZonesPage {...adminChrome(c)} zones={zones} />),
  ),
);

async function saveZone(c: C, id: number | null) {
  const values = await readForm(c);
  const r = validate(zoneSchema, values);
  if (!r.ok) {
    const zones = await listZones(c.get("db"), c.get("shop").id);
    if (id !== null && !zones.some((z) => z.id === id)) throw new HTTPException(404);
    return renderPage(c, <ZonesPage {...adminChrome(c)} zones={zones} editing={{ id, values, errors: r.errors }} />, 400);
  }
  const zone = { ...r.data, fee: r.data.fee ?? 0 };
  if (id === null) {
    if (!(await createZone(c.get("db"), c.get("shop").id, zone))) {
      const zones = await listZones(c.get("db"), c.get("shop").id);
      return renderPage(c, <ZonesPage {...adminChrome(c)} zones={zones} editing={{ id, values, errors: { name: "zones.full", "name.max": String(MAX_ZONES) } }} />, 400);
    }
  } else if (!(await updateZone(c.get("db"), c.get("shop").id, id, zone))) throw new HTTPException(404);
  return c.redirect(zonesUrl(c), 303);
}

settingsRoutes.post("/zones", (c) => saveZone(c, null));
settingsRoutes.post("/zones/:id{[0-9]+}", (c) => saveZone(c, intParam(c.req.param("id"))));
settingsRoutes.post("/zones/:id{[0-9]+}/delete", async (c) => {
  if (!(await deleteZone(c.get("db"), c.get("shop").id, intParam(c.req.param("id"))!))) throw new HTTPException(404);
  return c.redirect(zonesUrl(c), 303);
});
