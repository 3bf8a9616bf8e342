-- A discount's uses (discounts.uses), kept by the database itself: each order_discounts row (an
-- order that took the discount, written in the order's own batch: src/checkout/order-writes.ts)
-- counts one use, and deleting it (its order deleted) gives the use back. The order's batch
-- checks a use is left (uses < max_uses) before it writes the row, in the same batch, so racing
-- customers never take more uses than there are. Read by the pricing rule (src/pricing) and the
-- seller's discounts list (src/discounts).
--
-- The source of truth for these triggers: see scripts/lib/migration-triggers.mjs for the format.

-- @trigger
CREATE TRIGGER `discount_uses_ai` AFTER INSERT ON `order_discounts` BEGIN
  UPDATE `discounts` SET `uses` = `uses` + 1 WHERE `id` = new.`discount_id` AND `shop_id` = new.`shop_id`;
END;

-- @trigger
CREATE TRIGGER `discount_uses_ad` AFTER DELETE ON `order_discounts` BEGIN
  UPDATE `discounts` SET `uses` = max(`uses` - 1, 0) WHERE `id` = old.`discount_id` AND `shop_id` = old.`shop_id`;
END;

-- @backfill
-- Each discount's uses: the orders that took it.
UPDATE `discounts` SET `uses` = (SELECT count(*) FROM `order_discounts` r WHERE r.`shop_id` = `discounts`.`shop_id` AND r.`discount_id` = `discounts`.`id`) WHERE true;
