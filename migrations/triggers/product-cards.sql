-- What a product card shows, kept on the product row so that a listing reads one row per card
-- (src/db/schema/catalog.ts, products.card_image and in_stock; never written by the app): the
-- first photo packed as "key|widths|width|height|format|alt" (src/media/urls.ts parsePacked),
-- and 1 unless stock is tracked and every variant is at 0, and the highest variant price (a card
-- says "from" when the variants' prices differ: products.price is the lowest). Kept by the database itself,
-- whatever code path (admin, CSV import, checkout, restock, restore) changed the product's
-- photos, variants or stock tracking.
--
-- The source of truth for these triggers: see scripts/lib/migration-triggers.mjs for the format.

-- @define card_image
-- The card's photo of the product row `products` (the row being updated).
(SELECT pi.`key` || '|' || pi.`widths` || '|' || pi.`width` || '|' || pi.`height` || '|' || pi.`format` || '|' || pi.`alt` FROM `product_images` pi WHERE pi.`shop_id` = `products`.`shop_id` AND pi.`product_id` = `products`.`id` ORDER BY pi.`position`, pi.`id` LIMIT 1)

-- @define in_stock
-- Whether the product row `products` (the row being updated) can be bought.
(NOT `products`.`track_stock` OR EXISTS (SELECT 1 FROM `variants` v WHERE v.`shop_id` = `products`.`shop_id` AND v.`product_id` = `products`.`id` AND v.`stock` > 0))

-- @trigger
CREATE TRIGGER `product_images_card_ai` AFTER INSERT ON `product_images` BEGIN
  UPDATE `products` SET `card_image` = {{card_image}}
    WHERE `id` = new.`product_id`;
END;

-- @trigger
CREATE TRIGGER `product_images_card_au` AFTER UPDATE ON `product_images` BEGIN
  UPDATE `products` SET `card_image` = {{card_image}}
    WHERE `id` = new.`product_id`;
END;

-- @trigger
CREATE TRIGGER `product_images_card_ad` AFTER DELETE ON `product_images` BEGIN
  UPDATE `products` SET `card_image` = {{card_image}}
    WHERE `id` = old.`product_id`;
END;

-- @trigger
CREATE TRIGGER `variants_in_stock_ai` AFTER INSERT ON `variants` BEGIN
  UPDATE `products` SET `in_stock` = {{in_stock}}
    WHERE `id` = new.`product_id`;
END;

-- @trigger
CREATE TRIGGER `variants_in_stock_au` AFTER UPDATE OF `stock` ON `variants` WHEN (old.`stock` > 0) <> (new.`stock` > 0) BEGIN
  UPDATE `products` SET `in_stock` = {{in_stock}}
    WHERE `id` = new.`product_id`;
END;

-- @trigger
CREATE TRIGGER `variants_in_stock_ad` AFTER DELETE ON `variants` BEGIN
  UPDATE `products` SET `in_stock` = {{in_stock}}
    WHERE `id` = old.`product_id`;
END;

-- @define max_price
-- The highest price of the variants of the product row `products` (the row being updated).
coalesce((SELECT max(v.`price`) FROM `variants` v WHERE v.`shop_id` = `products`.`shop_id` AND v.`product_id` = `products`.`id`), 0)

-- @trigger
CREATE TRIGGER `variants_max_price_ai` AFTER INSERT ON `variants` BEGIN
  UPDATE `products` SET `max_price` = {{max_price}}
    WHERE `id` = new.`product_id`;
END;

-- @trigger
CREATE TRIGGER `variants_max_price_au` AFTER UPDATE OF `price` ON `variants` WHEN old.`price` <> new.`price` BEGIN
  UPDATE `products` SET `max_price` = {{max_price}}
    WHERE `id` = new.`product_id`;
END;

-- @trigger
CREATE TRIGGER `variants_max_price_ad` AFTER DELETE ON `variants` BEGIN
  UPDATE `products` SET `max_price` = {{max_price}}
    WHERE `id` = old.`product_id`;
END;

-- @trigger
CREATE TRIGGER `products_in_stock_au` AFTER UPDATE OF `track_stock` ON `products` BEGIN
  UPDATE `products` SET `in_stock` = {{in_stock}}
    WHERE `id` = new.`id`;
END;

-- @backfill
UPDATE `products` SET `card_image` = {{card_image}}, `in_stock` = {{in_stock}}, `max_price` = {{max_price}};
