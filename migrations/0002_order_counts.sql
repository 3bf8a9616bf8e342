CREATE TABLE `order_counts` (
	`shop_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`shop_id`, `status`),
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "order_counts_nonneg" CHECK("order_counts"."n" >= 0)
);
--> statement-breakpoint
-- The database keeps the counters itself: every insert, status change and delete of an order
-- adjusts them in the same statement, whatever code path (checkout, admin, import) made it.
CREATE TRIGGER `order_counts_ai` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `order_counts` (`shop_id`, `status`, `n`) VALUES (new.`shop_id`, new.`status`, 1)
    ON CONFLICT (`shop_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `order_counts_au` AFTER UPDATE OF `status` ON `orders` WHEN old.`status` <> new.`status` BEGIN
  UPDATE `order_counts` SET `n` = `n` - 1 WHERE `shop_id` = old.`shop_id` AND `status` = old.`status`;
  INSERT INTO `order_counts` (`shop_id`, `status`, `n`) VALUES (new.`shop_id`, new.`status`, 1)
    ON CONFLICT (`shop_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `order_counts_ad` AFTER DELETE ON `orders` BEGIN
  UPDATE `order_counts` SET `n` = `n` - 1 WHERE `shop_id` = old.`shop_id` AND `status` = old.`status`;
END;
--> statement-breakpoint
-- Backfill: the counts of the orders that exist when this migration runs.
INSERT INTO `order_counts` (`shop_id`, `status`, `n`) SELECT `shop_id`, `status`, count(*) FROM `orders` GROUP BY `shop_id`, `status`;
