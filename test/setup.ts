/**
 * Runs before each test file. Files may share one workerd process (vitest.config.ts turns
 * isolation off: a fresh process and module graph per file cost ~4 s each), so each file
 * starts here from what a fresh process would give it: D1 as the migrations leave it (loaded
 * from the image test/schema-image.ts makes once from migrations/), an empty R2 bucket and an
 * empty page cache.
 */
import { env } from "cloudflare:workers";
import { clearPageCache } from "../src/storefront/page-cache";
import { visitTally } from "../src/insight/tally";
import { emptyBucket, loadSchema } from "./schema-image";

// The directory (also shard 0) and shard 1 (src/db/shards.ts): every database as migrated.
await Promise.all([loadSchema(env.DB), loadSchema(env.SHARD_1!)]);
await emptyBucket(env.MEDIA);
clearPageCache();
// Visits counted by the previous file must not be flushed into this file's database.
visitTally.take();
