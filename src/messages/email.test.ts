// Contract test of the email transport against the Resend sandbox, run in workerd: the documented
// JSON request with a Bearer key reaches it (text only, with an idempotency key), and Resend's
// error types map to Outcomes.
import { describe, expect, it } from "vitest";
import { emailTransport } from "./email";
import { renderText } from "./templates/render";
import { TEST_CREDENTIALS, failNext, magic, received, sandboxConfig } from "./test-helpers";
import type { Message, Outcome } from "./transport";

async function transport(extra: Parameters<typeof sandboxConfig>[0] = {}, timeoutMs = 5000) {
  const config = await sandboxConfig(extra);
  if (!config.email.ok) throw new Error("email not configured");
  return emailTransport({ config: config.email.value, timeoutMs });
}

const address = () => `seller-${crypto.randomUUID().slice(0, 8)}@example.pk`;
const message = (to: string, overrides: Partial<Message> = {}): Message =>
  ({ channel: "email", to, template: "verification_code", params: { code: "204817" }, locale: "ur", id: crypto.randomUUID(), ...overrides }) as Message;

describe("emailTransport", () => {
  it("posts the documented JSON with the Bearer key and the message id as idempotency key", async () => {
    const to = address();
    const m = message(to);
    const outcome = await (await transport()).send(m);
    expect(outcome).toMatchObject({ status: "sent", providerId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const [request, ...more] = await received("email", to);
    expect(more).toHaveLength(0);
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/emails");
    expect(request!.headers.authorization).toBe(`Bearer ${TEST_CREDENTIALS.RESEND_API_KEY}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["idempotency-key"]).toBe(m.id);
    const text = renderText("verification_code", "ur", { code: "204817" });
    expect(request!.body).toEqual({ from: TEST_CREDENTIALS.EMAIL_FROM, to: [to], subject: text.title, text: text.body });
  });

  it("sends a retry of the same message once (Resend replays the idempotency key)", async () => {
    const to = address();
    const m = message(to);
    const t = await transport();
    const first = await t.send(m);
    const again = await t.send(m);
    expect(again).toEqual(first);
  });

  const r = magic.email.recipients;
  const cases: [string, string, Outcome][] = [
    ["an invalid `to`", r.invalidAddress, { status: "permanent", reason: "invalid_recipient", detail: expect.stringContaining("Invalid `to` field"), providerCode: "validation_error" }],
    ["rate_limit_exceeded", r.rateLimited, { status: "retryable", reason: "rate_limited", detail: expect.stringContaining("Too many requests"), providerCode: "rate_limit_exceeded", retryAfterSeconds: 1 }],
    ["daily_quota_exceeded", r.dailyQuota, { status: "retryable", reason: "rate_limited", detail: expect.any(String), providerCode: "daily_quota_exceeded", retryAfterSeconds: 3600 }],
    ["monthly_quota_exceeded", r.monthlyQuota, { status: "permanent", reason: "account_problem", detail: expect.any(String), providerCode: "monthly_quota_exceeded" }],
    ["application_error", r.serverError, { status: "retryable", reason: "provider_unavailable", detail: expect.any(String), providerCode: "application_error" }],
  ];
  for (const [name, to, expected] of cases) {
    it(`maps ${name} to ${expected.status}`, async () => {
      expect(await (await transport()).send(message(to))).toEqual(expected);
    });
  }

  it("maps an invalid key to bad_credentials, without the key in the outcome", async () => {
    const outcome = await (await transport({ RESEND_API_KEY: magic.email.keys.invalid })).send(message(address()));
    expect(outcome).toMatchObject({ status: "permanent", reason: "bad_credentials", providerCode: "invalid_api_key" });
    expect(JSON.stringify(outcome)).not.toContain(magic.email.keys.invalid);
  });

  it("maps a 401 validation_error (\"API key is invalid\") to bad_credentials too", async () => {
    const config = await sandboxConfig();
    if (!config.email.ok) throw new Error("email not configured");
    const fetch = async () => Response.json({ statusCode: 401, name: "validation_error", message: "API key is invalid" }, { status: 401 });
    const outcome = await emailTransport({ config: config.email.value, timeoutMs: 1000, fetch }).send(message(address()));
    expect(outcome).toEqual({ status: "permanent", reason: "bad_credentials", detail: "API key is invalid", providerCode: "validation_error" });
  });

  it("refuses anything but one bare address without calling Resend", async () => {
    for (const to of ["Ayesha <a@example.pk>", "a@example.pk, b@example.pk", "a@example.pk\r\nBcc: c@example.pk", "not-an-address", `${"a".repeat(250)}@example.pk`]) {
      expect(await (await transport()).send(message(to))).toEqual({ status: "permanent", reason: "invalid_recipient", detail: "not a single email address" });
    }
  });

  it("gives a retryable timeout when Resend never answers", async () => {
    expect(await (await transport({}, 300)).send(message(r.hang))).toEqual({ status: "retryable", reason: "timeout", detail: "no answer within 300 ms" });
  });

  it("is retryable through a 500, then sends", async () => {
    const to = address();
    await failNext("email", { count: 1, status: 500, to });
    const t = await transport();
    expect(await t.send(message(to))).toMatchObject({ status: "retryable", reason: "provider_unavailable", providerCode: "internal_server_error" });
    expect(await t.send(message(to))).toMatchObject({ status: "sent" });
  });
});
