ALTER TABLE `products` ADD `card_image` text;--> statement-breakpoint
ALTER TABLE `products` ADD `in_stock` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- The database keeps each product's card fields itself, whatever code path (admin, CSV import,
-- checkout, restock, restore) changed its photos, variants or stock tracking.
CREATE TRIGGER `product_images_card_ai` AFTER INSERT ON `product_images` BEGIN
  UPDATE `products` SET `card_image` = (SELECT pi.`key` || '|' || pi.`widths` || '|' || pi.`width` || '|' || pi.`height` || '|' || pi.`format` || '|' || pi.`alt` FROM `product_images` pi WHERE pi.`shop_id` = `products`.`shop_id` AND pi.`product_id` = `products`.`id` ORDER BY pi.`position`, pi.`id` LIMIT 1)
    WHERE `id` = new.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `product_images_card_au` AFTER UPDATE ON `product_images` BEGIN
  UPDATE `products` SET `card_image` = (SELECT pi.`key` || '|' || pi.`widths` || '|' || pi.`width` || '|' || pi.`height` || '|' || pi.`format` || '|' || pi.`alt` FROM `product_images` pi WHERE pi.`shop_id` = `products`.`shop_id` AND pi.`product_id` = `products`.`id` ORDER BY pi.`position`, pi.`id` LIMIT 1)
    WHERE `id` = new.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `product_images_card_ad` AFTER DELETE ON `product_images` BEGIN
  UPDATE `products` SET `card_image` = (SELECT pi.`key` || '|' || pi.`widths` || '|' || pi.`width` || '|' || pi.`height` || '|' || pi.`format` || '|' || pi.`alt` FROM `product_images` pi WHERE pi.`shop_id` = `products`.`shop_id` AND pi.`product_id` = `products`.`id` ORDER BY pi.`position`, pi.`id` LIMIT 1)
    WHERE `id` = old.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `variants_in_stock_ai` AFTER INSERT ON `variants` BEGIN
  UPDATE `products` SET `in_stock` = (NOT `products`.`track_stock` OR EXISTS (SELECT 1 FROM `variants` v WHERE v.`shop_id` = `products`.`shop_id` AND v.`product_id` = `products`.`id` AND v.`stock` > 0))
    WHERE `id` = new.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `variants_in_stock_au` AFTER UPDATE OF `stock` ON `variants` WHEN (old.`stock` > 0) <> (new.`stock` > 0) BEGIN
  UPDATE `products` SET `in_stock` = (NOT `products`.`track_stock` OR EXISTS (SELECT 1 FROM `variants` v WHERE v.`shop_id` = `products`.`shop_id` AND v.`product_id` = `products`.`id` AND v.`stock` > 0))
    WHERE `id` = new.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `variants_in_stock_ad` AFTER DELETE ON `variants` BEGIN
  UPDATE `products` SET `in_stock` = (NOT `products`.`track_stock` OR EXISTS (SELECT 1 FROM `variants` v WHERE v.`shop_id` = `products`.`shop_id` AND v.`product_id` = `products`.`id` AND v.`stock` > 0))
    WHERE `id` = old.`product_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `products_in_stock_au` AFTER UPDATE OF `track_stock` ON `products` BEGIN
  UPDATE `products` SET `in_stock` = (NOT `products`.`track_stock` OR EXISTS (SELECT 1 FROM `variants` v WHERE v.`shop_id` = `products`.`shop_id` AND v.`product_id` = `products`.`id` AND v.`stock` > 0))
    WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Backfill: the products that exist when this migration runs.
UPDATE `products` SET `card_image` = (SELECT pi.`key` || '|' || pi.`widths` || '|' || pi.`width` || '|' || pi.`height` || '|' || pi.`format` || '|' || pi.`alt` FROM `product_images` pi WHERE pi.`shop_id` = `products`.`shop_id` AND pi.`product_id` = `products`.`id` ORDER BY pi.`position`, pi.`id` LIMIT 1), `in_stock` = (NOT `products`.`track_stock` OR EXISTS (SELECT 1 FROM `variants` v WHERE v.`shop_id` = `products`.`shop_id` AND v.`product_id` = `products`.`id` AND v.`stock` > 0));
