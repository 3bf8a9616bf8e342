import type { TFunction } from "../../i18n";
import { takenLines, type TakenDiscount } from "../../discounts/words";

export interface OrderTotalsProps {
  t: TFunction;
  money: (minor: number) => string;
  order: { subtotal: number; deliveryFee: number; total: number };
  /** The discounts the order took (OrderDetail's), a line each under the subtotal. */
  discounts?: readonly TakenDiscount[];
  /** "Delivery to {zone}" in the viewer's words (customer or seller). */
  deliveryLabel: string;
  /** The table's class in the page's stylesheet. */
  class: string;
}

/** Subtotal, a line per discount ("EID10 -Rs 250", "Free delivery"), delivery (or Free) and total of a placed order: the customer's and the seller's page. */
export function OrderTotals({ t, money, order, discounts = [], deliveryLabel, class: cls }: OrderTotalsProps) {
  return (
    <table class={cls}>
      <tbody>
        <tr>
          <th scope="row">{t("checkout.subtotal")}</th>
          <td>{money(order.subtotal)}</td>
        </tr>
        {takenLines(t, money, discounts).map((l, i) => (
          <tr class="discount" key={i}>
            <th scope="row">
              <bdi>{l.label}</bdi>
            </th>
            <td>{l.value}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{deliveryLabel}</th>
          <td>{order.deliveryFee === 0 ? t("checkout.free") : money(order.deliveryFee)}</td>
        </tr>
        <tr class="total">
          <th scope="row">{t("checkout.total")}</th>
          <td>{money(order.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
