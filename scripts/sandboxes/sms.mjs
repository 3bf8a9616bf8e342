// Twilio Messages API sandbox: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP Basic
// auth (the AccountSid as user) and a form-encoded To, From or MessagingServiceSid, Body.
// Answers 201 with a Message resource ({ sid: "SM...", status: "queued", ... }) or Twilio's error
// body { code, message, more_info, status }. Magic recipients in magic.json select documented errors.
import { authorization, createSandbox, randomHex } from "./lib.mjs";
import { magic } from "./magic.mjs";

const byRecipient = Object.fromEntries(Object.entries(magic.sms.recipients).map(([k, v]) => [v, k]));

function twilioError(status, code, message, headers) {
  return { status, headers, json: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

const SCENARIOS = {
  invalidNumber: (to) => twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  notMobile: (to) => twilioError(400, 21614, `'To' number ${to} is not a valid mobile number`),
  unsubscribed: () => twilioError(400, 21610, "Attempt to send to unsubscribed recipient"),
  unreachable: (to) => twilioError(400, 21612, `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number via SMS.`),
  regionDisabled: (to) => twilioError(400, 21408, `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`),
  rateLimited: () => twilioError(429, 20429, "Too Many Requests", { "retry-after": "1" }),
  serverError: () => twilioError(500, 20500, "An internal server error has occurred"),
  hang: () => ({ hang: true }),
};

const PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

export const sms = {
  name: "sms",
  recipient(req) {
    return new URLSearchParams(req.body.toString("utf8")).get("To");
  },
  describe(req) {
    return Object.fromEntries(new URLSearchParams(req.body.toString("utf8")));
  },
  failure(status) {
    if (status === 429) return twilioError(429, 20429, "Too Many Requests", { "retry-after": "1" });
    if (status === 503) return twilioError(503, 20503, "Service unavailable");
    if (status >= 500) return twilioError(status, 20500, "An internal server error has occurred");
    if (status === 401) return twilioError(401, 20003, "Authenticate");
    return twilioError(status, 21211, "The 'To' number is not a valid phone number.");
  },
  handle(req) {
    const match = req.path.match(PATH);
    if (!match) return twilioError(404, 20404, `The requested resource ${req.path} was not found`);
    if (req.method !== "POST") return twilioError(405, 20004, "Method not allowed");
    const sid = decodeURIComponent(match[1]);
    const basic = authorization(req.headers, "Basic");
    const [user, password] = basic ? Buffer.from(basic, "base64").toString("utf8").split(/:(.*)/s) : [];
    if (!basic || !user || !password) return twilioError(401, 20003, "Authenticate");
    if (user !== sid || !/^AC[0-9a-fA-F]{32}$/.test(sid) || password === magic.sms.tokens.invalid) {
      return twilioError(401, 20003, "Authentication Error - invalid username");
    }
    if (!/^application\/x-www-form-urlencoded(\s*;|$)/i.test(req.headers["content-type"] ?? "")) {
      return twilioError(400, 21604, "A 'To' phone number is required.");
    }
    const form = new URLSearchParams(req.body.toString("utf8"));
    const to = form.get("To");
    const from = form.get("From");
    const service = form.get("MessagingServiceSid");
    const text = form.get("Body");
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!from && !service) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!text) return twilioError(400, 21602, "Message body is required.");
    if (text.length > 1600) return twilioError(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    if (!/^\+[1-9]\d{7,14}$/.test(to)) return SCENARIOS.invalidNumber(to);
    const scenario = byRecipient[to];
    if (scenario) return SCENARIOS[scenario](to);
    const messageSid = `SM${randomHex(16)}`;
    // Urdu and other non-GSM text goes as UCS-2: 70 characters a segment, 67 when split.
    const ucs2 = /[^\n\r\x20-\x7e£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà]/.test(text);
    const single = ucs2 ? 70 : 160;
    const multi = ucs2 ? 67 : 153;
    const length = Array.from(text).length;
    return {
      status: 201,
      json: {
        account_sid: sid,
        api_version: "2010-04-01",
        body: text,
        date_created: new Date().toUTCString().replace("GMT", "+0000"),
        direction: "outbound-api",
        from: from ?? null,
        messaging_service_sid: service ?? null,
        num_segments: String(length <= single ? 1 : Math.ceil(length / multi)),
        sid: messageSid,
        status: service ? "accepted" : "queued",
        to,
        uri: `/2010-04-01/Accounts/${sid}/Messages/${messageSid}.json`,
      },
    };
  },
};

export const createSmsSandbox = () => createSandbox(sms);
