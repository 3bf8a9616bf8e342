/** Serves the Worker for the browser tests: fresh local D1/R2, demo shops, `wrangler dev`. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { LocalRuntime, migrate } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    port: number;
    /** An empty database migrated by wrangler, for the tests that need databases of their own to copy. */
    migrated: string;
  }
}

export default async function setup(project: TestProject) {
  const migrated = mkdtempSync(path.join(tmpdir(), "hatti-migrated-"));
  migrate(migrated);
  const runtime = new LocalRuntime();
  await runtime.prepare(undefined, migrated);
  await runtime.start();
  project.provide("port", runtime.port);
  project.provide("migrated", migrated);
  return async () => {
    rmSync(migrated, { recursive: true, force: true });
    await runtime.stop();
    if (process.env.E2E_LOG) console.log(runtime.output());
    runtime.remove();
  };
}
