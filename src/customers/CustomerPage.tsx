/** One customer: how to reach her, her counts, her orders (each a link to its admin page), the private note and tags. */
import type { AdminChrome } from "../admin/chrome";
import { formatMoney } from "../i18n";
import { fieldMessage, type FieldErrors } from "../lib/form";
import { localPhone, waDigits } from "../lib/phone";
import { StatusPill } from "../orders/views/StatusPill";
import { AdminShell } from "../ui/AdminShell";
import { BackLink, TextArea, When } from "../ui/bits";
import { describedBy, FieldNotes } from "../ui/Field";
import { Form } from "../ui/Form";
import { customersCss } from "./css";
import { CUSTOMER_ORDERS_SHOWN, type CustomerDetail } from "./customer";
import { MAX_TAGS, TAG_MAX, customerSchema } from "./schemas";
import { caps } from "../lib/form-fields";

export interface CustomerPageProps extends AdminChrome {
  detail: CustomerDetail;
  currency: string;
  saved?: boolean;
  /** What she posted, when it was refused: shown again as typed. */
  typed?: { note: string; tags: string[] };
  errors?: FieldErrors;
}

/** The tag boxes: every tag she has (or typed), and room for two more, up to the cap. */
const tagBoxes = (tags: string[]) => [...tags, "", ""].slice(0, Math.max(tags.length, Math.min(MAX_TAGS, tags.length + 2)));

export function CustomerPage({ detail, currency, saved, typed, errors, ...chrome }: CustomerPageProps) {
  const { m, shop, csrf } = chrome;
  const { t } = m;
  const { customer: c, orders } = detail;
  const base = `/admin/${shop.slug}`;
  const money = (n: number) => formatMoney(n, currency, m.locale);
  const title = c.name || localPhone(c.phone);
  const tagsError = fieldMessage(t, errors, "tags");
  const stats: [string, string | number][] = [
    [t("customers.stat.orders"), c.orders],
    [t("customers.stat.delivered"), c.delivered],
    [t("customers.stat.cancelled"), c.cancelled],
    [t("customers.stat.returned"), c.returned],
  ];
  return (
    <AdminShell {...chrome} title={title} tab="orders" css={customersCss}>
      <BackLink m={m} href={`${base}/customers`} label={t("customers.back")} />
      <h1 dir="auto">{title}</h1>
      <p>
        <bdi dir="ltr">{localPhone(c.phone)}</bdi> · <bdi>{c.city}</bdi>
      </p>
      {saved && (
        <p class="notice" role="status">
          {t("customers.saved")}
        </p>
      )}
      <div class="actions">
        <a class="btn" href={`tel:${c.phone}`}>
          {t("customers.call")}
        </a>
        <a class="btn" href={`https://wa.me/${waDigits(c.phone)}`} rel="noopener">
          {t("customers.whatsapp")}
        </a>
      </div>
      {detail.tags.length > 0 && (
        <ul class="tags">
          {detail.tags.map((tag) => (
            <li key={tag} dir="auto">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div class="stats">
        {stats.map(([label, value]) => (
          <p class="stat" key={label}>
            {label}
            <b>{value}</b>
          </p>
        ))}
        <p class="stat">
          {t("customers.stat.spent")}
          <b>{money(c.spent)}</b>
        </p>
        <p class="stat">
          {t("customers.stat.first")}
          <b>
            <When ms={c.createdAt} locale={m.locale} />
          </b>
        </p>
      </div>
      <p class="hint">{t("customers.spentHint")}</p>

      <section class="card">
        <h2>{t("customers.ordersTitle")}</h2>
        <ul class="olist">
          {orders.map((o) => (
            <li key={o.id}>
              <a href={`${base}/orders/${o.id}`}>
                <span class="num">#{o.number}</span>
                <span class="amt">{formatMoney(o.total, o.currency, m.locale)}</span>
                <StatusPill m={m} status={o.status} />
                <span class="meta">
                  <bdi>{o.city}</bdi> · <When ms={o.createdAt} locale={m.locale} />
                </span>
              </a>
            </li>
          ))}
        </ul>
        {c.orders > CUSTOMER_ORDERS_SHOWN && (
          <p>
            <a href={`${base}/orders?q=${encodeURIComponent(c.phone)}`}>{t("customers.ordersMore")}</a>
          </p>
        )}
      </section>

      <section class="card">
        <h2>{t("customers.privateTitle")}</h2>
        <Form action={`${base}/customers/${c.id}`} csrf={csrf}>
          <TextArea
            name="note"
            label={t("customers.note")}
            value={typed?.note ?? c.note}
            error={fieldMessage(t, errors, "note")}
            hint={t("customers.noteHint")}
            rows={3}
            maxLength={caps(customerSchema).note}
          />
          <fieldset class={tagsError ? "tag-inputs field invalid" : "tag-inputs field"}>
            <legend>{t("customers.tags")}</legend>
            {tagBoxes(typed?.tags ?? detail.tags).map((tag, i) => {
              const id = i === 0 ? "f-tags" : `f-tags-${i}`;
              return (
                <label key={i} class="tag-box" for={id}>
                  <span>{t("customers.tag", { n: i + 1 })}</span>
                  <input
                    id={id}
                    name="tags"
                    type="text"
                    value={tag}
                    maxLength={TAG_MAX}
                    dir="auto"
                    inputMode="text"
                    autoComplete="off"
                    aria-invalid={tagsError ? "true" : undefined}
                    aria-describedby={describedBy("f-tags", "hint", tagsError)}
                  />
                </label>
              );
            })}
            <FieldNotes id="f-tags" hint={t("customers.tagsHint", { max: MAX_TAGS })} error={tagsError} />
          </fieldset>
          <button class="btn block" type="submit">
            {t("customers.save")}
          </button>
        </Form>
      </section>
    </AdminShell>
  );
}
