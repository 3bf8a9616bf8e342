/**
 * Who hears of a seller alert (a new order, low stock, an order the customer cancelled):
 * - the shop's WhatsApp number on the channel she chose (WhatsApp or SMS; none when she turned
 *   those alerts off or the shop has no number), in the owner's language;
 * - and every phone on which the owner or a staff member turned order alerts on (src/push: a
 *   phone's subscription is its member's opt-in), in that member's language, while she is still
 *   a member. At most PUSH_DEVICES_PER_MEMBER phones a member and STAFF_CAP staff keep it bounded.
 * One rule, written as SQL for the batches that write alerts beside the change that causes them
 * (src/checkout/order-writes.ts, src/orders/actions.ts): rows of (shop_id, channel, recipient,
 * locale) for one shop.
 *
 * `shopId` is an SQL value: a named placeholder of a query template (`ph("shopId")`).
 */
import { sql, type SQL } from "drizzle-orm";

export const sellerAlertRecipients = (shopId: SQL | SQL.Aliased | ReturnType<typeof sql.placeholder>): SQL => sql`SELECT s.id AS shop_id, s.alert_channel AS channel, s.whatsapp AS recipient,
    coalesce((SELECT u.locale FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.shop_id = s.id AND m.role = 'owner' LIMIT 1), s.locale) AS locale
  FROM shops s WHERE s.id = ${shopId} AND s.whatsapp <> '' AND s.alert_channel <> 'off'
  UNION ALL
  SELECT p.shop_id, 'push', json_object('endpoint', p.endpoint, 'keys', json_object('p256dh', p.p256dh, 'auth', p.auth)), u.locale
  FROM push_subscriptions p
  JOIN memberships m ON m.shop_id = p.shop_id AND m.user_id = p.user_id
  JOIN users u ON u.id = p.user_id
  WHERE p.shop_id = ${shopId}`;
