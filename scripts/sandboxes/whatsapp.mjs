// WhatsApp Cloud API sandbox: POST /{version}/{phone-number-id}/messages, as Meta documents it.
// Checks the Bearer token, the JSON content type and the template message's shape (including the
// rule that a text parameter has no newline, tab or more than 4 consecutive spaces), and answers
// 200 { messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid..." }] } or a
// Graph API error { error: { message, type, code, error_data: { messaging_product, details }, fbtrace_id } }.
// The magic recipients and tokens in magic.json select documented errors.
import { authorization, createSandbox, isJson, parseJson, randomHex } from "./lib.mjs";
import { magic } from "./magic.mjs";

const byRecipient = Object.fromEntries(Object.entries(magic.whatsapp.recipients).map(([k, v]) => [v, k]));

// Meta's codes, titles and the HTTP status it answers them with.
const ERRORS = {
  190: [401, "OAuthException", "Error validating access token: Session has expired."],
  0: [401, "OAuthException", "(#0) AuthException: We were unable to authenticate the app user."],
  100: [400, "OAuthException", "(#100) Invalid parameter"],
  131008: [400, "OAuthException", "(#131008) Required parameter is missing"],
  131009: [400, "OAuthException", "(#131009) Parameter value is not valid"],
  131026: [400, "OAuthException", "(#131026) Message undeliverable"],
  131047: [400, "OAuthException", "(#131047) Re-engagement message"],
  132001: [404, "OAuthException", "(#132001) Template name does not exist in the translation"],
  132015: [400, "OAuthException", "(#132015) Template is paused"],
  130429: [429, "OAuthException", "(#130429) Rate limit hit"],
  131056: [400, "OAuthException", "(#131056) (Business Account, Consumer Account) pair rate limit hit"],
  131000: [500, "OAuthException", "(#131000) Something went wrong"],
  2: [503, "OAuthException", "(#2) Service temporarily unavailable"],
};

function graphError(code, details, headers) {
  const [status, type, message] = ERRORS[code];
  return {
    status,
    headers,
    json: {
      error: {
        message,
        type,
        code,
        error_data: { messaging_product: "whatsapp", details: details ?? message.replace(/^\(#\d+\) /, "") },
        fbtrace_id: `A${randomHex(10)}`,
      },
    },
  };
}

const SCENARIOS = {
  undeliverable: () => graphError(131026, "Message Undeliverable."),
  reengagement: () => graphError(131047, "Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
  templateMissing: () => graphError(132001, "template name does not exist in the translation"),
  templatePaused: () => graphError(132015, "Template is paused due to low quality."),
  rateLimited: () => graphError(130429, "Cloud API message throughput has been reached.", { "retry-after": "2" }),
  pairRateLimited: () => graphError(131056, "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time."),
  invalidParameter: () => graphError(100, "Invalid parameter"),
  serverError: () => graphError(131000, "Message failed to send due to an unknown error."),
  unavailable: () => graphError(2, "Temporary due to downtime or due to being overloaded."),
  hang: () => ({ hang: true }),
};

const PATH = /^\/(v\d+\.\d+)\/([\w-]+)\/messages$/;

function checkTemplate(body) {
  if (body?.messaging_product !== "whatsapp") return graphError(100, "The parameter messaging_product is required.");
  if (typeof body.to !== "string" || !/^\+?\d{8,15}$/.test(body.to)) return graphError(100, "The parameter to is required and must be a phone number.");
  if (body.type !== "template") return graphError(100, "This sandbox takes template messages only: type must be \"template\".");
  const t = body.template;
  if (!t || typeof t.name !== "string" || !/^[a-z0-9_]{1,512}$/.test(t.name)) return graphError(131008, "template.name is required: lowercase letters, digits and underscores.");
  if (!t.language || typeof t.language.code !== "string" || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(t.language.code)) return graphError(131008, "template.language.code is required.");
  const allowed = new Set(["messaging_product", "recipient_type", "to", "type", "template"]);
  for (const key of Object.keys(body)) if (!allowed.has(key)) return graphError(100, `Unexpected key "${key}" on param "message".`);
  if (t.components !== undefined) {
    if (!Array.isArray(t.components)) return graphError(100, "template.components must be an array.");
    for (const c of t.components) {
      if (c?.type !== "body" && c?.type !== "header" && c?.type !== "button") return graphError(100, "component type must be body, header or button.");
      if (c.type === "button" && (c.sub_type !== "url" && c.sub_type !== "quick_reply" && c.sub_type !== "copy_code" || !/^\d+$/.test(String(c.index)))) {
        return graphError(100, "button components need sub_type and index.");
      }
      if (!Array.isArray(c.parameters)) return graphError(100, "component parameters must be an array.");
      for (const p of c.parameters) {
        if (p?.type !== "text" || typeof p.text !== "string") return graphError(100, "this sandbox takes text parameters: { type: \"text\", text }.");
        if (p.text === "") return graphError(131008, "Parameter text is empty.");
        if (/[\n\t]| {5,}/.test(p.text)) return graphError(100, "Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
      }
    }
  }
  return null;
}

export const whatsapp = {
  name: "whatsapp",
  recipient(req) {
    return parseJson(req.body)?.to ?? null;
  },
  describe(req) {
    return parseJson(req.body) ?? req.body.toString("utf8");
  },
  failure(status) {
    if (status === 429) return graphError(130429, undefined, { "retry-after": "1" });
    if (status === 503) return graphError(2);
    if (status >= 500) return { ...graphError(131000), status };
    if (status === 401) return graphError(190);
    return { ...graphError(100), status };
  },
  handle(req) {
    const match = req.path.match(PATH);
    if (!match) return { status: 404, json: { error: { message: "Unknown path components", type: "OAuthException", code: 2500, fbtrace_id: `A${randomHex(10)}` } } };
    if (req.method !== "POST") return graphError(100, "Unsupported method: messages are POSTed.");
    const token = authorization(req.headers, "Bearer");
    if (!token) return graphError(0, "An access token is required: Authorization: Bearer <token>.");
    if (token === magic.whatsapp.tokens.expired) return graphError(190);
    if (!isJson(req.headers)) return graphError(100, "The body must be JSON (Content-Type: application/json).");
    const body = parseJson(req.body);
    const wrong = checkTemplate(body);
    if (wrong) return wrong;
    const scenario = byRecipient[body.to];
    if (scenario) return SCENARIOS[scenario]();
    return {
      status: 200,
      json: {
        messaging_product: "whatsapp",
        contacts: [{ input: body.to, wa_id: body.to.replace(/^\+/, "") }],
        messages: [{ id: `wamid.${Buffer.from(randomHex(24), "hex").toString("base64url")}`, message_status: "accepted" }],
      },
    };
  },
};

export const createWhatsAppSandbox = () => createSandbox(whatsapp);
