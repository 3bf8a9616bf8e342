import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const migrations = await readD1Migrations(path.join(root, "migrations"));
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
          THEME_FOLDERS: themeFolders,
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "src/**/*.test.ts", "src/**/*.test.tsx", "themes/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    setupFiles: ["./test/setup.ts"],
    testTimeout: 30_000,
  },
});
