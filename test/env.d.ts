import type { D1Migration } from "cloudflare:test";
import type { Bindings } from "../src/env";
import type { ForeignKey, TriggerConcern } from "../scripts/lib/migration-triggers.mjs";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      MIGRATIONS_DB: D1Database;
      THEME_FOLDERS: string[];
      HOSTILE_ALL: boolean;
      HOSTILE_SEED: number;
      TEST_TRIGGER_SOURCE: TriggerConcern[];
      TEST_FOREIGN_KEYS: ForeignKey[];
      TEST_REBUILD_FIXTURE: string;
    }
    interface GlobalProps {
      mainModule: typeof import("../src/index");
    }
  }
}
