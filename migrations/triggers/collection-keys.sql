-- Copies of each product's sort keys (status, created_at, price) on its collection memberships,
-- so that a collection page seeks in the collection's own index in the customer's order
-- (src/db/schema/catalog.ts, collection_products). Kept by the database itself, whatever code
-- path (admin, CSV import, restore) wrote the product or the membership: a new membership takes
-- the product's keys, and a change to a product's keys reaches every collection holding it.
--
-- The source of truth for these triggers: see scripts/lib/migration-triggers.mjs for the format.

-- @trigger
CREATE TRIGGER `collection_products_keys_ai` AFTER INSERT ON `collection_products` BEGIN
  UPDATE `collection_products`
    SET (`product_status`, `product_created_at`, `product_price`) =
        (SELECT `status`, `created_at`, `price` FROM `products` WHERE `id` = new.`product_id`)
    WHERE `collection_id` = new.`collection_id` AND `product_id` = new.`product_id`;
END;

-- @trigger
CREATE TRIGGER `products_collection_keys_au` AFTER UPDATE OF `status`, `created_at`, `price` ON `products` BEGIN
  UPDATE `collection_products`
    SET `product_status` = new.`status`, `product_created_at` = new.`created_at`, `product_price` = new.`price`
    WHERE `shop_id` = new.`shop_id` AND `product_id` = new.`id`;
END;

-- @backfill
UPDATE `collection_products`
  SET (`product_status`, `product_created_at`, `product_price`) =
      (SELECT `status`, `created_at`, `price` FROM `products` WHERE `products`.`id` = `collection_products`.`product_id`);
