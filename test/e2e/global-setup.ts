/** Serves the Worker for the browser tests: fresh local D1/R2, demo shops, `wrangler dev`. */
import type { TestProject } from "vitest/node";
import { LocalRuntime } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    port: number;
  }
}

export default async function setup(project: TestProject) {
  const runtime = new LocalRuntime();
  await runtime.prepare();
  await runtime.start();
  project.provide("port", runtime.port);
  return async () => {
    await runtime.stop();
    if (process.env.E2E_LOG) console.log(runtime.output());
    runtime.remove();
  };
}
