-- The shop's last order number (shops.order_seq) follows its orders: an order takes
-- order_seq + 1 (src/checkout/order-writes.ts) and this trigger records it, in the same
-- statement, so placing an order needs no statement of its own for its number. Whatever
-- inserts orders (checkout, a restored backup, a seed) keeps the sequence ahead of them.
CREATE TRIGGER `orders_seq_ai` AFTER INSERT ON `orders` BEGIN
  UPDATE `shops` SET `order_seq` = new.`number` WHERE `id` = new.`shop_id` AND `order_seq` < new.`number`;
END;
