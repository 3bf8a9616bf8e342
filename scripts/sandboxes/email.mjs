// Resend sandbox: POST /emails with Authorization: Bearer <key> and a JSON { from, to, subject,
// text | html }. Answers 200 { id } or Resend's error body { statusCode, name, message }; an
// Idempotency-Key seen before (with the same body) gets the same id back without a second send,
// as Resend does for 24 hours. Magic recipients and keys in magic.json select documented errors.
import { authorization, createSandbox, isJson, parseJson } from "./lib.mjs";
import { magic } from "./magic.mjs";

const byRecipient = Object.fromEntries(Object.entries(magic.email.recipients).map(([k, v]) => [v, k]));

function resendError(statusCode, name, message, headers) {
  return { status: statusCode, headers, json: { statusCode, name, message } };
}

const RATE = { "retry-after": "1", "ratelimit-limit": "2", "ratelimit-remaining": "0", "ratelimit-reset": "1" };

const SCENARIOS = {
  invalidAddress: () =>
    resendError(422, "validation_error", "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format."),
  rateLimited: () =>
    resendError(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.", RATE),
  dailyQuota: () => resendError(429, "daily_quota_exceeded", "You have reached your daily email sending quota.", { "retry-after": "3600" }),
  monthlyQuota: () => resendError(429, "monthly_quota_exceeded", "You have reached your monthly email sending quota."),
  serverError: () => resendError(500, "application_error", "An unexpected error occurred."),
  hang: () => ({ hang: true }),
};

const ADDRESS = /^(?:[^<>]*<)?([^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+)>?$/;

export function createEmailSandbox() {
  const idempotent = new Map(); // key -> { body, id }
  return createSandbox({
    name: "email",
    recipient(req) {
      const to = parseJson(req.body)?.to;
      return Array.isArray(to) ? (to[0] ?? null) : (to ?? null);
    },
    describe(req) {
      return parseJson(req.body) ?? req.body.toString("utf8");
    },
    failure(status) {
      if (status === 429) return resendError(429, "rate_limit_exceeded", "Too many requests.", RATE);
      if (status >= 500) return resendError(status, "internal_server_error", "An unexpected error occurred.");
      if (status === 401) return resendError(401, "missing_api_key", "Missing API key in the authorization header.");
      return resendError(status, "validation_error", "We found an error with one or more fields in the request.");
    },
    handle(req) {
      if (req.path !== "/emails") return resendError(404, "not_found", "The requested endpoint does not exist.");
      if (req.method !== "POST") return resendError(405, "method_not_allowed", "Method is not allowed for the requested path.");
      const key = authorization(req.headers, "Bearer");
      if (!key) return resendError(401, "missing_api_key", "Missing API key in the authorization header.");
      if (!key.startsWith("re_") || key === magic.email.keys.invalid) return resendError(403, "invalid_api_key", "API key is invalid");
      if (!isJson(req.headers)) return resendError(400, "validation_error", "Invalid JSON: the body must be application/json.");
      const body = parseJson(req.body);
      if (!body || typeof body !== "object") return resendError(400, "validation_error", "Invalid JSON body.");
      for (const field of ["from", "to", "subject"]) {
        if (body[field] === undefined || body[field] === "") return resendError(422, "missing_required_field", `Missing \`${field}\` field.`);
      }
      if (typeof body.text !== "string" && typeof body.html !== "string") return resendError(422, "missing_required_field", "Missing `html` or `text` field.");
      if (typeof body.from !== "string" || !ADDRESS.test(body.from)) {
        return resendError(422, "validation_error", "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.");
      }
      const to = Array.isArray(body.to) ? body.to : [body.to];
      if (to.length < 1 || to.length > 50 || !to.every((a) => typeof a === "string" && ADDRESS.test(a))) return SCENARIOS.invalidAddress();
      const scenario = byRecipient[to[0]];
      if (scenario) return SCENARIOS[scenario]();
      const idempotencyKey = req.headers["idempotency-key"];
      if (idempotencyKey !== undefined) {
        if (idempotencyKey.length < 1 || idempotencyKey.length > 256) return resendError(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
        const seen = idempotent.get(idempotencyKey);
        if (seen && seen.body !== req.body.toString("utf8")) {
          return resendError(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload.");
        }
        if (seen) return { status: 200, json: { id: seen.id } };
      }
      const id = crypto.randomUUID();
      if (idempotencyKey !== undefined) idempotent.set(idempotencyKey, { body: req.body.toString("utf8"), id });
      return { status: 200, json: { id } };
    },
  });
}
