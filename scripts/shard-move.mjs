#!/usr/bin/env node
// npm run shard:move -- --shop SLUG --to K [--url http://localhost:8787]
// Queues the move of a shop to shard K through the Worker's /ops route (src/shards/routes.ts) and
// follows it until the directory names shard K. The bearer token: $OPS_TOKEN, else .dev.vars
// (npm start writes one). The move itself runs in the Worker's queue (src/shards/job.ts).
import { existsSync, readFileSync } from "node:fs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const slug = arg("--shop");
const to = Number(arg("--to"));
const base = arg("--url", "http://localhost:8787").replace(/\/$/, "");
if (!slug || !Number.isSafeInteger(to) || to < 0) {
  console.error("usage: npm run shard:move -- --shop SLUG --to K [--url https://hatti.pk]");
  process.exit(2);
}
const fromDevVars = () => (existsSync(".dev.vars") ? /^OPS_TOKEN=(.*)$/m.exec(readFileSync(".dev.vars", "utf8"))?.[1]?.trim() : undefined);
const token = process.env.OPS_TOKEN ?? fromDevVars();
if (!token) {
  console.error("no OPS_TOKEN: set it in the environment (production: the Worker secret's value)");
  process.exit(2);
}
const call = async (method, path, body) => {
  const res = await fetch(`${base}/ops${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body && JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} /ops${path}: ${res.status} ${json.error ?? ""}`);
  return json;
};

try {
  const queued = await call("POST", `/shops/${slug}/move`, { to });
  console.log(`queued: ${slug} from shard ${queued.from} to shard ${queued.to}`);
  const started = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = await call("GET", `/shops/${slug}`);
    if (now.shard === to) {
      console.log(`moved: ${slug} is served from shard ${to}; its old rows go about 90 s from now`);
      break;
    }
    if (!now.move && Date.now() - started > 30_000) throw new Error(`${slug} is in shard ${now.shard} and no move is under way: the move failed (see the Worker's log)`);
    console.log(`  ${now.move ? `${now.move.phase}, copying` : "waiting for the queue"}...`);
  }
} catch (err) {
  console.error(String(err.message ?? err));
  process.exit(1);
}
