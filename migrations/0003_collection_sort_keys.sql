ALTER TABLE `collection_products` ADD `product_status` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `collection_products` ADD `product_created_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `collection_products` ADD `product_price` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `collection_products_new_idx` ON `collection_products` (`shop_id`,`collection_id`,`product_status`,`product_created_at`,`product_id`);--> statement-breakpoint
CREATE INDEX `collection_products_price_idx` ON `collection_products` (`shop_id`,`collection_id`,`product_status`,`product_price`,`product_id`);--> statement-breakpoint
-- The database keeps the copies itself, whatever code path (admin, CSV import, restore) wrote
-- the product or the membership: a new membership takes the product's keys...
CREATE TRIGGER `collection_products_keys_ai` AFTER INSERT ON `collection_products` BEGIN
  UPDATE `collection_products`
    SET (`product_status`, `product_created_at`, `product_price`) =
        (SELECT `status`, `created_at`, `price` FROM `products` WHERE `id` = new.`product_id`)
    WHERE `collection_id` = new.`collection_id` AND `product_id` = new.`product_id`;
END;
--> statement-breakpoint
-- ...and a change to a product's status, date or price reaches every collection holding it.
CREATE TRIGGER `products_collection_keys_au` AFTER UPDATE OF `status`, `created_at`, `price` ON `products` BEGIN
  UPDATE `collection_products`
    SET `product_status` = new.`status`, `product_created_at` = new.`created_at`, `product_price` = new.`price`
    WHERE `shop_id` = new.`shop_id` AND `product_id` = new.`id`;
END;
--> statement-breakpoint
-- Backfill: the memberships that exist when this migration runs.
UPDATE `collection_products`
  SET (`product_status`, `product_created_at`, `product_price`) =
      (SELECT `status`, `created_at`, `price` FROM `products` WHERE `products`.`id` = `collection_products`.`product_id`);
