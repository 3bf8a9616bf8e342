-- Orders per shop and status (order_counts), kept by the database itself: every insert, status
-- change and delete of an order adjusts them in the same statement, whatever code path
-- (checkout, admin, import) made it. Read by src/orders/counts.ts and the admin's badge.
--
-- The source of truth for these triggers: see scripts/lib/migration-triggers.mjs for the format.

-- @trigger
CREATE TRIGGER `order_counts_ai` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `order_counts` (`shop_id`, `status`, `n`) VALUES (new.`shop_id`, new.`status`, 1)
    ON CONFLICT (`shop_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;

-- @trigger
CREATE TRIGGER `order_counts_au` AFTER UPDATE OF `status` ON `orders` WHEN old.`status` <> new.`status` BEGIN
  UPDATE `order_counts` SET `n` = `n` - 1 WHERE `shop_id` = old.`shop_id` AND `status` = old.`status`;
  INSERT INTO `order_counts` (`shop_id`, `status`, `n`) VALUES (new.`shop_id`, new.`status`, 1)
    ON CONFLICT (`shop_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;

-- @trigger
CREATE TRIGGER `order_counts_ad` AFTER DELETE ON `orders` BEGIN
  UPDATE `order_counts` SET `n` = `n` - 1 WHERE `shop_id` = old.`shop_id` AND `status` = old.`status`;
END;

-- @backfill
-- The counts of the orders there are, keeping the rows of statuses now at 0 (as the triggers do).
UPDATE `order_counts` SET `n` = 0;

-- @backfill
INSERT INTO `order_counts` (`shop_id`, `status`, `n`)
  SELECT `shop_id`, `status`, count(*) FROM `orders` WHERE true GROUP BY `shop_id`, `status`
  ON CONFLICT (`shop_id`, `status`) DO UPDATE SET `n` = excluded.`n`;
