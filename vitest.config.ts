import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { foreignKeysOf, parseTriggerSource } from "./scripts/lib/migration-triggers.mjs";

const root = import.meta.dirname;
const migrations = await readD1Migrations(path.join(root, "migrations"));
// The triggers' one source, the foreign keys of the latest schema and a raw drizzle-kit rebuild,
// for src/db/triggers.test.ts and src/db/rebuild.test.ts (Worker tests cannot read files).
const readText = (...p: string[]) => readFileSync(path.join(root, ...p), "utf8");
const triggerSource = parseTriggerSource(
  readdirSync(path.join(root, "migrations/triggers"))
    .filter((file) => file.endsWith(".sql"))
    .map((file) => ({ file, text: readText("migrations/triggers", file) })),
);
const journal = JSON.parse(readText("migrations/meta/_journal.json")) as { entries: { tag: string }[] };
const latestSnapshot = JSON.parse(readText("migrations/meta", `${journal.entries.at(-1)!.tag.split("_")[0]}_snapshot.json`));
// The hostile corpus (test/fixtures/hostile.ts): one payload of each kind, chosen by a seed
// (HOSTILE_SEED, else today's date, so the sample turns over daily), or all of it (HOSTILE=all:
// npm run test:full). The tests' names carry the seed to replay a failure with.
const hostileAll = process.env.HOSTILE === "all";
const hostileSeed = Number(process.env.HOSTILE_SEED ?? new Date().toISOString().slice(0, 10).replaceAll("-", ""));
if (!Number.isSafeInteger(hostileSeed)) throw new Error(`HOSTILE_SEED must be an integer, not ${process.env.HOSTILE_SEED}`);
// Every folder under themes/ is a theme: the registry test checks each is registered.
const themeFolders = readdirSync(path.join(root, "themes")).filter((f) =>
  statSync(path.join(root, "themes", f)).isDirectory() && !f.startsWith("_"),
);

// Every folder under themes/_shared/sections/ is a section type: the registry test checks each is registered.
const sectionFolders = readdirSync(path.join(root, "themes", "_shared", "sections")).filter((f) => statSync(path.join(root, "themes", "_shared", "sections", f)).isDirectory());

// Every folder under src/i18n/ is a language's catalogue: the registry test checks each is registered.
const localeFolders = readdirSync(path.join(root, "src", "i18n")).filter((f) => statSync(path.join(root, "src", "i18n", f)).isDirectory());

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        // A scratch database the migrations are applied to once per run (test/schema-image.ts).
        d1Databases: { MIGRATIONS_DB: "migrations-scratch" },
        bindings: {
          ROOT_DOMAIN: "hatti.test",
          ENVIRONMENT: "test",
          // The tests' key for sealing shops' credentials (src/credentials): 32 bytes, base64url.
          CREDENTIALS_KEY: "dGVzdC1vbmx5LWNyZWRlbnRpYWxzLWtleS0zMmJ5dGU",
          TEST_MIGRATIONS: migrations,
          TEST_TRIGGER_SOURCE: triggerSource,
          TEST_FOREIGN_KEYS: foreignKeysOf(latestSnapshot),
          TEST_REBUILD_FIXTURE: readText("test/fixtures/migrations/products-rebuild.sql"),
          THEME_FOLDERS: themeFolders,
          SECTION_FOLDERS: sectionFolders,
          LOCALE_FOLDERS: localeFolders,
          HOSTILE_ALL: hostileAll,
          HOSTILE_SEED: hostileSeed,
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "src/**/*.test.ts", "src/**/*.test.tsx", "themes/**/*.test.ts", "themes/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    setupFiles: ["./test/setup.ts"],
    // Files share a workerd process and its module graph (a fresh process per file cost ~4 s
    // each); test/setup.ts gives each file an empty, migrated D1, an empty R2 and an empty page
    // cache. One process a core: the Node side mostly waits on workerd.
    isolate: false,
    maxWorkers: availableParallelism(),
    // The message-provider sandboxes (Node servers) for the transports' contract tests, which
    // run in workerd and read the URLs with inject("sandboxes").
    globalSetup: ["./scripts/sandboxes/vitest-setup.mjs"],
    testTimeout: 30_000,
  },
});
