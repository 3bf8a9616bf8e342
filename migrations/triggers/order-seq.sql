-- The shop's last order number (shops.order_seq) follows its orders: an order takes
-- order_seq + 1 (src/checkout/order-writes.ts) and this trigger records it in the same
-- statement, so placing an order needs no statement of its own for its number. Whatever
-- inserts orders (checkout, a restored backup, a seed) keeps the sequence ahead of them.
--
-- The source of truth for this trigger: see scripts/lib/migration-triggers.mjs for the format.

-- @trigger
CREATE TRIGGER `orders_seq_ai` AFTER INSERT ON `orders` BEGIN
  UPDATE `shops` SET `order_seq` = new.`number` WHERE `id` = new.`shop_id` AND `order_seq` < new.`number`;
END;

-- @backfill
-- The sequence only moves forward: up to the highest number among the shop's orders.
UPDATE `shops` SET `order_seq` = o.`n`
  FROM (SELECT `shop_id`, max(`number`) AS `n` FROM `orders` GROUP BY `shop_id`) AS o
  WHERE o.`shop_id` = `shops`.`id` AND `shops`.`order_seq` < o.`n`;
