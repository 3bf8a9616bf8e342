#!/usr/bin/env node
// npm start: apply migrations to the local D1, seed the demo shops (keeping existing data),
// start the message-provider sandboxes (their URLs go into .dev.vars), then serve on
// http://localhost:8787 (the demo shop at http://demo.localhost:8787).
import { spawn, spawnSync } from "node:child_process";
import { seed, DEMO_LOGIN, DEMO_PASSWORD } from "./seed.mjs";
import { startDevSandboxes } from "./sandboxes/dev.mjs";
import { databaseBindings } from "./lib/databases.mjs";
import { DEMO_SHOPS } from "./lib/demo-shops.mjs";

const wrangler = ["node_modules/wrangler/bin/wrangler.js"];
const run = (args) => {
  const r = spawnSync(process.execPath, [...wrangler, ...args], { stdio: "inherit", env: { ...process.env, CI: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// The directory and every shard (src/db/shards.ts) take the same migrations.
for (const binding of databaseBindings()) run(["d1", "migrations", "apply", binding, "--local"]);
await seed();
const sandboxes = await startDevSandboxes();
console.log(`
  Hatti is starting:
    platform + admin   http://localhost:8787
    demo shops         http://demo.localhost:8787, and at http://<slug>.localhost:8787:
                       ${DEMO_SHOPS.slice(1).map((s) => s.slug).join(", ")}
    demo seller log-in ${DEMO_LOGIN} / ${DEMO_PASSWORD}
    message sandboxes  ${Object.entries(sandboxes.urls).map(([k, v]) => `${k} ${v}`).join(", ")}
`);
const dev = spawn(process.execPath, [...wrangler, "dev", "--port", "8787", "--ip", "127.0.0.1"], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
dev.on("exit", (code) => sandboxes.close().finally(() => process.exit(code ?? 0)));
