// The provider sandboxes (scripts/sandboxes) behave as the providers document: a wrong request
// gets the provider's own error body, failures can be scheduled per recipient, what arrived can
// be read back. And npm start's .dev.vars merge keeps what is already there.
import { describe, expect, it } from "vitest";
import { isLoopbackUrl, mergeDevVars } from "../../scripts/sandboxes/dev-vars.mjs";
import { TEST_CREDENTIALS, failNext, magic, received, sandboxUrl, uniquePhone } from "./test-helpers";

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as any });

const WA_BODY = (to: string) =>
  JSON.stringify({ messaging_product: "whatsapp", to, type: "template", template: { name: "hatti_order_packed", language: { code: "en" } } });

describe("the WhatsApp sandbox", () => {
  const url = () => `${sandboxUrl("whatsapp")}/v23.0/${TEST_CREDENTIALS.WHATSAPP_PHONE_NUMBER_ID}/messages`;

  it("answers a missing or expired token with Meta's error body", async () => {
    const missing = await json(await fetch(url(), { method: "POST", headers: { "content-type": "application/json" }, body: WA_BODY(uniquePhone()) }));
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 0, type: "OAuthException", error_data: { messaging_product: "whatsapp" } });
    const expired = await json(
      await fetch(url(), {
        method: "POST",
        headers: { authorization: `Bearer ${magic.whatsapp.tokens.expired}`, "content-type": "application/json" },
        body: WA_BODY(uniquePhone()),
      }),
    );
    expect(expired).toMatchObject({ status: 401, body: { error: { code: 190 } } });
  });

  it("refuses a body that is not a template message, and a parameter with a newline", async () => {
    const headers = { authorization: "Bearer t", "content-type": "application/json" };
    const noProduct = await json(await fetch(url(), { method: "POST", headers, body: JSON.stringify({ to: "+923001234567", type: "template" }) }));
    expect(noProduct).toMatchObject({ status: 400, body: { error: { code: 100 } } });
    const body = JSON.parse(WA_BODY(uniquePhone()));
    body.template.components = [{ type: "body", parameters: [{ type: "text", text: "Lahore\nPAY NOW" }] }];
    const newline = await json(await fetch(url(), { method: "POST", headers, body: JSON.stringify(body) }));
    expect(newline.body.error.error_data.details).toBe("Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
    const wrongPath = await fetch(`${sandboxUrl("whatsapp")}/${TEST_CREDENTIALS.WHATSAPP_PHONE_NUMBER_ID}/messages`, { method: "POST", headers, body: WA_BODY("+923001234567") });
    expect(wrongPath.status).toBe(404);
  });
});

describe("the SMS (Twilio) sandbox", () => {
  const sid = TEST_CREDENTIALS.TWILIO_ACCOUNT_SID;
  const url = () => `${sandboxUrl("sms")}/2010-04-01/Accounts/${sid}/Messages.json`;
  const form = (to: string, extra: Record<string, string> = {}) => new URLSearchParams({ To: to, From: "+15005550006", Body: "Salaam", ...extra });

  it("answers bad Basic credentials with Twilio's 20003", async () => {
    const none = await json(await fetch(url(), { method: "POST", body: form(uniquePhone()) }));
    expect(none).toMatchObject({ status: 401, body: { code: 20003, status: 401, more_info: "https://www.twilio.com/docs/errors/20003" } });
    const otherAccount = await json(
      await fetch(url(), { method: "POST", headers: { authorization: `Basic ${btoa(`AC${"1".repeat(32)}:x`)}` }, body: form(uniquePhone()) }),
    );
    expect(otherAccount).toMatchObject({ status: 401, body: { code: 20003 } });
  });

  it("answers missing fields with Twilio's codes", async () => {
    const auth = { authorization: `Basic ${btoa(`${sid}:${TEST_CREDENTIALS.TWILIO_AUTH_TOKEN}`)}` };
    const noBody = new URLSearchParams({ To: uniquePhone(), From: "+15005550006" });
    expect(await json(await fetch(url(), { method: "POST", headers: auth, body: noBody }))).toMatchObject({ status: 400, body: { code: 21602 } });
    const noTo = new URLSearchParams({ From: "+15005550006", Body: "x" });
    expect(await json(await fetch(url(), { method: "POST", headers: auth, body: noTo }))).toMatchObject({ status: 400, body: { code: 21604 } });
    const badTo = form("0300-1234567");
    expect(await json(await fetch(url(), { method: "POST", headers: auth, body: badTo }))).toMatchObject({ status: 400, body: { code: 21211 } });
  });
});

describe("the email (Resend) sandbox", () => {
  const url = () => `${sandboxUrl("email")}/emails`;
  const email = (to: string, extra: object = {}) => JSON.stringify({ from: "Hatti <orders@hatti.pk>", to: [to], subject: "s", text: "t", ...extra });

  it("answers a missing or invalid key with Resend's error types", async () => {
    const missing = await json(await fetch(url(), { method: "POST", headers: { "content-type": "application/json" }, body: email("a@example.pk") }));
    expect(missing).toEqual({ status: 401, body: { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." } });
    const invalid = await json(
      await fetch(url(), { method: "POST", headers: { authorization: `Bearer ${magic.email.keys.invalid}`, "content-type": "application/json" }, body: email("a@example.pk") }),
    );
    expect(invalid).toMatchObject({ status: 403, body: { name: "invalid_api_key" } });
  });

  it("answers a missing field, and replays an idempotency key", async () => {
    const headers = { authorization: "Bearer re_x", "content-type": "application/json" };
    const noSubject = await json(await fetch(url(), { method: "POST", headers, body: email("a@example.pk", { subject: "" }) }));
    expect(noSubject).toMatchObject({ status: 422, body: { name: "missing_required_field" } });
    const key = `order-1042/${crypto.randomUUID()}`;
    const first = await json(await fetch(url(), { method: "POST", headers: { ...headers, "idempotency-key": key }, body: email("a@example.pk") }));
    const again = await json(await fetch(url(), { method: "POST", headers: { ...headers, "idempotency-key": key }, body: email("a@example.pk") }));
    expect(again.body.id).toBe(first.body.id);
    const changed = await json(await fetch(url(), { method: "POST", headers: { ...headers, "idempotency-key": key }, body: email("b@example.pk") }));
    expect(changed).toMatchObject({ status: 409, body: { name: "invalid_idempotent_request" } });
  });
});

describe("the push service sandbox", () => {
  it("refuses a push without VAPID, without TTL, or over 4096 bytes", async () => {
    const sub = (await (await fetch(`${sandboxUrl("push")}/__sandbox/subscriptions`, { method: "POST" })).json()) as { endpoint: string };
    expect(sub.endpoint).toMatch(new RegExp(`^${sandboxUrl("push")}/push/sub-`));
    const noVapid = await json(await fetch(sub.endpoint, { method: "POST", headers: { ttl: "60" } }));
    expect(noVapid).toMatchObject({ status: 401, body: { code: 401, errno: 109 } });
    const forged = await fetch(sub.endpoint, { method: "POST", headers: { ttl: "60", authorization: "vapid t=a.b.c, k=BAAA" } });
    expect(forged.status).toBe(401);
  });
});

describe("the admin API shared by every sandbox", () => {
  it("fails the next N requests to one recipient with the provider's body, then answers normally", async () => {
    const to = uniquePhone();
    await failNext("sms", { count: 2, status: 503, to });
    const send = () =>
      fetch(`${sandboxUrl("sms")}/2010-04-01/Accounts/${TEST_CREDENTIALS.TWILIO_ACCOUNT_SID}/Messages.json`, {
        method: "POST",
        headers: { authorization: `Basic ${btoa(`${TEST_CREDENTIALS.TWILIO_ACCOUNT_SID}:${TEST_CREDENTIALS.TWILIO_AUTH_TOKEN}`)}` },
        body: new URLSearchParams({ To: to, From: "+15005550006", Body: "Salaam" }),
      });
    expect(await json(await send())).toMatchObject({ status: 503, body: { code: 20503 } });
    expect(await json(await send())).toMatchObject({ status: 503 });
    expect(await json(await send())).toMatchObject({ status: 201, body: { status: "queued", to } });
    const records = await received("sms", to);
    expect(records.map((r) => (r.response as { status: number }).status)).toEqual([503, 503, 201]);
    expect(records[2]!.body).toEqual({ To: to, From: "+15005550006", Body: "Salaam" });
  });

  it("validates its own parameters", async () => {
    const bad = await fetch(`${sandboxUrl("email")}/__sandbox/fail-next?count=0`, { method: "POST" });
    expect(bad.status).toBe(400);
    expect((await fetch(`${sandboxUrl("email")}/__sandbox/nope`)).status).toBe(404);
  });
});

describe("mergeDevVars (npm start's .dev.vars)", () => {
  const existing = ["# mine", "ROOT_DOMAIN=localhost:8787", 'WHATSAPP_TOKEN="my real token"', "WHATSAPP_API_BASE=http://127.0.0.1:8790", "TWILIO_API_BASE=https://api.twilio.com", ""].join("\n");

  it("adds what is absent and keeps every existing line and value", () => {
    const { text, added, replaced } = mergeDevVars(
      existing,
      { WHATSAPP_TOKEN: "dev-whatsapp-token", WHATSAPP_API_BASE: "http://127.0.0.1:9000", TWILIO_API_BASE: "http://127.0.0.1:9001", EMAIL_FROM: "Hatti <orders@hatti.test>" },
      { replace: (key, value) => key.endsWith("_API_BASE") && isLoopbackUrl(value), header: "# added" },
    );
    expect(added).toEqual(["EMAIL_FROM"]);
    expect(replaced).toEqual(["WHATSAPP_API_BASE"]);
    expect(text).toBe(
      [
        "# mine",
        "ROOT_DOMAIN=localhost:8787",
        'WHATSAPP_TOKEN="my real token"',
        "WHATSAPP_API_BASE=http://127.0.0.1:9000",
        "TWILIO_API_BASE=https://api.twilio.com",
        "",
        "# added",
        'EMAIL_FROM="Hatti <orders@hatti.test>"',
        "",
      ].join("\n"),
    );
  });

  it("writes a new file, and changes nothing on a second run", () => {
    const first = mergeDevVars("", { A: "1", B: "two words" });
    expect(first.text).toBe('A=1\nB="two words"\n');
    expect(mergeDevVars(first.text, { A: "1", B: "two words" }).text).toBe(first.text);
  });

  it("knows a sandbox URL from a real one", () => {
    expect(isLoopbackUrl("http://127.0.0.1:8790")).toBe(true);
    expect(isLoopbackUrl("http://localhost:8791")).toBe(true);
    expect(isLoopbackUrl("https://graph.facebook.com")).toBe(false);
    expect(isLoopbackUrl("not a url")).toBe(false);
  });
});
