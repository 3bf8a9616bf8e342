import type { D1Migration } from "cloudflare:test";
import type { ForeignKey, TriggerConcern } from "../scripts/lib/migration-triggers.mjs";

declare global {
  namespace Cloudflare {
    /** The Worker's generated bindings (worker-configuration.d.ts), and what vitest.config.ts adds for tests. */
    interface Env {
      /** The bench-only cache switch (src/env.ts), flipped by page-cache.test.ts. */
      CACHE_DISABLED?: string;
      TEST_MIGRATIONS: D1Migration[];
      MIGRATIONS_DB: D1Database;
      THEME_FOLDERS: string[];
      SECTION_FOLDERS: string[];
      LOCALE_FOLDERS: string[];
      HOSTILE_ALL: boolean;
      HOSTILE_SEED: number;
      TEST_TRIGGER_SOURCE: TriggerConcern[];
      TEST_FOREIGN_KEYS: ForeignKey[];
      TEST_REBUILD_FIXTURE: string;
    }
  }
}
