/** Booking several orders at once, under the orders list: the page's confirmed and packed orders as checkboxes, a courier, one button (one job each). */
import type { MessageKey, Messages } from "../../i18n";
import { caps } from "../../lib/form-fields";
import { checkHtml, Select } from "../../ui/bits";
import { html, onceFor, raw } from "../../ui/html";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import { COURIERS } from "../index";
import { bulkSchema } from "../schemas";

const bulkCaps = caps(bulkSchema);

export function BulkBook({ m, csrf, slug, rows, booked }: { m: Messages; csrf: string; slug: string; rows: { id: number; number: number; status: string; customerName: string }[]; booked?: number }) {
  const { t } = m;
  const bookable = rows.filter((o) => o.status === "confirmed" || o.status === "packed");
  if (bookable.length === 0 && booked === undefined) return null;
  return (
    <section class="card" id="bulk-book">
      <h2>{t("couriers.list.book")}</h2>
      {booked !== undefined && (
        <p class={booked > 0 ? "notice" : "alert"} role="status">
          {booked > 0 ? t("couriers.list.sent", { count: booked }) : t("couriers.list.none")}
        </p>
      )}
      {bookable.length > 0 && (
        <Form action={`/admin/${slug}/couriers/book`} csrf={csrf}>
          {/* A checkbox an order, as markup (up to a page of them); the rest is the same in every list of her language. */}
          {raw(html`${bookable.map((o) => checkHtml({ name: "order", value: String(o.id), checked: false, label: `${t("couriers.list.select", { number: o.number })} · ${o.customerName}` }))}`)}
          {onceFor(`bulk-book:${m.locale}`, () => (
            <>
              <Select name="courier" label={t("couriers.book.courier")} value={COURIERS[0].id} options={COURIERS.filter((c) => c.credentialFields.length).map((c) => [c.id, t(`couriers.name.${c.id}` as MessageKey)])} />
              <Field name="weight" id="f-bulk-weight" label={t("couriers.book.weight")} value="0.5" inputMode="decimal" autoComplete="off" dir="ltr" maxLength={bulkCaps.weight} hint={t("couriers.book.weightHint")} />
              <button class="btn block" type="submit">
                {t("couriers.list.book")}
              </button>
            </>
          ))}
        </Form>
      )}
    </section>
  );
}
