-- Storefront search, partitioned by shop (why: migrations/0005_search_per_shop.sql). Each
-- indexed term carries its shop: shop 7's "kurta" is the term "s7xkurta", so a search reads
-- only its own shop's doclists. Terms are made by FTS5's own tokenizer: a product's text goes
-- through the one-document scratch index `search_scratch`, whose terms (read back with the
-- fts5vocab table `search_scratch_terms`) are prefixed and indexed in the contentless
-- `products_fts` (rowid = products.id), and the scratch is emptied again.
--
-- The source of truth for these triggers: see scripts/lib/migration-triggers.mjs for the format.

-- @define index_new
-- Indexes the row `new` (a trigger cannot call another, so insert and update share this text).
  INSERT INTO `search_scratch`(rowid, `title`, `description`, `tags`) VALUES (new.`id`, new.`title`, new.`description`, new.`tags`);
  INSERT INTO `products_fts`(rowid, `title`, `description`, `tags`)
    SELECT new.`id`,
      group_concat(iif(col = 'title', 's' || new.`shop_id` || 'x' || term, NULL), ' '),
      group_concat(iif(col = 'description', 's' || new.`shop_id` || 'x' || term, NULL), ' '),
      group_concat(iif(col = 'tags', 's' || new.`shop_id` || 'x' || term, NULL), ' ')
    FROM `search_scratch_terms` WHERE doc = new.`id`;
  INSERT INTO `search_scratch`(`search_scratch`) VALUES ('delete-all');

-- @trigger
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products` BEGIN
{{index_new}}
END;

-- @trigger
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF `title`, `description`, `tags`, `shop_id` ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.`id`;
{{index_new}}
END;

-- @trigger
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.`id`;
END;

-- @backfill
-- Every product indexed afresh, in one pass through the scratch index.
INSERT INTO `products_fts`(`products_fts`) VALUES ('delete-all');

-- @backfill
INSERT INTO `search_scratch`(rowid, `title`, `description`, `tags`) SELECT `id`, `title`, `description`, `tags` FROM `products`;

-- @backfill
INSERT INTO `products_fts`(rowid, `title`, `description`, `tags`)
  SELECT t.doc,
    group_concat(iif(t.col = 'title', 's' || p.`shop_id` || 'x' || t.term, NULL), ' '),
    group_concat(iif(t.col = 'description', 's' || p.`shop_id` || 'x' || t.term, NULL), ' '),
    group_concat(iif(t.col = 'tags', 's' || p.`shop_id` || 'x' || t.term, NULL), ' ')
  FROM `search_scratch_terms` t JOIN `products` p ON p.`id` = t.doc GROUP BY t.doc;

-- @backfill
INSERT INTO `search_scratch`(`search_scratch`) VALUES ('delete-all');
