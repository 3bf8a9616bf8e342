-- An order marks the checkout intent of its phone in its shop as ordered (src/recovery): the
-- seller's abandoned list leaves it out and its restore link says it was used. Kept by the
-- database, so the order's batch carries no statement for it, whatever code path placed the order.
--
-- The source of truth for this trigger: see scripts/lib/migration-triggers.mjs for the format.

-- @trigger
CREATE TRIGGER `checkout_intents_ordered_ai` AFTER INSERT ON `orders` BEGIN
  UPDATE `checkout_intents` SET `ordered_at` = new.`created_at`
    WHERE `shop_id` = new.`shop_id` AND `phone` = new.`customer_phone` AND `ordered_at` IS NULL;
END;
