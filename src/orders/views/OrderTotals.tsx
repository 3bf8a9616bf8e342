import type { TFunction } from "../../i18n";

export interface OrderTotalsProps {
  t: TFunction;
  money: (minor: number) => string;
  order: { subtotal: number; deliveryFee: number; total: number };
  /** "Delivery to {zone}" in the viewer's words (customer or seller). */
  deliveryLabel: string;
  /** The table's class in the page's stylesheet. */
  class: string;
}

/** Subtotal, delivery (or Free) and total of a placed order: the customer's and the seller's page. */
export function OrderTotals({ t, money, order, deliveryLabel, class: cls }: OrderTotalsProps) {
  return (
    <table class={cls}>
      <tbody>
        <tr>
          <th scope="row">{t("checkout.subtotal")}</th>
          <td>{money(order.subtotal)}</td>
        </tr>
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
