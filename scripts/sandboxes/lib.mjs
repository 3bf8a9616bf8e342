// The machinery every provider sandbox shares: a plain Node HTTP server that hands provider
// requests to the provider's module and adds a small admin API under /__sandbox/:
//   GET    /__sandbox/requests[?to=R]   what was received, oldest first (optionally for one recipient)
//   DELETE /__sandbox/requests          forget them (and any pending failures)
//   POST   /__sandbox/fail-next?count=N&status=S[&to=R][&mode=hang]
//          the next N provider requests (to R only, if given) get the provider's documented error
//          body for status S, or no answer at all with mode=hang (for timeout tests)
// A provider module is { name, recipient(req), handle(req, ctx), failure(status) } where handle
// returns { status, headers?, json? | text? } or { hang: true }, plus optional admin(req, ctx)
// routes of its own. No dependencies beyond Node.
import http from "node:http";

const MAX_BODY = 1024 * 1024;
const MAX_RECORDS = 1000;

export function createSandbox(provider) {
  const records = [];
  let seq = 0;
  let failures = []; // { remaining, status, to, mode }
  const hanging = new Set();

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://sandbox.invalid");
      const body = await readBody(req);
      const request = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        origin: `http://${req.headers.host}`,
      };
      if (url.pathname.startsWith("/__sandbox/")) return send(res, await admin(request, url));
      if (body === null) return send(res, { status: 413, text: "request body too large" });

      const record = {
        seq: ++seq,
        at: new Date().toISOString(),
        method: request.method,
        path: request.path,
        query: request.query,
        headers: { ...req.headers },
        to: safe(() => provider.recipient(request)) ?? null,
        body: safe(() => provider.describe?.(request)) ?? bodyText(body),
        response: null,
      };
      records.push(record);
      if (records.length > MAX_RECORDS) records.shift();

      const failure = failures.find((f) => f.remaining > 0 && (!f.to || f.to === record.to));
      let answer;
      if (failure) {
        failure.remaining--;
        failures = failures.filter((f) => f.remaining > 0);
        answer = failure.mode === "hang" ? { hang: true } : provider.failure(failure.status, request);
      } else {
        answer = await provider.handle(request, { record });
      }
      if (answer.hang) {
        record.response = { hang: true };
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      }
      record.response = { status: answer.status, body: answer.json ?? answer.text ?? null };
      send(res, answer);
    } catch (err) {
      send(res, { status: 500, text: `sandbox error: ${err?.stack ?? err}` });
    }
  });

  async function admin(request, url) {
    if (url.pathname === "/__sandbox/requests" && request.method === "GET") {
      const to = url.searchParams.get("to");
      return { status: 200, json: { requests: to ? records.filter((r) => r.to === to) : records } };
    }
    if (url.pathname === "/__sandbox/requests" && request.method === "DELETE") {
      records.length = 0;
      failures = [];
      return { status: 200, json: { ok: true } };
    }
    if (url.pathname === "/__sandbox/fail-next" && request.method === "POST") {
      const count = Number(url.searchParams.get("count") ?? "1");
      const status = Number(url.searchParams.get("status") ?? "500");
      const mode = url.searchParams.get("mode") === "hang" ? "hang" : "error";
      if (!Number.isInteger(count) || count < 1 || count > 100) return { status: 400, json: { error: "count must be 1..100" } };
      if (mode === "error" && !(status >= 400 && status <= 599)) return { status: 400, json: { error: "status must be 400..599" } };
      failures.push({ remaining: count, status, to: url.searchParams.get("to") || null, mode });
      return { status: 200, json: { ok: true, pending: failures.reduce((n, f) => n + f.remaining, 0) } };
    }
    const own = await provider.admin?.(request, url);
    return own ?? { status: 404, json: { error: "no such sandbox route" } };
  }

  return {
    name: provider.name,
    server,
    async listen(port = 0, host = "127.0.0.1") {
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      const address = server.address();
      return `http://${host}:${address.port}`;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res, { status, headers = {}, json, text }) {
  const body = json !== undefined ? JSON.stringify(json) : (text ?? "");
  res.writeHead(status, {
    "content-type": json !== undefined ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    ...headers,
  });
  res.end(body);
}

function bodyText(buffer) {
  if (!buffer || buffer.length === 0) return null;
  return buffer.toString("utf8");
}

function safe(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** The Authorization header's scheme and credentials, or null. */
export function authorization(headers, scheme) {
  const value = headers.authorization;
  if (typeof value !== "string") return null;
  const match = value.match(/^(\S+) (.+)$/);
  if (!match || match[1].toLowerCase() !== scheme.toLowerCase()) return null;
  return match[2];
}

export function isJson(headers) {
  return /^application\/json(\s*;|$)/i.test(headers["content-type"] ?? "");
}

export function parseJson(buffer) {
  try {
    return JSON.parse(buffer.toString("utf8"));
  } catch {
    return undefined;
  }
}

export const randomHex = (bytes) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString("hex");
