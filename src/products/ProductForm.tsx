import type { AdminChrome } from "../admin/chrome";
import type { HashedScript } from "../lib/csp";
import type { FieldErrors } from "../lib/form";
import { AdminShell } from "../ui/AdminShell";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import type { MessageKey } from "../i18n";
import { BackLink, Check, Select, TextArea } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { errorParams, productCaps, type ProductFormState } from "./form";
import type { ComponentChildren } from "preact";

export interface ProductFormProps extends AdminChrome {
  state: ProductFormState;
  errors?: FieldErrors;
  productId?: number;
  collections: { id: number; title: string }[];
  /** Photos, actions: rendered after the form (forms cannot nest). */
  after?: ComponentChildren;
  /** The new form's photo field, inside the form (its files go with the POST without JavaScript). */
  photos?: ComponentChildren;
  notice?: string;
  script?: HashedScript;
}

export function ProductForm(p: ProductFormProps) {
  const { t } = p.m;
  const s = p.state;
  const CAPS = productCaps();
  const e = (f: string) => (p.errors?.[f] ? t(p.errors[f] as MessageKey, errorParams(f, p.errors[f]!)) : undefined);
  const base = `/admin/${p.shop.slug}/products`;
  const action = p.productId ? `${base}/${p.productId}` : base;
  const hasOptions = s.rows.length > 1 || (s.rows[0]?.key ?? "") !== "";
  const title = p.productId ? t("products.edit") : t("products.new");
  return (
    <AdminShell {...p} title={title} tab="products" css={cmsCss} script={p.script}>
      <BackLink m={p.m} href={base} label={t("products.title")} />
      <h1>{title}</h1>
      {p.notice && <p class="notice" role="status">{p.notice}</p>}
      {p.errors && Object.keys(p.errors).length > 0 && (
        <p class="alert" role="alert">
          {p.errors._form ? e("_form") : t("common.fixErrors")}
        </p>
      )}
      <Form action={action} csrf={p.csrf} id="product-form" enctype={p.photos ? "multipart/form-data" : undefined}>
        <Field name="title" label={t("products.field.title")} value={s.title} error={e("title")} maxLength={CAPS.title} required dir="auto" />
        <TextArea name="description" label={t("products.field.description")} value={s.description} error={e("description")} hint={t("products.field.descriptionHint")} maxLength={CAPS.description} />
        <div class="grid2">
          <Field name="price" label={t("products.field.price")} value={s.price} error={e("price")} inputMode="decimal" dir="ltr" required maxLength={CAPS.price} />
          <Field name="compareAt" label={t("products.field.compareAt")} value={s.compareAt} error={e("compareAt")} inputMode="decimal" dir="ltr" hint={t("common.optional")} maxLength={CAPS.compareAt} />
        </div>
        {p.photos}
        <Select
          name="status"
          label={t("products.field.status")}
          value={s.status}
          options={[
            ["active", t("products.status.active")],
            ["draft", t("products.status.draft")],
            ["archived", t("products.status.archived")],
          ]}
        />
        <Check name="trackStock" label={t("products.field.trackStock")} checked={s.trackStock} />
        <fieldset>
          <legend>{t("products.options")}</legend>
          <p class="hint muted">{t("products.optionsHint")}</p>
          {s.options.map((o, i) => (
            <div class="grid2" key={i}>
              <Field name={`opt${i + 1}Name`} label={t("products.optionName", { n: i + 1 })} value={o.name} error={e(`opt${i + 1}Name`)} maxLength={CAPS[`opt${i + 1}Name`]} dir="auto" />
              <Field name={`opt${i + 1}Values`} label={t("products.optionValues", { n: i + 1 })} value={o.values} error={e(`opt${i + 1}Values`)} maxLength={CAPS[`opt${i + 1}Values`]} dir="auto" />
            </div>
          ))}
          <button class="btn ghost small" type="submit" name="intent" value="refresh">
            {t("products.refreshVariants")}
          </button>
        </fieldset>
        <fieldset>
          <legend>{hasOptions ? t("products.variants", { n: s.rows.length }) : t("products.stockAndSku")}</legend>
          {s.rows.map((r, i) => (
            <div class="vrow" key={r.key || "default"}>
              <input type="hidden" name={`v${i}_key`} value={r.key} />
              <input type="hidden" name={`v${i}_id`} value={r.id} />
              {hasOptions && <h3 dir="auto">{r.key}</h3>}
              <div class={hasOptions ? "grid2" : "grid2"}>
                {hasOptions && <Field name={`v${i}_price`} label={t("products.variantPrice")} value={r.price} error={e(`v${i}_price`)} inputMode="decimal" dir="ltr" maxLength={CAPS[`v${i}_price`]} attrs={{ placeholder: s.price } as never} />}
                {hasOptions && <Field name={`v${i}_compareAt`} label={t("products.field.compareAt")} value={r.compareAt} error={e(`v${i}_compareAt`)} inputMode="decimal" dir="ltr" maxLength={CAPS[`v${i}_compareAt`]} />}
                <Field name={`v${i}_stock`} label={t("products.field.stock")} value={r.stock} error={e(`v${i}_stock`)} inputMode="numeric" dir="ltr" maxLength={CAPS[`v${i}_stock`]} />
                <Field name={`v${i}_sku`} label={t("products.field.sku")} value={r.sku} error={e(`v${i}_sku`)} maxLength={CAPS[`v${i}_sku`]} dir="ltr" />
              </div>
            </div>
          ))}
        </fieldset>
        {p.collections.length > 0 && (
          <fieldset>
            <legend>{t("products.collections")}</legend>
            {p.errors?.collection && (
              <p class="error" role="alert">
                {e("collection")}
              </p>
            )}
            {p.collections.map((c) => (
              <Check key={c.id} name="collection" value={String(c.id)} label={c.title} checked={s.collectionIds.includes(c.id)} />
            ))}
          </fieldset>
        )}
        <button class="btn block" type="submit" name="intent" value="save">
          {t("common.save")}
        </button>
      </Form>
      {p.after}
    </AdminShell>
  );
}
