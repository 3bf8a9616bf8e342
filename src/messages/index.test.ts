// createTransport routes each message by channel and configuration: the dev transport in
// development (never in production), the live transport when configured (here the sandbox),
// "not_configured" otherwise; and no Outcome ever carries a configured secret.
import { describe, expect, it } from "vitest";
import { DevOutbox, createTransport, messagesConfig } from "./index";
import { TEST_CREDENTIALS, newOrderParams, received, sandboxConfig, sandboxEnv, uniquePhone } from "./test-helpers";
import type { Message } from "./transport";

const to = (channel: "whatsapp" | "sms" | "email", recipient: string): Message => ({ channel, to: recipient, template: "new_order", params: newOrderParams(), locale: "en" });
const whatsapp = (recipient: string) => to("whatsapp", recipient);
const newOrderMessage = () => ({ template: "new_order" as const, params: newOrderParams(), locale: "en" as const });

describe("createTransport", () => {
  it("sends to the dev outbox in development, not to the provider", async () => {
    const devOutbox = new DevOutbox();
    const phone = uniquePhone();
    const transport = createTransport(messagesConfig({ ...(await sandboxEnv()), ENVIRONMENT: "development", MESSAGES_TRANSPORT: undefined }), { devOutbox });
    expect(await transport.send(whatsapp(phone))).toEqual({ status: "sent", providerId: "dev-1" });
    expect(devOutbox.entries()[0]).toMatchObject({ channel: "whatsapp", to: phone, template: "new_order" });
    expect(await received("whatsapp", phone)).toEqual([]);
  });

  it("sends through the live transport when configured", async () => {
    const devOutbox = new DevOutbox();
    const phone = uniquePhone();
    const outcome = await createTransport(await sandboxConfig(), { devOutbox }).send(whatsapp(phone));
    expect(outcome).toMatchObject({ status: "sent", providerId: expect.stringMatching(/^wamid\./) });
    expect(await received("whatsapp", phone)).toHaveLength(1);
    expect(devOutbox.entries()).toEqual([]);
  });

  it("answers not_configured for a channel without credentials, naming what is missing", async () => {
    const transport = createTransport(messagesConfig({ ENVIRONMENT: "production", WHATSAPP_TOKEN: "EAAG-x" }));
    expect(await transport.send(whatsapp("+923001234567"))).toEqual({ status: "permanent", reason: "not_configured", detail: "missing WHATSAPP_PHONE_NUMBER_ID" });
    expect(await transport.send(to("email", "a@example.pk"))).toEqual({
      status: "permanent",
      reason: "not_configured",
      detail: "missing RESEND_API_KEY, EMAIL_FROM",
    });
  });

  it("refuses a channel it does not know (a row read back from storage)", async () => {
    const transport = createTransport(await sandboxConfig());
    expect(await transport.send({ ...whatsapp("+923001234567"), channel: "fax" } as unknown as Message)).toEqual({
      status: "permanent",
      reason: "invalid_request",
      detail: 'unknown channel "fax"',
    });
  });

  it("has no dev transport in production, even for a message addressed to it", async () => {
    const devOutbox = new DevOutbox();
    const transport = createTransport(messagesConfig({ ENVIRONMENT: "production", MESSAGES_TRANSPORT: "dev" }), { devOutbox });
    expect(await transport.send({ ...newOrderMessage(), channel: "dev", to: "+923001234567" })).toEqual({
      status: "permanent",
      reason: "not_configured",
      detail: "no dev transport in production",
    });
    expect(devOutbox.entries()).toEqual([]);
  });

  it("scrubs every configured secret from an Outcome, even one a provider echoes", async () => {
    const config = await sandboxConfig();
    // A provider that quotes the request's credentials back in its error text.
    const fetch = async (_: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get("authorization") ?? "";
      return Response.json({ error: { code: 190, message: `Invalid OAuth access token - Cannot parse access token: ${auth}` } }, { status: 401 });
    };
    const outcome = await createTransport(config, { fetch }).send(whatsapp(uniquePhone()));
    expect(outcome).toMatchObject({ status: "permanent", reason: "bad_credentials", providerCode: "190" });
    expect(JSON.stringify(outcome)).not.toContain(TEST_CREDENTIALS.WHATSAPP_TOKEN);
    expect(outcome.status !== "sent" && outcome.detail).toContain("Bearer [secret]");
    const sms = await createTransport(config, { fetch }).send(to("sms", uniquePhone()));
    expect(JSON.stringify(sms)).not.toContain(TEST_CREDENTIALS.TWILIO_AUTH_TOKEN);
    expect(JSON.stringify(sms)).not.toContain(btoa(`${TEST_CREDENTIALS.TWILIO_ACCOUNT_SID}:${TEST_CREDENTIALS.TWILIO_AUTH_TOKEN}`));
  });
});
