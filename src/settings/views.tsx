import type { AdminChrome } from "../admin/chrome";
import { rupeesText } from "../lib/money";
import type { FieldErrors } from "../lib/form";
import { CURRENCIES } from "./shop";
import { DEFAULT_LOCALE, LOCALES, type Locale, type MessageKey } from "../i18n";
import type { ZoneRow } from "./zones";
import { fieldName, METHODS, type Payments } from "../payments";
import type { PaymentMethodDef } from "../payments/method";
import { imageVM, parsePacked } from "../media/urls";
import { ALERT_CHANNELS } from "../db/schema";
import { AdminShell } from "../ui/AdminShell";
import { Field, FileField } from "../ui/Field";
import { Form } from "../ui/Form";
import { ActionButton, BackLink, Check, err, Select, TextArea } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { caps, keyboards } from "../lib/form-fields";
import { COD_CONFIRM_HOURS_MAX, detailsSchema, paymentsForm, zoneSchema } from "./schema";

const details = caps(detailsSchema);
const kb = keyboards(detailsSchema);
const pay = caps(paymentsForm);
const zone = caps(zoneSchema);

type Values = Record<string, string>;
const back = (p: AdminChrome) => <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={p.m.t("admin.shop.title")} />;

/** The Shop tab: every catalogue and settings page, the owner's ones only for the owner. */
export function ShopHub(p: AdminChrome & { shopUrl: string }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}`;
  const items: [string, string, boolean][] = [
    [`${b}/customers`, t("customers.title"), false],
    [`${b}/collections`, t("collections.title"), false],
    [`${b}/pages`, t("pages.title"), false],
    [`${b}/discounts`, t("discounts.title"), false],
    [`${b}/csv`, t("csv.title"), false],
    [`${b}/theme`, t("theme.title"), true],
    [`${b}/settings`, t("settings.title"), true],
    [`${b}/settings/payments`, t("payments.title"), true],
    [`${b}/gateways`, t("gateways.title"), true],
    [`${b}/settings/zones`, t("zones.title"), true],
    [`${b}/couriers/settings`, t("couriers.settings.title"), true],
    [`${b}/domain`, t("domains.title"), true],
    [`${b}/settlements`, t("settlements.title"), false],
    [`${b}/staff`, t("staff.title"), true],
  ];
  return (
    <AdminShell {...p} title={t("admin.shop.title")} tab="shop" css={cmsCss}>
      <h1>{t("admin.shop.title")}</h1>
      <ul class="menu">
        {items
          .filter(([, , owner]) => !owner || p.role === "owner")
          .map(([href, label]) => (
            <li key={href}>
              <a href={href}>
                {label} <span aria-hidden="true">›</span>
              </a>
            </li>
          ))}
        <li>
          <a href={p.shopUrl}>{t("admin.home.viewShop")} ↗</a>
        </li>
      </ul>
    </AdminShell>
  );
}

export function DetailsPage(p: AdminChrome & { values: Values; errors?: FieldErrors; saved?: boolean; offerLocale?: Locale }) {
  const { t } = p.m;
  const v = p.values;
  const e = (f: string) => err(t, p.errors, f);
  return (
    <AdminShell {...p} title={t("settings.title")} tab="shop" css={cmsCss}>
      {back(p)}
      <h1>{t("settings.title")}</h1>
      {p.saved && <p class="notice" role="status">{t("products.saved")}</p>}
      {p.offerLocale && <AdminLanguageOffer {...p} locale={p.offerLocale} />}
      {p.errors && <p class="alert" role="alert">{t("common.fixErrors")}</p>}
      <Form action={`/admin/${p.shop.slug}/settings`} csrf={p.csrf}>
        <Field name="name" label={t("settings.name")} value={v.name} error={e("name")} maxLength={details.name} required dir="auto" />
        <TextArea name="description" label={t("settings.description")} value={v.description ?? ""} error={e("description")} maxLength={details.description} rows={3} />
        <Field name="whatsapp" {...kb.whatsapp} label={t("settings.whatsapp")} value={v.whatsapp} error={e("whatsapp")} hint={t("settings.phoneHint")} dir="ltr" maxLength={details.whatsapp} />
        <Field name="phone" {...kb.phone} label={t("settings.phone")} value={v.phone} error={e("phone")} dir="ltr" maxLength={details.phone} />
        <Field name="email" {...kb.email} label={t("settings.email")} value={v.email} error={e("email")} dir="ltr" maxLength={details.email} />
        <Field name="city" label={t("settings.city")} value={v.city} error={e("city")} maxLength={details.city} dir="auto" />
        <Select name="currency" label={t("settings.currency")} value={v.currency ?? "PKR"} error={e("currency")} options={CURRENCIES.map((c) => [c, c])} />
        <Select
          name="locale"
          label={t("settings.locale")}
          value={v.locale ?? DEFAULT_LOCALE}
          error={e("locale")}
          options={LOCALES.map((l) => [l, t(`common.language.${l}`)])}
        />
        <Select
          name="alertChannel"
          label={t("settings.alertChannel")}
          value={v.alertChannel ?? "whatsapp"}
          error={e("alertChannel")}
          options={ALERT_CHANNELS.map((a) => [a, t(`settings.alertChannel.${a}`)])}
        />
        <Field name="lowStockAt" label={t("settings.lowStockAt")} value={v.lowStockAt} error={e("lowStockAt")} hint={t("settings.lowStockAt.hint")} inputMode="numeric" dir="ltr" maxLength={details.lowStockAt} />
        <button class="btn block" type="submit">
          {t("common.save")}
        </button>
      </Form>
    </AdminShell>
  );
}

/** After the shop's language changed: "use it for my admin too", one tap (her account's language). */
function AdminLanguageOffer(p: AdminChrome & { locale: Locale }) {
  const { t } = p.m;
  const language = t(`common.language.${p.locale}`);
  return (
    <div class="notice" id="admin-language-offer">
      <p>{t("settings.adminLanguageOffer", { language })}</p>
      <Form action="/admin/account/language" csrf={p.csrf}>
        <input type="hidden" name="locale" value={p.locale} />
        <input type="hidden" name="next" value={`/admin/${p.shop.slug}/settings`} />
        <button class="btn block" type="submit">
          {t("settings.adminLanguageUse", { language })}
        </button>
      </Form>
    </div>
  );
}

/** The payments form's values: the methods, and the shop's cash-on-delivery confirmation. */
export const paymentValues = (p: Payments, cod: { codConfirm: boolean; codConfirmHours: number }): Values => {
  const v: Values = { codEnabled: p.cod.enabled ? "on" : "", codConfirm: cod.codConfirm ? "on" : "", codConfirmHours: String(cod.codConfirmHours) };
  for (const m of METHODS) {
    if (m.kind === "cod") continue;
    v[`${m.id}Enabled`] = p[m.id].enabled ? "on" : "";
    for (const k of Object.keys(m.fields)) v[fieldName(m.id, k)] = String(p[m.id][k] ?? "");
  }
  return v;
};

export function PaymentsPage(p: AdminChrome & { values: Values; errors?: FieldErrors; saved?: boolean; payments: Payments }) {
  const { t } = p.m;
  const v = p.values;
  const e = (f: string) => err(t, p.errors, f);
  const methods = METHODS.filter((m) => m.kind !== "cod").map((m) => [m, t(`payments.${m.id}`)] as const);
  return (
    <AdminShell {...p} title={t("payments.title")} tab="shop" css={cmsCss}>
      {back(p)}
      <h1>{t("payments.title")}</h1>
      {p.saved && <p class="notice" role="status">{t("products.saved")}</p>}
      {p.errors && <p class="alert" role="alert">{e("_form") ?? t("common.fixErrors")}</p>}
      <Form action={`/admin/${p.shop.slug}/settings/payments`} csrf={p.csrf}>
        <fieldset>
          <legend>{t("payments.cod")}</legend>
          <Check name="codEnabled" label={t("payments.codOn")} checked={v.codEnabled === "on"} />
          <Check name="codConfirm" label={t("payments.codConfirm")} checked={v.codConfirm === "on"} />
          <p class="hint muted">{t("payments.codConfirm.hint")}</p>
          <Field
            name="codConfirmHours"
            label={t("payments.codConfirmHours")}
            value={v.codConfirmHours}
            error={p.errors?.codConfirmHours ? t(p.errors.codConfirmHours as MessageKey, { max: p.errors["codConfirmHours.max"] ?? COD_CONFIRM_HOURS_MAX }) : undefined}
            hint={t("payments.codConfirmHours.hint", { max: COD_CONFIRM_HOURS_MAX })}
            inputMode="numeric"
            dir="ltr"
            maxLength={pay.codConfirmHours}
          />
        </fieldset>
        {methods.map(([m, label]) => (
          <fieldset key={m.id}>
            <legend>{label}</legend>
            <Check name={`${m.id}Enabled`} label={t("payments.accept", { method: label })} checked={v[`${m.id}Enabled`] === "on"} />
            {Object.entries(m.fields).map(([k, f]) => {
              const name = fieldName(m.id, k);
              return <Field key={name} name={name} label={t(f.label)} value={v[name]} error={e(name)} maxLength={pay[name]} dir={f.dir} inputMode={f.inputMode} autoComplete={f.autoComplete} />;
            })}
          </fieldset>
        ))}
        <p class="hint muted">{t("payments.hint")}</p>
        <button class="btn block" type="submit">
          {t("common.save")}
        </button>
      </Form>
      {METHODS.map((m) => m.image && <MethodImage key={m.id} p={p} id={m.id} image={m.image} packed={String(p.payments[m.id]?.[m.image.key] ?? "")} error={e(`${m.id}Image`)} />)}
    </AdminShell>
  );
}

/** A method's image (Raast's QR code): its own upload form (multipart, outside the settings form), the current one and its removal. */
function MethodImage({ p, id, image, packed, error }: { p: AdminChrome; id: string; image: NonNullable<PaymentMethodDef["image"]>; packed: string; error?: string }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/settings/payments/image`;
  const stored = parsePacked(packed || null);
  const img = stored && imageVM(stored, t(image.alt), 320, `/admin/${p.shop.slug}/media/`);
  return (
    <section class="card" id={id}>
      <h2>{t(image.label)}</h2>
      {img && <img src={img.src} width={img.width} height={img.height} alt={img.alt} />}
      <Form action={b} csrf={p.csrf} enctype="multipart/form-data">
        <input type="hidden" name="method" value={id} />
        <FileField id={`${id}-image`} name="image" label={t(img ? "payments.imageReplace" : "payments.imageChoose")} accept="image/jpeg,image/png,image/webp" hint={t("payments.imageHint")} error={error} required />
        <button class="btn ghost block" type="submit">
          {t("payments.imageUpload")}
        </button>
      </Form>
      {img && <ActionButton action={`${b}/delete`} csrf={p.csrf} label={t("payments.imageRemove")} name="method" value={id} />}
    </section>
  );
}

export function ZonesPage(p: AdminChrome & { zones: ZoneRow[]; editing?: { id: number | null; values: Values; errors: FieldErrors } }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/settings/zones`;
  const form = (id: number | null, v: Values, errors?: FieldErrors) => {
    const e = (f: string) => err(t, errors, f);
    const pre = id ? `z${id}-` : "new-";
    return (
      <Form action={id ? `${b}/${id}` : b} csrf={p.csrf}>
        <Field name="name" label={t("zones.name")} value={v.name} error={e("name")} maxLength={zone.name} dir="auto" id={`${pre}name`} />
        <div class="grid2">
          <Field name="fee" label={t("zones.fee")} value={v.fee} error={e("fee")} inputMode="decimal" dir="ltr" maxLength={zone.fee} id={`${pre}fee`} />
          <Field name="freeAbove" label={t("zones.freeAbove")} value={v.freeAbove} error={e("freeAbove")} hint={t("common.optional")} inputMode="decimal" dir="ltr" maxLength={zone.freeAbove} id={`${pre}free`} />
        </div>
        <button class="btn small" type="submit">
          {id ? t("common.save") : t("zones.add")}
        </button>
      </Form>
    );
  };
  const ed = p.editing;
  return (
    <AdminShell {...p} title={t("zones.title")} tab="shop" css={cmsCss}>
      {back(p)}
      <h1>{t("zones.title")}</h1>
      <p class="muted">{t("zones.hint")}</p>
      {ed && <p class="alert" role="alert">{t("common.fixErrors")}</p>}
      <ul class="plist">
        {p.zones.map((z) => (
          <li key={z.id} id={`z${z.id}`}>
            {form(z.id, ed?.id === z.id ? ed.values : { name: z.name, fee: rupeesText(z.fee), freeAbove: rupeesText(z.freeAbove) }, ed?.id === z.id ? ed.errors : undefined)}
            <div class="acts">
              <ActionButton action={`${b}/${z.id}/delete`} csrf={p.csrf} label={t("common.delete")} danger />
            </div>
          </li>
        ))}
      </ul>
      <section class="card">
        <h2>{t("zones.add")}</h2>
        {form(null, ed && ed.id === null ? ed.values : {}, ed && ed.id === null ? ed.errors : undefined)}
      </section>
    </AdminShell>
  );
}
