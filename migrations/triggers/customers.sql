-- The shop's customers (one row a normalised phone number), kept by the database itself: an
-- order's insert upserts its customer, a status change moves her delivered / cancelled /
-- returned counts and what she spent, a delete takes the order back out, each in the statement
-- that changes the order, whatever code path made it (checkout's batch, the seller's status
-- changes, the customer's cancel, a restored backup). The seller's note and tags are never
-- touched here. Her name and city are those of her latest order (by created_at: a backup's
-- older order restored later does not overwrite them). The order's own times are used, never
-- the clock, so that a backup restored (customers first, derived columns zeroed, then the
-- orders: scripts/lib/backup.mjs) gives the rows it saved. An order's phone and total never
-- change after it is placed; if that ever changes, this file needs a trigger for it.
-- Read by src/customers/ (the list, a customer's page, the risk signals beside an order).
--
-- The source of truth for these triggers: see scripts/lib/migration-triggers.mjs for the format.

-- @define lost
-- The statuses whose total she did not spend.
('cancelled', 'returned')

-- @trigger
CREATE TRIGGER `customers_orders_ai` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `customers` (`shop_id`, `phone`, `name`, `city`, `orders`, `delivered`, `cancelled`, `returned`, `spent`, `last_order_at`, `created_at`, `updated_at`)
    VALUES (new.`shop_id`, new.`customer_phone`, new.`customer_name`, new.`city`, 1,
      new.`status` = 'delivered', new.`status` = 'cancelled', new.`status` = 'returned',
      iif(new.`status` IN {{lost}}, 0, new.`total`), new.`created_at`, new.`created_at`, new.`created_at`)
    ON CONFLICT (`shop_id`, `phone`) DO UPDATE SET
      `name` = iif(excluded.`last_order_at` >= `last_order_at`, excluded.`name`, `name`),
      `city` = iif(excluded.`last_order_at` >= `last_order_at`, excluded.`city`, `city`),
      `orders` = `orders` + 1,
      `delivered` = `delivered` + excluded.`delivered`,
      `cancelled` = `cancelled` + excluded.`cancelled`,
      `returned` = `returned` + excluded.`returned`,
      `spent` = `spent` + excluded.`spent`,
      `last_order_at` = max(`last_order_at`, excluded.`last_order_at`),
      `created_at` = min(`created_at`, excluded.`created_at`),
      `updated_at` = max(`updated_at`, excluded.`updated_at`);
END;

-- @trigger
CREATE TRIGGER `customers_orders_au` AFTER UPDATE OF `status` ON `orders` WHEN old.`status` <> new.`status` BEGIN
  UPDATE `customers` SET
      `delivered` = `delivered` + (new.`status` = 'delivered') - (old.`status` = 'delivered'),
      `cancelled` = `cancelled` + (new.`status` = 'cancelled') - (old.`status` = 'cancelled'),
      `returned` = `returned` + (new.`status` = 'returned') - (old.`status` = 'returned'),
      `spent` = `spent` + iif(new.`status` IN {{lost}}, 0, new.`total`) - iif(old.`status` IN {{lost}}, 0, old.`total`),
      `updated_at` = max(`updated_at`, new.`updated_at`)
    WHERE `shop_id` = new.`shop_id` AND `phone` = new.`customer_phone`;
END;

-- @trigger
CREATE TRIGGER `customers_orders_ad` AFTER DELETE ON `orders` BEGIN
  UPDATE `customers` SET
      `orders` = `orders` - 1,
      `delivered` = `delivered` - (old.`status` = 'delivered'),
      `cancelled` = `cancelled` - (old.`status` = 'cancelled'),
      `returned` = `returned` - (old.`status` = 'returned'),
      `spent` = `spent` - iif(old.`status` IN {{lost}}, 0, old.`total`),
      `last_order_at` = coalesce((SELECT max(o.`created_at`) FROM `orders` o WHERE o.`shop_id` = old.`shop_id` AND o.`customer_phone` = old.`customer_phone`), 0)
    WHERE `shop_id` = old.`shop_id` AND `phone` = old.`customer_phone`;
END;

-- @backfill
-- Everything derived, recomputed from the orders there are; the seller's notes and tags kept
-- (this runs again whenever a migration touches orders or customers).
UPDATE `customers` SET `orders` = 0, `delivered` = 0, `cancelled` = 0, `returned` = 0, `spent` = 0, `last_order_at` = 0;

-- @backfill
-- `latest`: with exactly one max() aggregate, SQLite takes the bare columns from that row.
WITH `totals` AS (
    SELECT `shop_id`, `customer_phone`, count(*) AS `n`, sum(`status` = 'delivered') AS `delivered`,
      sum(`status` = 'cancelled') AS `cancelled`, sum(`status` = 'returned') AS `returned`,
      sum(iif(`status` IN {{lost}}, 0, `total`)) AS `spent`, min(`created_at`) AS `first`, max(`updated_at`) AS `changed`
    FROM `orders` GROUP BY `shop_id`, `customer_phone`),
  `latest` AS (
    SELECT `shop_id`, `customer_phone`, `customer_name`, `city`, max(`created_at`) AS `at`
    FROM `orders` GROUP BY `shop_id`, `customer_phone`)
INSERT INTO `customers` (`shop_id`, `phone`, `name`, `city`, `orders`, `delivered`, `cancelled`, `returned`, `spent`, `last_order_at`, `created_at`, `updated_at`)
  SELECT t.`shop_id`, t.`customer_phone`, l.`customer_name`, l.`city`, t.`n`, t.`delivered`, t.`cancelled`, t.`returned`, t.`spent`, l.`at`, t.`first`, t.`changed`
  FROM `totals` t JOIN `latest` l ON l.`shop_id` = t.`shop_id` AND l.`customer_phone` = t.`customer_phone` WHERE true
  ON CONFLICT (`shop_id`, `phone`) DO UPDATE SET
    `name` = excluded.`name`, `city` = excluded.`city`, `orders` = excluded.`orders`, `delivered` = excluded.`delivered`,
    `cancelled` = excluded.`cancelled`, `returned` = excluded.`returned`, `spent` = excluded.`spent`,
    `last_order_at` = excluded.`last_order_at`, `created_at` = min(`created_at`, excluded.`created_at`),
    `updated_at` = max(`updated_at`, excluded.`updated_at`);
