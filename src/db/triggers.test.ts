/**
 * Every trigger has one source, migrations/triggers/*.sql: after all migrations the database
 * holds exactly those triggers, with exactly that SQL. A trigger added to the source but never
 * migrated (no `npm run db:generate`), or one left in the database after it left the source,
 * fails here. And the rewrite that scripts/db-generate.mjs applies to every migration
 * (scripts/lib/migration-triggers.mjs) is checked on its own: idempotent, and strict about
 * what it cannot make safe.
 */
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import {
  isTriggersOnly,
  MigrationError,
  normalizeSql,
  parseTriggerFile,
  processMigration,
  statementsOf,
  stripGenerated,
  triggersOf,
} from "../../scripts/lib/migration-triggers.mjs";
import { databaseTriggers, source, sourceTriggers } from "../../test/trigger-fixtures";

const opts = () => ({ source: source(), foreignKeys: env.TEST_FOREIGN_KEYS });

describe("the triggers after every migration", () => {
  it("are exactly those of migrations/triggers, name for name and statement for statement", async () => {
    const want = sourceTriggers();
    const have = await databaseTriggers();
    expect(have.map(([name]) => name), "trigger names: database vs source").toEqual(want.map(([name]) => name));
    for (const [name, sql] of want) expect(new Map(have).get(name), `${name}: the migrated SQL differs from migrations/triggers`).toBe(sql);
    // What the migrations keep today: the search index, order counts, collection sort keys,
    // product cards (photo, in stock, highest price), order numbers, checkout intents ordered, customers and discount uses
    // (25); and a moving shop's freeze: three on each of its 23 tables and two on its own row (71).
    expect(want).toHaveLength(25 + 71);
  });

  it("come from a source that writes the card photo and in-stock expressions once each", () => {
    const cards = source().find((c) => c.file === "product-cards.sql")!;
    const photo = "SELECT pi.`key` || '|' || pi.`widths`";
    const stock = "NOT `products`.`track_stock` OR EXISTS";
    // Expanded into 3 and 4 triggers and the backfill, from one @define each.
    expect(cards.triggers.filter((t) => t.sql.includes(photo))).toHaveLength(3);
    expect(cards.triggers.filter((t) => t.sql.includes(stock))).toHaveLength(4);
    expect(cards.backfill.join()).toContain(photo);
    expect(cards.backfill.join()).toContain(stock);
    expect(cards.triggers.filter((t) => t.sql.includes("SELECT max(v.`price`)"))).toHaveLength(3);
    expect(cards.backfill.join()).toContain("`max_price` =");
  });
});

describe("the trigger source format", () => {
  it("expands @define fragments and reads each trigger's name and table", () => {
    const c = parseTriggerFile(
      "x.sql",
      [
        "-- a comment for people",
        "-- @define total",
        "(SELECT sum(`n`) FROM `order_counts` WHERE `shop_id` = new.`shop_id`)",
        "-- @trigger",
        "CREATE TRIGGER `x_ai` AFTER UPDATE OF `status` ON `orders` BEGIN",
        "  -- dropped from the SQL",
        "  UPDATE `shops` SET `order_seq` = {{total}} WHERE `id` = new.`shop_id`;",
        "END;",
        "-- @backfill",
        "UPDATE `shops` SET `order_seq` = 0;",
      ].join("\n"),
    );
    expect(c.triggers).toEqual([
      {
        name: "x_ai",
        table: "orders",
        sql: "CREATE TRIGGER `x_ai` AFTER UPDATE OF `status` ON `orders` BEGIN\n  UPDATE `shops` SET `order_seq` = (SELECT sum(`n`) FROM `order_counts` WHERE `shop_id` = new.`shop_id`) WHERE `id` = new.`shop_id`;\nEND",
      },
    ]);
    expect(c.backfill).toEqual(["UPDATE `shops` SET `order_seq` = 0"]);
    expect(c.tables).toEqual(["order_counts", "orders", "shops"]);
    expect(() => parseTriggerFile("y.sql", "-- @trigger\nCREATE TRIGGER `y` AFTER INSERT ON `orders` BEGIN SELECT {{nope}}; END;")).toThrow(/\{\{nope\}\} is not defined/);
    expect(() => parseTriggerFile("z.sql", "-- @trigger\nCREATE INDEX `z` ON `orders` (`id`);")).toThrow(MigrationError);
  });
});

describe("processMigration", () => {
  const addColumn = "ALTER TABLE `orders` ADD `gift_note` text DEFAULT '' NOT NULL;";

  it("drops every trigger first, re-creates them all last, and backfills what the migration touched", () => {
    const out = processMigration(addColumn, { ...opts(), knownTriggers: ["products_fts_old"] });
    const statements = statementsOf(out.sql).map((s) => normalizeSql(s.replace(/^--.*\n/gm, "")));
    const drops = statements.filter((s) => s.startsWith("DROP TRIGGER IF EXISTS"));
    const creates = statements.filter((s) => s.startsWith("CREATE TRIGGER"));
    expect(drops).toHaveLength(96 + 1); // every trigger of the source, and one an earlier migration made
    expect(drops).toContain("DROP TRIGGER IF EXISTS `products_fts_old`");
    expect(creates).toEqual(triggersOf(source()).map((t) => normalizeSql(t.sql)));
    const own = statements.indexOf(normalizeSql(addColumn));
    expect(own).toBeGreaterThan(statements.lastIndexOf(drops.at(-1)!));
    expect(own).toBeLessThan(statements.indexOf(creates[0]!));
    // orders touched: its concerns are recomputed, the catalogue's are not.
    // (shop-moves.sql guards orders too: listed, with nothing to recompute.)
    expect(out.backfilled).toEqual(["checkout-intents.sql", "customers.sql", "order-counts.sql", "order-seq.sql", "shop-moves.sql"]);
    expect(out.rebuilt).toEqual([]);
  });

  it("is idempotent, and what it adds comes off again", () => {
    for (const raw of [addColumn, env.TEST_REBUILD_FIXTURE, "-- only comments: a migration that re-creates the triggers"]) {
      const once = processMigration(raw, opts()).sql;
      expect(processMigration(once, opts()).sql).toBe(once);
      expect(statementsOf(stripGenerated(once))).toEqual(statementsOf(raw));
    }
    expect(isTriggersOnly(processMigration("-- nothing of its own", opts()).sql)).toBe(true);
    expect(processMigration("-- nothing of its own", opts()).backfilled).toHaveLength(source().length);
    expect(isTriggersOnly(processMigration(addColumn, opts()).sql)).toBe(false);
  });

  it("refuses a migration that makes its own triggers, and a rebuild that ON DELETE restrict would block", () => {
    expect(() => processMigration("CREATE TRIGGER `t` AFTER INSERT ON `orders` BEGIN SELECT 1; END;", opts())).toThrow(/live in migrations\/triggers/);
    const restrict = [...env.TEST_FOREIGN_KEYS, { table: "order_items", references: "products", onDelete: "restrict" }];
    expect(() => processMigration(env.TEST_REBUILD_FIXTURE, { source: source(), foreignKeys: restrict })).toThrow(/ON DELETE restrict/);
  });
});
