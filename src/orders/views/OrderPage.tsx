/** The seller's views of orders: this order page, the list, the packing slip and the dashboard's parts. */
import type { AdminChrome } from "../../admin/chrome";
import { formatMoney, type MessageKey } from "../../i18n";
import { fieldMessage, type FieldErrors, type FormValues } from "../../lib/form";
import { AdminShell } from "../../ui/AdminShell";
import { Form } from "../../ui/Form";
import { confirmationState, type ConfirmClock } from "../confirmation";
import { isOwnRider } from "../courier";
import { trackingUrlForOrder } from "../../couriers/tracking-link";
import { ConfirmationMark } from "./ConfirmationMark";
import type { OrderDetail } from "../read";
import type { WaLink } from "../whatsapp";
import { ordersCss } from "./css";
import { OrderHistory } from "./OrderHistory";
import { OrderSteps } from "./OrderSteps";
import { OrderTotals } from "./OrderTotals";
import { caps } from "../../lib/form-fields";
import { BackLink, Filled, SLOT, TextArea, When } from "../../ui/bits";
import { noteSchema } from "../schemas";
import { StatusPill } from "./StatusPill";
import { waShareUrl, type SlipShare } from "./PackingSlip";
import { RiskList } from "../../customers/RiskSignals";
import type { RiskFacts } from "../../customers/risk";
import { riskCss } from "../../customers/css";
import { PaymentSection } from "./PaymentSection";

export interface OrderPageProps extends AdminChrome {
  detail: OrderDetail;
  wa: WaLink[];
  statusUrl: string;
  slipShare: SlipShare;
  /** What the seller is told about the customer (absent: nothing said). */
  risk?: RiskFacts;
  /** For the customer's confirmation mark (src/orders/confirmation.ts). */
  clock: ConfirmClock;
  notice?: string;
  alert?: string;
  values?: FormValues;
  errors?: FieldErrors;
}

export function OrderPage({ detail, wa, statusUrl, slipShare, risk, clock, notice, alert, values = {}, errors = {}, ...chrome }: OrderPageProps) {
  const { m, shop, csrf } = chrome;
  const { t } = m;
  const { order, items, events } = detail;
  const trackingUrl = ["shipped", "delivered", "returned"].includes(order.status) ? trackingUrlForOrder(order) : "";
  const money = (n: number) => formatMoney(n, order.currency, m.locale);
  const base = `/admin/${shop.slug}/orders/${order.id}`;
  const err = (k: string) => fieldMessage(t, errors, k);
  const [primary, ...others] = wa;
  return (
    <AdminShell {...chrome} title={t("orders.order.title", { number: order.number })} tab="orders" css={ordersCss + riskCss}>
      <BackLink m={chrome.m} href={`/admin/${shop.slug}/orders`} label={t("orders.order.back")} />
      <h1>
        {t("orders.order.title", { number: order.number })} <StatusPill m={m} status={order.status} /> <ConfirmationMark m={m} order={order} clock={clock} />
      </h1>
      {confirmationState(order, clock.hours, clock.now) === "late" && <p class="alert">{t("orders.confirmation.lateHint")}</p>}
      <p class="muted">
        <Filled text={t("orders.order.placed", { date: SLOT })}>
          <When ms={order.createdAt} locale={m.locale} />
        </Filled>
      </p>
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
        <p class="row">
          {t("orders.order.otherMessages")}:{" "}
          {others.map((w) => (
            <a class="btn ghost small" key={w.template} href={w.url} data-wa={w.template} rel="noopener">
              {t(`orders.wa.label.${w.template}`)}
            </a>
          ))}
        </p>
      )}

      <OrderSteps m={m} csrf={csrf} base={base} status={order.status} values={values} errors={errors} />

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
        <OrderTotals t={t} money={money} order={order} discounts={detail.discounts} deliveryLabel={t("orders.order.delivery", { zone: order.zoneName })} class="sum" />
        <p>
          <a href={`${base}/slip`}>{t("orders.order.slip")}</a> · <a href={statusUrl}>{t("orders.order.customerLink")}</a> · <a href={`/admin/${shop.slug}/couriers/orders/${order.id}`}>{t("couriers.book.link")}</a>
        </p>
        <p>
          <a class="btn ghost block" href={waShareUrl(slipShare)} rel="noopener" data-wa-share>
            {t("orders.order.shareSlip")}
          </a>
        </p>
      </section>

      <section class="card">
        <h2>{t("orders.order.customer")}</h2>
        <p>
          <b>{order.customerName}</b>
          <br />
          <a class="ltr" dir="ltr" href={`tel:${order.customerPhone}`}>
            {order.customerPhone}
          </a>
        </p>
        <h3>{t("orders.order.address")}</h3>
        <p class="note-text">
          {order.address}
          {"\n"}
          {order.city}
        </p>
        {order.courier && (
          <p>{isOwnRider(order.courier) ? t("orders.order.shippingRider") : t("orders.order.shipping", { courier: order.courier, tracking: order.trackingNumber })}</p>
        )}
        {trackingUrl && (
          <a class="btn ghost block" href={trackingUrl} rel="noopener noreferrer" target="_blank" data-track>
            {t("orders.order.trackParcel")}
          </a>
        )}
        {order.note && (
          <>
            <h3>{t("orders.order.customerNote")}</h3>
            <p class="note-text">{order.note}</p>
          </>
        )}
        {risk && <RiskList m={m} risk={risk} customerHref={risk.customerId === null ? null : `/admin/${shop.slug}/customers/${risk.customerId}`} />}
      </section>

      <PaymentSection m={chrome.m} order={order} base={base} csrf={csrf} />

      <section class="card">
        <h2>{t("orders.order.notes")}</h2>
        <Form action={`${base}/note`} csrf={csrf}>
          <TextArea name="note" label={t("orders.order.note")} value={values.note ?? ""} error={err("note")} hint={t("orders.order.notesHint")} rows={3} maxLength={caps(noteSchema).note} />
          <button class="btn ghost block" type="submit">
            {t("orders.order.addNote")}
          </button>
        </Form>
      </section>

      <section class="card">
        <h2>{t("orders.order.history")}</h2>
        <OrderHistory m={m} events={events} />
      </section>
    </AdminShell>
  );
}
