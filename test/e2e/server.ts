/**
 * A local runtime for end-to-end tests: a persistence directory with migrations applied (by
 * `wrangler d1 migrations apply`) and demo shops seeded, served by `wrangler dev` on a free port.
 * It can be stopped and started again on the same port and data (the soak test restarts it).
 * The global setup's data (scripts/lib/e2e-data.mjs) holds one empty database wrangler migrated,
 * provided as `inject("migrated")`: the soak and the backup copy it instead of migrating again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error plain ES module without types
import { seed } from "../../scripts/seed.mjs";
// @ts-expect-error plain ES module without types
import { migrate } from "../../scripts/lib/e2e-data.mjs";

const WRANGLER = path.join(import.meta.dirname, "..", "..", "node_modules", "wrangler", "bin", "wrangler.js");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export class LocalRuntime {
  readonly dir: string;
  port = 0;
  private child: ChildProcess | null = null;
  private log: string[] = [];

  /** A runtime over a new directory, or over `dir` (prepared already: see scripts/lib/e2e-data.mjs). */
  constructor(prefix = "hatti-e2e-", dir?: string) {
    this.dir = dir ?? mkdtempSync(path.join(tmpdir(), prefix));
  }

  /** Migrates (or copies `migrated`, a directory wrangler migrated) and seeds the demo shops. */
  async prepare(only?: string[], migrated?: string): Promise<void> {
    if (migrated) cpSync(migrated, this.dir, { recursive: true });
    else migrate(this.dir);
    await seed({ persistTo: this.dir, log: () => {}, only });
    this.port = await freePort();
  }

  /**
   * Serves with `wrangler dev`; `vars` are more of the Worker's variables (as `--var NAME:value`).
   * `--test-scheduled`: a test runs the Worker's cron with GET /__scheduled?cron=... (getting-paid.e2e.ts).
   */
  async start(vars: Record<string, string> = {}): Promise<void> {
    const more = Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
    const child = spawn(
      process.execPath,
      [WRANGLER, "dev", "--port", String(this.port), "--ip", "127.0.0.1", "--persist-to", this.dir, "--var", `ROOT_DOMAIN:localhost:${this.port}`, ...more, "--show-interactive-dev-session=false", "--test-scheduled"],
      { env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    this.log = [];
    child.stdout!.on("data", (d) => this.log.push(String(d)));
    child.stderr!.on("data", (d) => this.log.push(String(d)));
    const until = Date.now() + 90_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}\n${this.output()}`);
      try {
        if ((await fetch(`http://localhost:${this.port}/healthz`)).status === 200) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    child.kill("SIGKILL");
    throw new Error(`wrangler dev did not answer within 90 s\n${this.output()}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
    this.child = null;
  }

  /** The last 4,000 characters the current (or last) `wrangler dev` printed. */
  output(): string {
    return this.log.join("").slice(-4000);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
