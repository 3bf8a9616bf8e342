import type { AdminChrome } from "../../admin/chrome";
import { formatDate, formatMoney, type MessageKey, type Messages } from "../../i18n";
import type { FieldErrors, FormValues } from "../../lib/form";
import { AdminShell } from "../../ui/AdminShell";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import type { OrderDetail, OrderEventRow } from "../read";
import { nextStatuses, RESTOCKS, type OrderStatus } from "../status";
import type { WaLink } from "../whatsapp";
import { ordersCss } from "./css";
import { StatusPill } from "./StatusPill";

export interface OrderPageProps extends AdminChrome {
  detail: OrderDetail;
  wa: WaLink[];
  statusUrl: string;
  notice?: string;
  alert?: string;
  values?: FormValues;
  errors?: FieldErrors;
}

function EventLine({ m, e }: { m: Messages; e: OrderEventRow }) {
  const { t } = m;
  const st = (s: string | null) => t(`status.${(s ?? "new") as OrderStatus}`);
  const what =
    e.kind === "created" ? t("orders.event.created")
    : e.kind === "status" ? t("orders.event.status", { from: st(e.fromStatus), to: st(e.toStatus) })
    : e.kind === "payment" ? t("orders.event.payment")
    : t("orders.event.note");
  return (
    <li>
      <time dateTime={new Date(e.createdAt).toISOString()}>{formatDate(e.createdAt, m.locale)}</time>
      <div>
        <b>{what}</b> {e.private && <span class="pill">{t("orders.order.private")}</span>}{" "}
        {e.actorName && <span class="who">{t("orders.order.by", { name: e.actorName })}</span>}
      </div>
      {e.message && e.kind !== "payment" && <p class="note-text">{e.message}</p>}
    </li>
  );
}

export function OrderPage({ detail, wa, statusUrl, notice, alert, values = {}, errors = {}, ...chrome }: OrderPageProps) {
  const { m, shop, csrf } = chrome;
  const { t } = m;
  const { order, items, events } = detail;
  const money = (n: number) => formatMoney(n, order.currency, m.locale);
  const base = `/admin/${shop.slug}/orders/${order.id}`;
  const err = (k: string) => (errors[k] ? t(errors[k] as MessageKey) : undefined);
  const [primary, ...others] = wa;
  return (
    <AdminShell {...chrome} title={t("orders.order.title", { number: order.number })} tab="orders" css={ordersCss}>
      <p>
        <a href={`/admin/${shop.slug}/orders`}>← {t("orders.order.back")}</a>
      </p>
      <h1>
        {t("orders.order.title", { number: order.number })} <StatusPill m={m} status={order.status} />
      </h1>
      <p class="muted">{t("orders.order.placed", { date: formatDate(order.createdAt, m.locale) })}</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {alert && (
        <p class="alert" role="alert">
          {alert}
        </p>
      )}
      <div class="actions">
        <a class="btn" href={`tel:${order.customerPhone}`}>
          {t("orders.order.call")}
        </a>
        {primary && (
          <a class="btn" href={primary.url} data-wa={primary.template} rel="noopener">
            {t("orders.order.whatsapp")}
          </a>
        )}
      </div>
      {others.length > 0 && (
        <p>
          {t("orders.order.otherMessages")}:{" "}
          {others.map((w) => (
            <a key={w.template} href={w.url} data-wa={w.template} rel="noopener">
              {t(`orders.wa.label.${w.template}`)}
            </a>
          ))}
        </p>
      )}

      <section class="card steps">
        <h2>{t("orders.order.next")}</h2>
        {nextStatuses(order.status).length === 0 && <p>{t("orders.order.final")}</p>}
        {nextStatuses(order.status).map((to) => (
          <Form action={`${base}/status`} csrf={csrf} key={to}>
            <input type="hidden" name="from" value={order.status} />
            <input type="hidden" name="to" value={to} />
            {to === "shipped" && (
              <>
                <Field name="courier" label={t("orders.order.courier")} hint={t("orders.order.courierHint")} value={values.courier} error={err("courier")} maxLength={60} required />
                <Field name="tracking" label={t("orders.order.tracking")} value={values.tracking} error={err("tracking")} maxLength={60} dir="ltr" required />
              </>
            )}
            {RESTOCKS.has(to) && <p class="muted">{t("orders.order.restockNote")}</p>}
            <button class={RESTOCKS.has(to) ? "btn block danger" : "btn block"} type="submit">
              {t(`orders.action.${to as Exclude<OrderStatus, "new">}`)}
            </button>
          </Form>
        ))}
      </section>

      <section class="card">
        <h2>{t("orders.order.items")}</h2>
        <ul class="lines">
          {items.map((i) => (
            <li key={i.id}>
              <span>
                {i.quantity} × {i.title}
                {i.variantTitle && <span class="muted"> ({i.variantTitle})</span>}
                {i.sku && <span class="muted ltr"> · {i.sku}</span>}
              </span>
              <b>{money(i.price * i.quantity)}</b>
            </li>
          ))}
        </ul>
        <table class="sum">
          <tbody>
            <tr>
              <th scope="row">{t("checkout.subtotal")}</th>
              <td>{money(order.subtotal)}</td>
            </tr>
            <tr>
              <th scope="row">{t("orders.order.delivery", { zone: order.zoneName })}</th>
              <td>{order.deliveryFee === 0 ? t("checkout.free") : money(order.deliveryFee)}</td>
            </tr>
            <tr class="total">
              <th scope="row">{t("checkout.total")}</th>
              <td>{money(order.total)}</td>
            </tr>
          </tbody>
        </table>
        <p>
          <a href={`${base}/slip`}>{t("orders.order.slip")}</a> · <a href={statusUrl}>{t("orders.order.customerLink")}</a>
        </p>
      </section>

      <section class="card">
        <h2>{t("orders.order.customer")}</h2>
        <p>
          <b>{order.customerName}</b>
          <br />
          <a class="ltr" href={`tel:${order.customerPhone}`}>
            {order.customerPhone}
          </a>
        </p>
        <h3>{t("orders.order.address")}</h3>
        <p class="note-text">
          {order.address}
          {"\n"}
          {order.city}
        </p>
        {order.status === "shipped" && <p>{t("orders.order.shipping", { courier: order.courier, tracking: order.trackingNumber })}</p>}
        {order.note && (
          <>
            <h3>{t("orders.order.customerNote")}</h3>
            <p class="note-text">{order.note}</p>
          </>
        )}
      </section>

      <section class="card">
        <h2>{t("orders.order.payment")}</h2>
        <p>
          {t(`checkout.pay.${order.paymentMethod}`)} · <b>{order.paymentStatus === "paid" ? t("orders.order.paid") : t("orders.order.pending")}</b>
        </p>
        {order.paymentReference && <p class="ltr">{t("orders.order.reference", { ref: order.paymentReference })}</p>}
        {order.paymentStatus === "pending" && (
          <Form action={`${base}/payment`} csrf={csrf}>
            <button class="btn ghost block" type="submit">
              {t("orders.order.markPaid")}
            </button>
          </Form>
        )}
      </section>

      <section class="card">
        <h2>{t("orders.order.notes")}</h2>
        <Form action={`${base}/note`} csrf={csrf}>
          <div class={errors.note ? "field invalid" : "field"}>
            <label for="f-note">{t("orders.order.note")}</label>
            <textarea id="f-note" name="note" maxLength={1000} aria-describedby="f-note-hint" value={values.note ?? ""} />
            <p class="hint" id="f-note-hint">
              {t("orders.order.notesHint")}
            </p>
            {errors.note && (
              <p class="error" role="alert">
                {err("note")}
              </p>
            )}
          </div>
          <button class="btn ghost block" type="submit">
            {t("orders.order.addNote")}
          </button>
        </Form>
      </section>

      <section class="card">
        <h2>{t("orders.order.history")}</h2>
        <ol class="events">
          {[...events].reverse().map((e) => (
            <EventLine m={m} e={e} key={e.id} />
          ))}
        </ol>
      </section>
    </AdminShell>
  );
}
