import type { AdminChrome } from "../admin/chrome";
import { rupeesText } from "../lib/money";
import type { ListedProduct } from "./products";
import { formatMoney } from "../i18n";
import type { FieldErrors } from "../lib/form";
import { parsePacked } from "../media/urls";
import { AdminShell } from "../ui/AdminShell";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import { err, MoveButtons, Select } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { caps } from "../lib/form-fields";
import { PRODUCT_SEARCH_MAX, quickEditSchema, STOCK_MAX } from "./form";
import { adminMediaUrl } from "./Photos";

/** Variants a row offers for quick stock edit; more than this and the seller opens the product. */
const QUICK_VARIANTS = 10;

export interface ProductListProps extends AdminChrome {
  products: ListedProduct[];
  q: string;
  /** The search was cut to its cap (only from an edited URL): say so beside the box. */
  qCut?: boolean;
  status: string;
  page: number;
  more: boolean;
  currency: string;
  notice?: string;
  /** A quick edit that failed: its product, what was typed, the messages. */
  quick?: { id: number; values: Record<string, string>; errors: FieldErrors };
}

const quickCap = caps(quickEditSchema);
/** Ties an input to its error, as every form's fields are tied. */
const described = (id: string, error: string | undefined) => (error ? { "aria-invalid": "true" as const, "aria-describedby": `${id}-error` } : {});

export function ProductList(p: ProductListProps) {
  const { t, locale } = p.m;
  const base = `/admin/${p.shop.slug}/products`;
  const qs = (page: number) => `?q=${encodeURIComponent(p.q)}&status=${encodeURIComponent(p.status)}&page=${page}`;
  return (
    <AdminShell {...p} title={t("products.title")} tab="products" css={cmsCss}>
      <div class="row" style="justify-content:space-between">
        <h1>{t("products.title")}</h1>
        <a class="btn" href={`${base}/new`}>
          + {t("products.add")}
        </a>
      </div>
      {p.notice && <p class="notice" role="status">{p.notice}</p>}
      <form method="get" action={base} class="filters" role="search">
        <Field name="q" type="search" label={t("products.search")} value={p.q} maxLength={PRODUCT_SEARCH_MAX} hint={p.qCut ? t("products.searchCut", { max: PRODUCT_SEARCH_MAX }) : undefined} />
        <Select
          name="status"
          label={t("products.field.status")}
          value={p.status}
          options={[
            ["", t("products.status.all")],
            ["active", t("products.status.active")],
            ["draft", t("products.status.draft")],
            ["archived", t("products.status.archived")],
          ]}
        />
        <button class="btn ghost" type="submit">
          {t("products.filter")}
        </button>
      </form>
      {p.products.length === 0 && <p class="muted">{p.q || p.status ? t("products.noMatch") : t("products.empty")}</p>}
      <ul class="plist">
        {p.products.map((x) => {
          const img = parsePacked(x.image);
          const quick = p.quick?.id === x.id ? p.quick : undefined;
          const val = (name: string, def: string) => quick?.values[name] ?? def;
          const samePrice = x.variants.every((v) => v.price === x.variants[0]?.price);
          const stockable = x.trackStock && x.variants.length <= QUICK_VARIANTS;
          return (
            <li key={x.id} id={`p${x.id}`}>
              <div class="phead">
                {img ? <img src={adminMediaUrl(p.shop.slug, img.key, img.widths[0] ?? img.width, img.format)} alt="" width={56} height={56} loading="lazy" /> : <span class="ph" />}
                <a href={`${base}/${x.id}`} dir="auto">
                  {x.title}
                </a>
                <span class={`tag ${x.status}`}>{t(`products.status.${x.status}`)}</span>
              </div>
              <p class="muted">
                {formatMoney(x.price, p.currency, locale)}
                {x.variants.length > 1 ? ` · ${t("products.variantCount", { count: x.variants.length })}` : ""}
              </p>
              {quick && <p class="alert" role="alert">{t("common.fixErrors")}</p>}
              {(samePrice || stockable) && (
                <Form action={`${base}/${x.id}/quick`} csrf={p.csrf} class="quick">
                  {samePrice && (
                    <div class={quick?.errors.price ? "field invalid" : "field"}>
                      <label for={`price-${x.id}`}>{t("products.field.price")}</label>
                      <input id={`price-${x.id}`} name="price" value={val("price", rupeesText(x.variants[0]?.price ?? x.price))} inputMode="decimal" autoComplete="off" dir="ltr" maxLength={quickCap.price} {...described(`price-${x.id}`, quick?.errors.price)} />
                      {quick?.errors.price && (
                        <p class="error" id={`price-${x.id}-error`} role="alert">
                          {err(t, quick.errors, "price")}
                        </p>
                      )}
                    </div>
                  )}
                  {stockable &&
                    x.variants.map((v) => (
                      <div class={quick?.errors[`stock_${v.id}`] ? "field invalid" : "field"} key={v.id}>
                        <label for={`stock-${v.id}`}>{x.variants.length > 1 ? t("products.stockOf", { variant: v.title }) : t("products.field.stock")}</label>
                        <input id={`stock-${v.id}`} name={`stock_${v.id}`} value={val(`stock_${v.id}`, String(v.stock))} inputMode="numeric" autoComplete="off" dir="ltr" maxLength={STOCK_MAX} {...described(`stock-${v.id}`, quick?.errors[`stock_${v.id}`])} />
                        {quick?.errors[`stock_${v.id}`] && (
                          <p class="error" id={`stock-${v.id}-error`} role="alert">
                            {err(t, quick.errors, `stock_${v.id}`)}
                          </p>
                        )}
                      </div>
                    ))}
                  <button class="btn small" type="submit">
                    {t("common.save")}
                  </button>
                </Form>
              )}
              <div class="acts">
                <MoveButtons action={`${base}/${x.id}/move`} csrf={p.csrf} t={t} what={x.title} />
                <a class="btn small ghost" href={`${base}/${x.id}`}>
                  {t("products.editLink")}
                </a>
              </div>
            </li>
          );
        })}
      </ul>
      <div class="row">
        {p.page > 1 && <a class="btn ghost" href={`${base}${qs(p.page - 1)}`}>{t("common.previous")}</a>}
        {p.more && <a class="btn ghost" href={`${base}${qs(p.page + 1)}`}>{t("common.more")}</a>}
      </div>
      <p>
        <a class="tap" href={`/admin/${p.shop.slug}/csv`}>{t("csv.link")}</a>
      </p>
    </AdminShell>
  );
}
