/**
 * Serves the Worker for the browser tests: fresh local D1/R2 with the demo shops, `wrangler dev`
 * on a free port. The data is made by scripts/lib/e2e-data.mjs: here, or beforehand by npm test
 * beside the Workers tests (HATTI_E2E_DATA names it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ES module without types
import { prepareE2EData } from "../../scripts/lib/e2e-data.mjs";
// @ts-expect-error plain ES module without types
import { sandboxEnv, startSandboxes } from "../../scripts/sandboxes/index.mjs";
import magic from "../../scripts/sandboxes/magic.json";
import { freePort, LocalRuntime } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    port: number;
    /** An empty database migrated by wrangler, for the tests that need databases of their own to copy. */
    migrated: string;
    /** The same, seeded with the demo shops (never served: a copy is the backup test's source). */
    seeded: string;
    /** The served runtime's persistence directory (a test ages a one-time code there: reset.e2e.ts). */
    runtime: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.HATTI_E2E_DATA;
  const data = given ?? mkdtempSync(path.join(tmpdir(), "hatti-e2e-"));
  if (!given) await prepareE2EData(data);
  const runtime = new LocalRuntime("", path.join(data, "runtime"));
  runtime.port = await freePort();
  // The providers' local sandboxes (scripts/sandboxes), and a key for the shops' sealed credentials:
  // a journey that pays through a gateway or books a courier talks to them, never the internet.
  const sandboxes = await startSandboxes();
  await runtime.start({ ...sandboxEnv(sandboxes.urls), CREDENTIALS_KEY: "ZTJlLW9ubHktY3JlZGVudGlhbHMta2V5LTMyYnl0ZXM=", CF_API_TOKEN: magic.cloudflare.dev.token, CF_ZONE_ID: magic.cloudflare.dev.zoneId });
  project.provide("port", runtime.port);
  project.provide("runtime", runtime.dir);
  project.provide("migrated", path.join(data, "migrated"));
  project.provide("seeded", path.join(data, "seeded"));
  // The sandboxes' URLs (typed in src/messages/sandbox-context.d.ts): a journey sets what a courier reports.
  project.provide("sandboxes", sandboxes.urls);
  return async () => {
    await runtime.stop();
    await sandboxes.close();
    if (process.env.E2E_LOG) console.log(runtime.output());
    if (!given) rmSync(data, { recursive: true, force: true });
  };
}
