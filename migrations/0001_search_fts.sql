-- Storefront search: an FTS5 index over products' title, description and tags, kept in step
-- with the products table by triggers (external-content table: the text is not stored twice).
-- Queries join back to products to filter by shop_id and status.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
  `title`, `description`, `tags`,
  content='products', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO `products_fts`(rowid, `title`, `description`, `tags`) VALUES (new.`id`, new.`title`, new.`description`, new.`tags`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products` BEGIN
  INSERT INTO `products_fts`(`products_fts`, rowid, `title`, `description`, `tags`) VALUES ('delete', old.`id`, old.`title`, old.`description`, old.`tags`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF `title`, `description`, `tags` ON `products` BEGIN
  INSERT INTO `products_fts`(`products_fts`, rowid, `title`, `description`, `tags`) VALUES ('delete', old.`id`, old.`title`, old.`description`, old.`tags`);
  INSERT INTO `products_fts`(rowid, `title`, `description`, `tags`) VALUES (new.`id`, new.`title`, new.`description`, new.`tags`);
END;
--> statement-breakpoint
INSERT INTO `products_fts`(`products_fts`) VALUES ('rebuild');
