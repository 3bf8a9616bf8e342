/**
 * Who hears of a seller alert (a new order, low stock, an order the customer cancelled): the
 * shop's WhatsApp number on the channel she chose (WhatsApp or SMS; nobody when she turned alerts
 * off or the shop has no number), in the owner's language. One rule, written as SQL for the
 * batches that write alerts beside the change that causes them (src/checkout/order-writes.ts,
 * src/orders/actions.ts): rows of (shop_id, channel, recipient, locale) for one shop.
 *
 * `shopId` is an SQL expression (a bound parameter such as `?1`), never text from a request.
 */
export const sellerAlertRecipients = (shopId: string) => `SELECT s.id AS shop_id, s.alert_channel AS channel, s.whatsapp AS recipient,
    coalesce((SELECT u.locale FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.shop_id = s.id AND m.role = 'owner' LIMIT 1), s.locale) AS locale
  FROM shops s WHERE s.id = ${shopId} AND s.whatsapp <> '' AND s.alert_channel <> 'off'`;
