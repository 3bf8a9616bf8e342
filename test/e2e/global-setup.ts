/**
 * Serves the Worker for the browser tests: a fresh persistence directory, migrations applied
 * with `wrangler d1 migrations apply`, the demo shops seeded, then `wrangler dev` on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ES module without types
import { seed } from "../../scripts/seed.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    port: number;
  }
}

const WRANGLER = path.join(import.meta.dirname, "..", "..", "node_modules", "wrangler", "bin", "wrangler.js");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, ms: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "hatti-e2e-"));
  const port = await freePort();
  const migrate = spawnSync(process.execPath, [WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], {
    env: { ...process.env, CI: "1" },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  await seed({ persistTo: dir, log: () => {} });

  const log: string[] = [];
  const child = spawn(
    process.execPath,
    [WRANGLER, "dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", dir, "--var", `ROOT_DOMAIN:localhost:${port}`, "--show-interactive-dev-session=false"],
    { env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d) => log.push(String(d)));
  child.stderr!.on("data", (d) => log.push(String(d)));
  try {
    await waitFor(`http://localhost:${port}/`, 90_000, child);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${(err as Error).message}\n${log.join("").slice(-4000)}`);
  }
  project.provide("port", port);

  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode === null) child.kill("SIGKILL");
    if (process.env.E2E_LOG) console.log(log.join(""));
    rmSync(dir, { recursive: true, force: true });
  };
}
