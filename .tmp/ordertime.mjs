import { Miniflare } from "miniflare";
import { benchDir, buildWorker, workerOptions, workerdCpuMs, BENCH_ROOT } from "../scripts/bench/runtime.mjs";
import { scaleSeedSql, BIG, WARM_SKU } from "../scripts/bench/seed-scale.mjs";
const tmp = benchDir("hatti-ot-");
buildWorker(tmp);
const opts = workerOptions(tmp);
delete opts.queueConsumers;
const mf = new Miniflare(opts);
const base = await mf.ready;
const db = await mf.getD1Database("DB");
for (const sql of scaleSeedSql({ shops: 10, bigProducts: 200, orders: 2000 })) await db.prepare(sql).run();
const host = `${BIG}.${BENCH_ROOT}`;
const warm = await db.prepare(`SELECT v.id FROM variants v WHERE v.sku = ?`).bind(WARM_SKU).first();
const zone = await db.prepare(`SELECT z.id FROM delivery_zones z JOIN shops s ON s.id = z.shop_id WHERE s.slug = ?`).bind(BIG).first();
const cookie = `hatti_cart=${warm.id}x1`;
const page = await mf.dispatchFetch(new URL(`http://${host}/checkout`), { headers: { host, cookie } });
console.log(page.status, warm, zone); const basis = /name="basis" value="([^"]*)"/.exec(await page.text())[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&");
async function run(label, n = 400) {
  let d1 = 0;
  const cpu0 = workerdCpuMs();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const body = new URLSearchParams({ key: `ot${label}${String(i).padStart(20, "0")}`, name: "B", phone: "03001234567", city: "Lahore", address: "House 1, Street 2", zone: String(zone.id), payment: "cod", basis });
    const r = await mf.dispatchFetch(new URL(`http://${host}/checkout`), { method: "POST", redirect: "manual", headers: { host, cookie, origin: `http://${host}`, "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": `10.1.${i >> 8}.${i & 255}${label.length}` }, body });
    const st = r.headers.get("server-timing") ?? "";
    d1 += Number(/d1;dur=([\d.]+)/.exec(st)?.[1] ?? 0);
    if (r.status !== 303) throw new Error(`${label} ${r.status} ${st}`);
    await r.arrayBuffer();
  }
  const ms = performance.now() - t0;
  console.log(label.padEnd(22), "wall/req", (ms / n).toFixed(3), "d1/req", (d1 / n).toFixed(3), "cpu/req", ((workerdCpuMs() - cpu0) / n).toFixed(3));
}
await run("warm", 200);
await run("as-is");
await run("as-is-2");
for (const t of process.argv.slice(2)) {
  if (t === "nocod") await db.prepare("UPDATE shops SET cod_confirm = 0").run();
  else if (t.endsWith("_idx")) await db.prepare(`DROP INDEX IF EXISTS ${t}`).run();
  else await db.prepare(`DROP TRIGGER IF EXISTS ${t}`).run();
  await run(`-${t}`);
}
await mf.dispose();
