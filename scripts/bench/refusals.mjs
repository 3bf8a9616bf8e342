// The bench's refusals: what the runtime spends refusing the posts that once took it down.
import http from "node:http";
import { BENCH_ROOT as ROOT, workerdCpuMs } from "./runtime.mjs";
import { BIG } from "./seed-scale.mjs";
import { log, QUICK } from "./settings.mjs";

/**
 * CPU of workerd per request (from /proc, sequential requests, so nothing else runs) for the
 * posts that broke the runtime before: a product form with 3 options of 250 values each (15.6
 * million combinations, built before the 100-variant cap was checked) and a chunked checkout of
 * 400,000 fields (3.9 MB, past a Content-Length check). Each must be refused, cheaply; the
 * fixed page /healthz is measured the same way as the floor.
 */
export async function refusalCosts(url, shopHost, sessionToken) {
  const csrf = "benchcsrftoken0123456789abcdefghijkl";
  const send = (host, p, body, headers) =>
    new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request(url(p), { method: body === null ? "GET" : "POST", headers: { host, ...headers } }, (res) => {
        answered = true;
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      });
      // A body refused before it is all sent: the runtime answers 413 and closes the connection,
      // and node, still writing, may see the reset before it reads the answer.
      req.on("error", (err) => (answered ? undefined : err.code === "ECONNRESET" || err.code === "EPIPE" ? resolve({ status: "closed", body: "" }) : reject(err)));
      if (body === null) return req.end();
      // Written in pieces with no Content-Length (node sends it chunked), until the answer comes.
      (async () => {
        for (let i = 0; i < body.length && !answered && !req.destroyed; i += 64 * 1024) {
          if (!req.write(body.slice(i, i + 64 * 1024))) await new Promise((r) => req.once("drain", r));
        }
        if (!req.destroyed) req.end();
      })().catch(() => undefined);
    });
  const cost = async (name, n, request, check) => {
    const first = await request();
    if (!check(first)) throw new Error(`${name}: answered ${first.status} ${first.body.slice(0, 200)}`);
    const cpu0 = workerdCpuMs();
    for (let i = 0; i < n; i++) await request();
    const ms = (workerdCpuMs() - cpu0) / n;
    log(`${name.padEnd(24)} ${ms.toFixed(1)} ms of runtime CPU a request (status ${first.status})`);
    return { cpu_ms: Number(ms.toFixed(2)), status: first.status };
  };
  const values = (k) => Array.from({ length: 250 }, (_, i) => `${k}${i}`).join(", ");
  const product = new URLSearchParams({ _csrf: csrf, title: "Kurta", price: "1500", status: "active", opt1Name: "Size", opt1Values: values("s"), opt2Name: "Colour", opt2Values: values("c"), opt3Name: "Fabric", opt3Values: values("f") }).toString();
  const admin = { cookie: `hatti_sid=${sessionToken}; hatti_csrf=${csrf}`, origin: `http://${ROOT}`, "content-type": "application/x-www-form-urlencoded" };
  const chunked = "note=x&".repeat(400_000).slice(0, 3_900_000);
  const shop = { origin: `http://${shopHost}`, "content-type": "application/x-www-form-urlencoded" };
  return {
    healthz: await cost("healthz_cpu", 200, () => send(ROOT, "/healthz", null, {}), (r) => r.status === 200),
    hostile_variants: await cost("hostile_variants_cpu", QUICK ? 10 : 40, () => send(ROOT, `/admin/${BIG}/products`, product, admin), (r) => r.status === 400 && /100/.test(r.body)),
    chunked_400k_fields: await cost("chunked_fields_cpu", QUICK ? 10 : 40, () => send(shopHost, "/checkout", chunked, shop), (r) => r.status === 413 || r.status === "closed"),
  };
}
