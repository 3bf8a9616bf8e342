// Contract test of the SMS transport against the Twilio sandbox, run in workerd: the documented
// form-encoded request with Basic auth reaches it, and Twilio's error codes map to Outcomes.
import { describe, expect, it } from "vitest";
import { renderText } from "./templates/render";
import { smsTransport } from "./sms";
import { PRODUCT_UR, SHOP_UR, TEST_CREDENTIALS, failNext, magic, received, sandboxConfig, uniquePhone } from "./test-helpers";
import type { Message, Outcome } from "./transport";

async function transport(extra: Parameters<typeof sandboxConfig>[0] = {}, timeoutMs = 5000) {
  const config = await sandboxConfig(extra);
  if (!config.sms.ok) throw new Error("sms not configured");
  return smsTransport({ config: config.sms.value, timeoutMs });
}

const lowStock = { shopName: SHOP_UR, product: PRODUCT_UR, stock: "2", link: "https://hatti.pk/admin/products/77" };
const message = (to: string, overrides: Partial<Message> = {}): Message =>
  ({ channel: "sms", to, template: "low_stock", params: lowStock, locale: "ur", ...overrides }) as Message;

describe("smsTransport", () => {
  it("posts the documented form with Basic auth and returns the message sid", async () => {
    const to = uniquePhone();
    const outcome = await (await transport()).send(message(to));
    expect(outcome).toMatchObject({ status: "sent", providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });

    const [request, ...more] = await received("sms", to);
    expect(more).toHaveLength(0);
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe(`/2010-04-01/Accounts/${TEST_CREDENTIALS.TWILIO_ACCOUNT_SID}/Messages.json`);
    expect(request!.headers.authorization).toBe(`Basic ${btoa(`${TEST_CREDENTIALS.TWILIO_ACCOUNT_SID}:${TEST_CREDENTIALS.TWILIO_AUTH_TOKEN}`)}`);
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.body).toEqual({ To: to, From: TEST_CREDENTIALS.TWILIO_FROM, Body: renderText("low_stock", "ur", lowStock).body });
    expect((request!.response as { body: { sid: string } }).body.sid).toBe((outcome as { providerId: string }).providerId);
  });

  it("sends from a Messaging Service when the sender is an MG sid", async () => {
    const to = uniquePhone();
    const service = `MG${"ab".repeat(16)}`;
    expect(await (await transport({ TWILIO_FROM: service })).send(message(to))).toMatchObject({ status: "sent" });
    const [request] = await received("sms", to);
    expect(request!.body).toMatchObject({ To: to, MessagingServiceSid: service });
    expect(request!.body).not.toHaveProperty("From");
  });

  const r = magic.sms.recipients;
  const cases: [string, string, Outcome][] = [
    ["21211 invalid 'To'", r.invalidNumber, { status: "permanent", reason: "invalid_recipient", detail: `The 'To' number ${r.invalidNumber} is not a valid phone number.`, providerCode: "21211" }],
    ["21614 not a mobile", r.notMobile, { status: "permanent", reason: "invalid_recipient", detail: expect.any(String), providerCode: "21614" }],
    ["21610 unsubscribed", r.unsubscribed, { status: "permanent", reason: "undeliverable", detail: "Attempt to send to unsubscribed recipient", providerCode: "21610" }],
    ["21612 unreachable", r.unreachable, { status: "permanent", reason: "undeliverable", detail: expect.any(String), providerCode: "21612" }],
    ["21408 region not enabled", r.regionDisabled, { status: "permanent", reason: "account_problem", detail: expect.any(String), providerCode: "21408" }],
    ["20429 too many requests", r.rateLimited, { status: "retryable", reason: "rate_limited", detail: "Too Many Requests", providerCode: "20429", retryAfterSeconds: 1 }],
    ["20500 internal error", r.serverError, { status: "retryable", reason: "provider_unavailable", detail: expect.any(String), providerCode: "20500" }],
  ];
  for (const [name, to, expected] of cases) {
    it(`maps ${name} to ${expected.status}`, async () => {
      expect(await (await transport()).send(message(to))).toEqual(expected);
    });
  }

  it("maps 20003 to bad_credentials, with no credential in the outcome", async () => {
    const outcome = await (await transport({ TWILIO_AUTH_TOKEN: magic.sms.tokens.invalid })).send(message(uniquePhone()));
    expect(outcome).toMatchObject({ status: "permanent", reason: "bad_credentials", providerCode: "20003" });
    expect(JSON.stringify(outcome)).not.toContain(magic.sms.tokens.invalid);
  });

  it("refuses a local-format number without calling Twilio", async () => {
    expect(await (await transport()).send(message("0300 1234567"))).toMatchObject({ status: "permanent", reason: "invalid_recipient" });
    expect(await received("sms", "0300 1234567")).toEqual([]);
  });

  it("gives a retryable timeout when Twilio never answers", async () => {
    expect(await (await transport({}, 300)).send(message(r.hang))).toEqual({ status: "retryable", reason: "timeout", detail: "no answer within 300 ms" });
  });

  it("is retryable through a 503, then sends", async () => {
    const to = uniquePhone();
    await failNext("sms", { count: 1, status: 503, to });
    const t = await transport();
    expect(await t.send(message(to))).toMatchObject({ status: "retryable", reason: "provider_unavailable", providerCode: "20503" });
    expect(await t.send(message(to))).toMatchObject({ status: "sent" });
  });
});
