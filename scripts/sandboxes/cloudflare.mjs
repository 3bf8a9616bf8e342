// Cloudflare for SaaS custom hostnames sandbox, under /client/v4 as Cloudflare serves its API:
//   POST   /zones/{zone_id}/custom_hostnames        { hostname, ssl: { method: "http"|"txt", type: "dv" } }
//   GET    /zones/{zone_id}/custom_hostnames/{id}
//   GET    /zones/{zone_id}/custom_hostnames?hostname=H  -> result: [the hostname] or [] (with result_info)
//   DELETE /zones/{zone_id}/custom_hostnames/{id}   -> { success, errors, messages, result: { id } }
// Every answer is Cloudflare's envelope { success, errors: [{ code, message }], messages, result }.
// A new hostname is "pending" with its ownership_verification (TXT _cf-custom-hostname.<host>),
// ownership_verification_http and ssl.validation_records (txt_name/txt_value for the txt method,
// http_url/http_body for http), until a test validates it:
//   POST /__sandbox/validate?hostname=H   -> the hostname (and its certificate) become active
// Errors as Cloudflare answers them: a missing or refused token 403 code 10000 "Authentication
// error" (magic.json cloudflare.tokens.invalid is refused), a zone id that is not 32 hex
// characters 404 code 7003, a hostname already in the zone 409 code 1406 "Duplicate custom
// hostname found.", an invalid hostname (or magic.json cloudflare.hostnames.invalid) 400 code 1411,
// an unknown id 404 code 1436; 5xx and hangs with fail-next (lib.mjs).
import { randomUUID } from "node:crypto";
import { authorization, createSandbox, isJson, parseJson, randomHex } from "./lib.mjs";
import { magic } from "./magic.mjs";

const PREFIX = "/client/v4";
const ZONE = /^[0-9a-f]{32}$/;
const HOSTNAME = /^(?=.{4,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+(xn--[a-z0-9-]{2,59}|[a-z]{2,63})$/;

const envelope = (status, result, errors = []) => ({ status, json: { success: errors.length === 0, errors, messages: [], result } });
const error = (status, code, message) => envelope(status, null, [{ code, message }]);

/** zone id -> hostname id -> the custom hostname as Cloudflare describes it. */
const zones = new Map();
const zoneOf = (zone) => {
  let z = zones.get(zone);
  if (!z) zones.set(zone, (z = new Map()));
  return z;
};

function newHostname(hostname, method) {
  const id = randomUUID();
  const token = randomUUID();
  const dcv = randomHex(16);
  const ssl = {
    id: randomUUID(),
    type: "dv",
    method,
    status: "pending_validation",
    settings: { min_tls_version: "1.2" },
    bundle_method: "ubiquitous",
    wildcard: false,
    certificate_authority: "google",
    validation_records:
      method === "txt"
        ? [{ status: "pending", txt_name: `_acme-challenge.${hostname}`, txt_value: dcv }]
        : [{ status: "pending", http_url: `http://${hostname}/.well-known/acme-challenge/${dcv}`, http_body: randomHex(24) }],
  };
  return {
    id,
    hostname,
    ssl,
    status: "pending",
    verification_errors: ["custom hostname does not CNAME to this zone."],
    ownership_verification: { type: "txt", name: `_cf-custom-hostname.${hostname}`, value: token },
    ownership_verification_http: { http_url: `http://${hostname}/.well-known/cf-custom-hostname-challenge/${id}`, http_body: token },
    created_at: new Date().toISOString(),
  };
}

function validate(h) {
  h.status = "active";
  delete h.verification_errors;
  h.ssl.status = "active";
  h.ssl.validation_records = [];
}

export const cloudflare = {
  name: "cloudflare",
  // The hostname a request is about (fail-next's `to`): in the body, the query, or by its id.
  recipient(req) {
    const named = parseJson(req.body)?.hostname ?? req.query.hostname;
    if (named) return named;
    const id = req.path.split("/").at(-1);
    for (const z of zones.values()) if (z.has(id)) return z.get(id).hostname;
    return id ?? null;
  },
  failure(status) {
    return error(status, status >= 500 ? 1000 : 1001, status >= 500 ? "Internal Server Error" : "Bad Request");
  },
  admin(req, url) {
    if (url.pathname === "/__sandbox/validate" && req.method === "POST") {
      const hostname = url.searchParams.get("hostname") ?? "";
      const found = [...zones.values()].flatMap((z) => [...z.values()]).filter((h) => h.hostname === hostname);
      if (!found.length) return { status: 404, json: { error: `no custom hostname ${hostname}` } };
      found.forEach(validate);
      return { status: 200, json: { ok: true, validated: found.length } };
    }
    return undefined;
  },
  handle(req) {
    if (!req.path.startsWith(PREFIX)) return error(404, 7000, "No route for that URI");
    const token = authorization(req.headers, "Bearer");
    if (!token || token === magic.cloudflare.tokens.invalid) return error(403, 10000, "Authentication error");
    const m = req.path.slice(PREFIX.length).match(/^\/zones\/([^/]+)\/custom_hostnames(?:\/([^/]+))?$/);
    if (!m) return error(404, 7000, "No route for that URI");
    const [, zone, id] = m;
    if (!ZONE.test(zone)) return error(404, 7003, `Could not route to /zones/${zone}/custom_hostnames, perhaps your object identifier is invalid?`);
    const hostnames = zoneOf(zone);

    if (!id && req.method === "POST") {
      if (!isJson(req.headers)) return error(415, 6003, "Invalid request headers: Content-Type must be application/json");
      const body = parseJson(req.body);
      const hostname = typeof body?.hostname === "string" ? body.hostname : "";
      const method = body?.ssl?.method ?? "http";
      if (!["http", "txt"].includes(method)) return error(400, 1415, "Invalid SSL validation method.");
      if (!HOSTNAME.test(hostname) || hostname === magic.cloudflare.hostnames.invalid) {
        return error(400, 1411, "The custom hostname you provided is invalid. Hostnames must be valid, non-IP and no longer than 253 characters.");
      }
      if ([...hostnames.values()].some((h) => h.hostname === hostname)) return error(409, 1406, "Duplicate custom hostname found.");
      const h = newHostname(hostname, method);
      hostnames.set(h.id, h);
      return envelope(201, h);
    }
    if (!id && req.method === "GET") {
      const list = [...hostnames.values()].filter((h) => !req.query.hostname || h.hostname === req.query.hostname);
      return { status: 200, json: { success: true, errors: [], messages: [], result: list, result_info: { page: 1, per_page: 20, count: list.length, total_count: list.length } } };
    }
    if (id && req.method === "GET") {
      const h = hostnames.get(id);
      return h ? envelope(200, h) : error(404, 1436, "The custom hostname was not found.");
    }
    if (id && req.method === "DELETE") {
      if (!hostnames.delete(id)) return error(404, 1436, "The custom hostname was not found.");
      return envelope(200, { id });
    }
    return error(405, 10405, "Method not allowed for this route");
  },
};

export const createCloudflareSandbox = () => createSandbox(cloudflare);
