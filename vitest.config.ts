import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { foreignKeysOf, parseTriggerSource } from "./scripts/lib/migration-triggers.mjs";

const root = import.meta.dirname;
const migrations = await readD1Migrations(path.join(root, "migrations"));
// The triggers' one source, the foreign keys of the latest schema and a raw drizzle-kit rebuild,
// for test/db-triggers.test.ts and test/db-rebuild.test.ts (Worker tests cannot read files).
const readText = (...p: string[]) => readFileSync(path.join(root, ...p), "utf8");
const triggerSource = parseTriggerSource(
  readdirSync(path.join(root, "migrations/triggers"))
    .filter((file) => file.endsWith(".sql"))
    .map((file) => ({ file, text: readText("migrations/triggers", file) })),
);
const journal = JSON.parse(readText("migrations/meta/_journal.json")) as { entries: { tag: string }[] };
const latestSnapshot = JSON.parse(readText("migrations/meta", `${journal.entries.at(-1)!.tag.split("_")[0]}_snapshot.json`));
// Every folder under themes/ is a theme: the registry test checks each is registered.
const themeFolders = readdirSync(path.join(root, "themes")).filter((f) =>
  statSync(path.join(root, "themes", f)).isDirectory() && !f.startsWith("_"),
);

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          ROOT_DOMAIN: "hatti.test",
          ENVIRONMENT: "test",
          TEST_MIGRATIONS: migrations,
          TEST_TRIGGER_SOURCE: triggerSource,
          TEST_FOREIGN_KEYS: foreignKeysOf(latestSnapshot),
          TEST_REBUILD_FIXTURE: readText("test/fixtures/migrations/products-rebuild.sql"),
          THEME_FOLDERS: themeFolders,
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "src/**/*.test.ts", "src/**/*.test.tsx", "themes/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    setupFiles: ["./test/setup.ts"],
    // The message-provider sandboxes (Node servers) for the transports' contract tests, which
    // run in workerd and read the URLs with inject("sandboxes").
    globalSetup: ["./scripts/sandboxes/vitest-setup.mjs"],
    testTimeout: 30_000,
  },
});
