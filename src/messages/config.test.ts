// The config built from env: channels on only with all their variables, secrets that never print,
// production rules (no dev transport, https only), and which push endpoints may be called.
import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_MS, messagesConfig, pushEndpointAllowed, secretsOf, type PushConfig } from "./config";
import { TEST_CREDENTIALS, newVapidKeys } from "./test-helpers";

async function fullEnv() {
  return { ENVIRONMENT: "production", ...TEST_CREDENTIALS, ...(await newVapidKeys()) };
}

describe("messagesConfig", () => {
  it("turns on every channel whose variables are all set, with the real APIs by default", async () => {
    const config = messagesConfig(await fullEnv());
    expect(config.whatsapp.ok && config.whatsapp.value.baseUrl).toBe("https://graph.facebook.com");
    expect(config.whatsapp.ok && config.whatsapp.value.apiVersion).toBe("v23.0");
    expect(config.sms.ok && config.sms.value.baseUrl).toBe("https://api.twilio.com");
    expect(config.email.ok && config.email.value.baseUrl).toBe("https://api.resend.com");
    expect(config.push.ok).toBe(true);
    expect(config.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });

  it("never shows a secret when the config is printed, encoded or interpolated", async () => {
    const env = await fullEnv();
    const config = messagesConfig(env);
    const shown = [JSON.stringify(config), String(config), `${config.whatsapp.ok ? config.whatsapp.value.token : ""}`];
    if (config.sms.ok) shown.push(`${config.sms.value.authToken}`, JSON.stringify(config.sms.value));
    const secrets = [env.WHATSAPP_TOKEN, env.TWILIO_AUTH_TOKEN, env.RESEND_API_KEY, env.VAPID_PRIVATE_KEY];
    for (const text of shown) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(JSON.stringify(config)).toContain('"token":"[secret]"');
    // Only reveal() gives the value, for a transport to put in a header.
    expect(config.whatsapp.ok && config.whatsapp.value.token.reveal()).toBe(env.WHATSAPP_TOKEN);
    expect(secretsOf(config)).toEqual(
      expect.arrayContaining([...secrets, btoa(`${env.TWILIO_ACCOUNT_SID}:${env.TWILIO_AUTH_TOKEN}`)]),
    );
  });

  it("names the missing variables of a half-configured channel (names, never values)", () => {
    const config = messagesConfig({ ENVIRONMENT: "production", WHATSAPP_TOKEN: "EAAG-secret", TWILIO_FROM: "+15005550006" });
    expect(config.whatsapp).toEqual({ ok: false, missing: ["WHATSAPP_PHONE_NUMBER_ID"] });
    expect(config.sms).toEqual({ ok: false, missing: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"] });
    expect(config.email).toEqual({ ok: false, missing: ["RESEND_API_KEY", "EMAIL_FROM"] });
    expect(JSON.stringify(config)).not.toContain("EAAG-secret");
  });

  it("never uses the dev transport in production", () => {
    expect(messagesConfig({ ENVIRONMENT: "production", MESSAGES_TRANSPORT: "dev" }).transport).toBe("live");
    expect(messagesConfig({ ENVIRONMENT: "development" }).transport).toBe("dev");
    expect(messagesConfig({ ENVIRONMENT: "development", MESSAGES_TRANSPORT: "live" }).transport).toBe("live");
    expect(messagesConfig({}).production).toBe(false);
  });

  it("takes http base URLs (the sandboxes) outside production only", async () => {
    const env = { ...(await fullEnv()), WHATSAPP_API_BASE: "http://127.0.0.1:8790/", PUSH_ALLOWED_ORIGINS: "http://127.0.0.1:8793" };
    const dev = messagesConfig({ ...env, ENVIRONMENT: "development" });
    expect(dev.whatsapp.ok && dev.whatsapp.value.baseUrl).toBe("http://127.0.0.1:8790");
    expect(dev.push.ok && dev.push.value.allowedOrigins).toEqual(["http://127.0.0.1:8793"]);
    const prod = messagesConfig(env);
    expect(prod.whatsapp).toEqual({ ok: false, missing: [], problem: "WHATSAPP_API_BASE must be https in production" });
    expect(prod.push.ok).toBe(false);
    expect(messagesConfig({ ...env, WHATSAPP_API_BASE: "javascript:alert(1)" }).whatsapp.ok).toBe(false);
  });

  it("refuses malformed credentials and keys with a reason", async () => {
    const env = await fullEnv();
    expect(messagesConfig({ ...env, TWILIO_ACCOUNT_SID: "AC123" }).sms).toMatchObject({ ok: false, problem: expect.stringMatching(/32 hex/) });
    expect(messagesConfig({ ...env, WHATSAPP_TOKEN: "EAAG token\r\nX-Evil: 1" }).whatsapp).toMatchObject({ ok: false, problem: expect.stringMatching(/header/) });
    expect(messagesConfig({ ...env, WHATSAPP_PHONE_NUMBER_ID: "1/../../me" }).whatsapp.ok).toBe(false);
    expect(messagesConfig({ ...env, WHATSAPP_API_VERSION: "23" }).whatsapp.ok).toBe(false);
    expect(messagesConfig({ ...env, VAPID_PUBLIC_KEY: env.VAPID_PUBLIC_KEY.slice(2) }).push.ok).toBe(false);
    expect(messagesConfig({ ...env, VAPID_PRIVATE_KEY: "short" }).push.ok).toBe(false);
    expect(messagesConfig({ ...env, VAPID_SUBJECT: "alerts@hatti.pk" }).push.ok).toBe(false);
  });

  it("keeps the timeout between 100 ms and a minute", () => {
    expect(messagesConfig({ MESSAGES_TIMEOUT_MS: "250" }).timeoutMs).toBe(250);
    expect(messagesConfig({ MESSAGES_TIMEOUT_MS: "5" }).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(messagesConfig({ MESSAGES_TIMEOUT_MS: "lots" }).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });
});

describe("pushEndpointAllowed", () => {
  const push = (allowedOrigins: string[] = []) => ({ allowedOrigins }) as unknown as PushConfig;

  it("allows the browsers' push services over https", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bH",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAAAB",
      "https://web.push.apple.com/QGuQyavXutnMH",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ]) {
      expect(pushEndpointAllowed(endpoint, push())).toBe(true);
    }
  });

  it("refuses anything else a forged subscription could name", () => {
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/x",
      "https://fcm.googleapis.com:8443/fcm/send/x",
      "https://fcm.googleapis.com.evil.example/fcm/send/x",
      "https://user:pass@fcm.googleapis.com/fcm/send/x",
      "https://evil.example/push",
      "https://127.0.0.1/push",
      "not a url",
    ]) {
      expect(pushEndpointAllowed(endpoint, push())).toBe(false);
    }
  });

  it("allows a configured origin (the sandbox in development)", () => {
    expect(pushEndpointAllowed("http://127.0.0.1:8793/push/sub-1", push(["http://127.0.0.1:8793"]))).toBe(true);
    expect(pushEndpointAllowed("http://127.0.0.1:8794/push/sub-1", push(["http://127.0.0.1:8793"]))).toBe(false);
  });
});
