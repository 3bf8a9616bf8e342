-- A shop moving to another shard is frozen in the shard it leaves (src/shards/move.ts): while its
-- shop_moves row is there, the database refuses every write to its rows, whatever code path makes
-- it (an order, a seller's edit, a cron, the queue), so nothing written during the copy is left
-- behind. The writer gets the error 'hatti: shop moving' (src/db/errors.ts isShopMoving: the
-- checkout says "try again in a minute" and keeps the form; any other page answers 503).
-- Phases 'frozen' (copying) and 'leaving' (the directory names the new shard; a request routed
-- before that may still come here for a route's lifetime) refuse all; in 'deleting' everything
-- passes: the move deletes the rows it copied. Every table of a shop's rows in a shard is listed: src/shards/move.test.ts fails when a
-- table with a shop_id is missing.
--
-- The source of truth for these triggers: see scripts/lib/migration-triggers.mjs for the format.

-- @trigger-each collection_products collections pages pending_uploads product_images products variants delivery_zones order_counts order_events order_items orders outbox push_subscriptions discounts order_discounts shop_visits checkout_intents customers shop_credentials payment_attempts shipments settlements
CREATE TRIGGER `{{table}}_moving_bi` BEFORE INSERT ON `{{table}}`
  WHEN EXISTS (SELECT 1 FROM `shop_moves` WHERE `shop_id` = new.`shop_id` AND `phase` <> 'deleting') BEGIN
  SELECT RAISE(ABORT, 'hatti: shop moving');
END;

-- @trigger-each collection_products collections pages pending_uploads product_images products variants delivery_zones order_counts order_events order_items orders outbox push_subscriptions discounts order_discounts shop_visits checkout_intents customers shop_credentials payment_attempts shipments settlements
CREATE TRIGGER `{{table}}_moving_bu` BEFORE UPDATE ON `{{table}}`
  WHEN EXISTS (SELECT 1 FROM `shop_moves` WHERE `shop_id` = old.`shop_id` AND `phase` <> 'deleting') BEGIN
  SELECT RAISE(ABORT, 'hatti: shop moving');
END;

-- @trigger-each collection_products collections pages pending_uploads product_images products variants delivery_zones order_counts order_events order_items orders outbox push_subscriptions discounts order_discounts shop_visits checkout_intents customers shop_credentials payment_attempts shipments settlements
CREATE TRIGGER `{{table}}_moving_bd` BEFORE DELETE ON `{{table}}`
  WHEN EXISTS (SELECT 1 FROM `shop_moves` WHERE `shop_id` = old.`shop_id` AND `phase` <> 'deleting') BEGIN
  SELECT RAISE(ABORT, 'hatti: shop moving');
END;

-- The shop's own row: its settings, name, order sequence. The move itself changes only its shard
-- (when the shard it leaves is the directory's database, that row is the directory's).
-- @trigger
CREATE TRIGGER `shops_moving_bu` BEFORE UPDATE ON `shops`
  WHEN new.`shard` IS old.`shard` AND EXISTS (SELECT 1 FROM `shop_moves` WHERE `shop_id` = old.`id` AND `phase` <> 'deleting') BEGIN
  SELECT RAISE(ABORT, 'hatti: shop moving');
END;

-- @trigger
CREATE TRIGGER `shops_moving_bd` BEFORE DELETE ON `shops`
  WHEN EXISTS (SELECT 1 FROM `shop_moves` WHERE `shop_id` = old.`id` AND `phase` <> 'deleting') BEGIN
  SELECT RAISE(ABORT, 'hatti: shop moving');
END;
