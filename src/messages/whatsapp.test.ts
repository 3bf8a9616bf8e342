// Contract test of the WhatsApp transport against the Cloud API sandbox, run in workerd: the
// request Meta documents reaches it (URL, Bearer token, template body), and each documented error
// becomes the right Outcome.
import { describe, expect, it } from "vitest";
import type { WhatsAppConfig } from "./config";
import { TEST_CREDENTIALS, failNext, magic, newOrderParams, received, sandboxConfig, uniquePhone } from "./test-helpers";
import type { Message, Outcome } from "./transport";
import { whatsappTransport } from "./whatsapp";

async function transport(extra: Parameters<typeof sandboxConfig>[0] = {}, timeoutMs = 5000) {
  const config = await sandboxConfig(extra);
  if (!config.whatsapp.ok) throw new Error("whatsapp not configured");
  return whatsappTransport({ config: config.whatsapp.value as WhatsAppConfig, timeoutMs });
}

const message = (to: string, overrides: Partial<Message> = {}): Message =>
  ({ channel: "whatsapp", to, template: "new_order", params: newOrderParams("ur"), locale: "ur", ...overrides }) as Message;

describe("whatsappTransport", () => {
  it("posts the documented template message and returns the wamid", async () => {
    const to = uniquePhone();
    const outcome = await (await transport()).send(message(to));
    expect(outcome).toMatchObject({ status: "sent", providerId: expect.stringMatching(/^wamid\./) });

    const [request, ...more] = await received("whatsapp", to);
    expect(more).toHaveLength(0);
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe(`/v23.0/${TEST_CREDENTIALS.WHATSAPP_PHONE_NUMBER_ID}/messages`);
    expect(request!.headers.authorization).toBe(`Bearer ${TEST_CREDENTIALS.WHATSAPP_TOKEN}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    const p = newOrderParams("ur");
    expect(request!.body).toEqual({
      messaging_product: "whatsapp",
      to,
      type: "template",
      template: {
        name: "hatti_new_order",
        language: { code: "ur" },
        components: [{ type: "body", parameters: [p.orderNumber, p.shopName, p.total, p.city, p.link].map((text) => ({ type: "text", text })) }],
      },
    });
    expect((request!.response as { body: { messages: { id: string }[] } }).body.messages[0]!.id).toBe((outcome as { providerId: string }).providerId);
  });

  it("sends a verification code with its copy-code button", async () => {
    const to = uniquePhone();
    const outcome = await (await transport()).send(message(to, { template: "verification_code", params: { code: "482913" }, locale: "en" }));
    expect(outcome.status).toBe("sent");
    const [request] = await received("whatsapp", to);
    expect((request!.body as { template: unknown }).template).toEqual({
      name: "hatti_verification_code",
      language: { code: "en" },
      components: [
        { type: "body", parameters: [{ type: "text", text: "482913" }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "482913" }] },
      ],
    });
  });

  it("gets a shop name with newlines, tabs and markup through (the Cloud API would refuse them raw)", async () => {
    const to = uniquePhone();
    const params = { ...newOrderParams("en"), shopName: "*Ayesha*\n\nKurtas\t\t<script>x</script>     Lahore" };
    const outcome = await (await transport()).send(message(to, { params, locale: "en" }));
    expect(outcome.status).toBe("sent");
    const [request] = await received("whatsapp", to);
    const sentParams = (request!.body as { template: { components: { parameters: { text: string }[] }[] } }).template.components[0]!.parameters;
    expect(sentParams[1]!.text).toBe("∗Ayesha∗ Kurtas <script>x</script> Lahore");
  });

  const cases: [string, string, Outcome][] = [
    ["undeliverable", magic.whatsapp.recipients.undeliverable, { status: "permanent", reason: "undeliverable", detail: "(#131026) Message undeliverable: Message Undeliverable.", providerCode: "131026" }],
    ["re-engagement", magic.whatsapp.recipients.reengagement, { status: "permanent", reason: "undeliverable", detail: expect.stringContaining("(#131047)"), providerCode: "131047" }],
    ["template does not exist", magic.whatsapp.recipients.templateMissing, { status: "permanent", reason: "template_not_approved", detail: expect.stringContaining("132001"), providerCode: "132001" }],
    ["template paused", magic.whatsapp.recipients.templatePaused, { status: "permanent", reason: "template_not_approved", detail: expect.any(String), providerCode: "132015" }],
    ["rate limit", magic.whatsapp.recipients.rateLimited, { status: "retryable", reason: "rate_limited", detail: expect.stringContaining("130429"), providerCode: "130429", retryAfterSeconds: 2 }],
    ["pair rate limit", magic.whatsapp.recipients.pairRateLimited, { status: "retryable", reason: "rate_limited", detail: expect.stringContaining("pair rate limit"), providerCode: "131056" }],
    ["invalid parameter", magic.whatsapp.recipients.invalidParameter, { status: "permanent", reason: "invalid_request", detail: expect.any(String), providerCode: "100" }],
    ["something went wrong", magic.whatsapp.recipients.serverError, { status: "retryable", reason: "provider_unavailable", detail: expect.any(String), providerCode: "131000" }],
    ["service unavailable", magic.whatsapp.recipients.unavailable, { status: "retryable", reason: "provider_unavailable", detail: expect.any(String), providerCode: "2" }],
  ];
  for (const [name, to, expected] of cases) {
    it(`maps "${name}" to ${expected.status} ${"reason" in expected ? expected.reason : ""}`, async () => {
      expect(await (await transport()).send(message(to))).toEqual(expected);
    });
  }

  it("maps an expired token to bad_credentials, without the token in the outcome", async () => {
    const outcome = await (await transport({ WHATSAPP_TOKEN: magic.whatsapp.tokens.expired })).send(message(uniquePhone()));
    expect(outcome).toMatchObject({ status: "permanent", reason: "bad_credentials", providerCode: "190" });
    expect(JSON.stringify(outcome)).not.toContain(magic.whatsapp.tokens.expired);
  });

  it("refuses a number that is not E.164 and a missing parameter without calling Meta", async () => {
    const local = "03001234567";
    expect(await (await transport()).send(message(local))).toEqual({ status: "permanent", reason: "invalid_recipient", detail: "not an E.164 phone number" });
    const to = uniquePhone();
    const { link: _, ...noLink } = newOrderParams("en");
    expect(await (await transport()).send(message(to, { params: noLink }))).toMatchObject({ status: "permanent", reason: "invalid_request" });
    expect(await received("whatsapp", local)).toEqual([]);
    expect(await received("whatsapp", to)).toEqual([]);
  });

  it("gives a retryable timeout when Meta never answers", async () => {
    const outcome = await (await transport({}, 300)).send(message(magic.whatsapp.recipients.hang));
    expect(outcome).toEqual({ status: "retryable", reason: "timeout", detail: "no answer within 300 ms" });
  });

  it("is retryable through a 5xx, and goes through when the service is back", async () => {
    const to = uniquePhone();
    await failNext("whatsapp", { count: 1, status: 500, to });
    const t = await transport();
    expect(await t.send(message(to))).toMatchObject({ status: "retryable", reason: "provider_unavailable", providerCode: "131000" });
    expect(await t.send(message(to))).toMatchObject({ status: "sent" });
  });
});
