-- Storefront search, partitioned by shop. 0001's index was shared by every shop: a word's
-- doclist listed its products in ALL shops, so one shop's search read (and merged, for prefix
-- queries) every shop's matches before keeping its own. Here each indexed term carries its
-- shop: shop 7's "kurta" is the term "s7xkurta" (shop ids are digits, so "s{id}x" is an
-- unambiguous prefix), and a search reads only its own shop's doclists.
--
-- Terms are made by FTS5's own tokenizer, so both tables fold case and diacritics alike:
-- each product's text goes through a one-document scratch index, whose terms (read back
-- with fts5vocab) are prefixed and indexed in products_fts, and the scratch is emptied.
-- products_fts is contentless (the text is on products) and allows DELETE by rowid.
DROP TRIGGER `products_fts_ai`;--> statement-breakpoint
DROP TRIGGER `products_fts_ad`;--> statement-breakpoint
DROP TRIGGER `products_fts_au`;--> statement-breakpoint
DROP TABLE `products_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `search_scratch` USING fts5(
  `title`, `description`, `tags`,
  content='', tokenize='unicode61 remove_diacritics 2'
);--> statement-breakpoint
CREATE VIRTUAL TABLE `search_scratch_terms` USING fts5vocab(`search_scratch`, 'instance');--> statement-breakpoint
CREATE VIRTUAL TABLE `products_fts` USING fts5(
  `title`, `description`, `tags`,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);--> statement-breakpoint
-- The insert and update triggers index a row the same way (a trigger cannot call another).
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO `search_scratch`(rowid, `title`, `description`, `tags`) VALUES (new.`id`, new.`title`, new.`description`, new.`tags`);
  INSERT INTO `products_fts`(rowid, `title`, `description`, `tags`)
    SELECT new.`id`,
      group_concat(iif(col = 'title', 's' || new.`shop_id` || 'x' || term, NULL), ' '),
      group_concat(iif(col = 'description', 's' || new.`shop_id` || 'x' || term, NULL), ' '),
      group_concat(iif(col = 'tags', 's' || new.`shop_id` || 'x' || term, NULL), ' ')
    FROM `search_scratch_terms` WHERE doc = new.`id`;
  INSERT INTO `search_scratch`(`search_scratch`) VALUES ('delete-all');
END;--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF `title`, `description`, `tags`, `shop_id` ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.`id`;
  INSERT INTO `search_scratch`(rowid, `title`, `description`, `tags`) VALUES (new.`id`, new.`title`, new.`description`, new.`tags`);
  INSERT INTO `products_fts`(rowid, `title`, `description`, `tags`)
    SELECT new.`id`,
      group_concat(iif(col = 'title', 's' || new.`shop_id` || 'x' || term, NULL), ' '),
      group_concat(iif(col = 'description', 's' || new.`shop_id` || 'x' || term, NULL), ' '),
      group_concat(iif(col = 'tags', 's' || new.`shop_id` || 'x' || term, NULL), ' ')
    FROM `search_scratch_terms` WHERE doc = new.`id`;
  INSERT INTO `search_scratch`(`search_scratch`) VALUES ('delete-all');
END;--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM `products_fts` WHERE rowid = old.`id`;
END;--> statement-breakpoint
-- The products already there, in one pass.
INSERT INTO `search_scratch`(rowid, `title`, `description`, `tags`) SELECT `id`, `title`, `description`, `tags` FROM `products`;--> statement-breakpoint
INSERT INTO `products_fts`(rowid, `title`, `description`, `tags`)
  SELECT t.doc,
    group_concat(iif(t.col = 'title', 's' || p.`shop_id` || 'x' || t.term, NULL), ' '),
    group_concat(iif(t.col = 'description', 's' || p.`shop_id` || 'x' || t.term, NULL), ' '),
    group_concat(iif(t.col = 'tags', 's' || p.`shop_id` || 'x' || t.term, NULL), ' ')
  FROM `search_scratch_terms` t JOIN `products` p ON p.`id` = t.doc GROUP BY t.doc;--> statement-breakpoint
INSERT INTO `search_scratch`(`search_scratch`) VALUES ('delete-all');
