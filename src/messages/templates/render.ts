/**
 * Turning a template and its parameters into text, safely. Parameters are plain text: they are
 * inserted in one pass (a parameter that contains "{link}" stays literally "{link}"), and each is
 * sanitised first so it cannot change the template's structure:
 * - every run of whitespace (newlines, tabs, 4+ spaces) becomes one space: a parameter can neither
 *   add a line nor break WhatsApp's rule that template parameters carry no newline, tab or more
 *   than 4 consecutive spaces (the Cloud API refuses such a request);
 * - control characters and bidi overrides/embeddings/isolates are removed (no reordering an
 *   amount or a link on screen); ZWJ/ZWNJ stay, Urdu needs them;
 * - it is capped at PARAM_MAX characters.
 * Nothing is ever markup: "<script>" stays those eight characters in every channel (email goes
 * out as text only). On WhatsApp, where *, _, ~ and ` format text, parameters get look-alike
 * characters instead so that no two parameters can pair up to restyle the fixed text between them.
 */
import { isLocale, type Locale } from "../../i18n";
import type { TemplateDef } from "./define";
import { permanent, type Message, type Outcome } from "../transport";
import { getTemplate, isTemplateId, type TemplateId } from "./index";

export const PARAM_MAX = 256;

const PLACEHOLDER = /\{(\w+)\}/g;

export function sanitiseParam(value: string): string {
  const cleaned = value
    // Bidi embeddings, overrides and isolates; then every other control character.
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/(?![\t\n\v\f\r\u0085])\p{Cc}/gu, "")
    .replace(/[\s\u0085]+/gu, " ")
    .trim();
  const chars = Array.from(cleaned);
  return chars.length > PARAM_MAX ? chars.slice(0, PARAM_MAX - 1).join("").trimEnd() + "…" : cleaned;
}

const WHATSAPP_LOOKALIKE: Record<string, string> = { "*": "\u2217", "~": "\u223C", "`": "\u02CB", _: "\uFF3F" };

/**
 * A parameter as WhatsApp gets it: sanitised, and with its formatting markers replaced by
 * look-alikes. An underscore between two letters or digits cannot format anything and stays
 * (links and names keep their underscores).
 */
export function whatsappParam(value: string): string {
  return sanitiseParam(value)
    .replace(/[*~`]/g, (m) => WHATSAPP_LOOKALIKE[m]!)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, WHATSAPP_LOOKALIKE._!);
}

/** The names a text's {placeholders} use, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!);
}

export class TemplateParamsError extends Error {}

/**
 * The sanitised parameters of a message, checked against its template: an unknown template, a
 * missing or empty parameter, or one the template does not declare is an error (a bug in the
 * caller, never worth a retry).
 */
export function checkedParams(
  templateId: string,
  params: Readonly<Record<string, string>>,
): { template: TemplateDef<TemplateId>; params: Record<string, string> } {
  if (!isTemplateId(templateId)) throw new TemplateParamsError(`unknown template "${templateId}"`);
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw new TemplateParamsError(`${templateId}: parameters are not an object`);
  }
  const template = getTemplate(templateId);
  const out: Record<string, string> = {};
  for (const name of template.params) {
    const raw = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof raw !== "string") throw new TemplateParamsError(`${templateId}: parameter "${name}" is missing`);
    const value = sanitiseParam(raw);
    if (value === "") throw new TemplateParamsError(`${templateId}: parameter "${name}" is empty`);
    out[name] = value;
  }
  for (const name of Object.keys(params)) {
    if (!template.params.includes(name)) throw new TemplateParamsError(`${templateId}: unknown parameter "${name}"`);
  }
  return { template, params: out };
}

function fill(text: string, params: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (m, name: string) => (Object.hasOwn(params, name) ? params[name]! : m));
}

export interface RenderedText {
  title: string;
  body: string;
}

/**
 * The message as plain text, or the Outcome that refuses it (a missing or unknown parameter, an
 * unknown locale: permanent, nothing is sent). Every text transport starts here.
 */
export function textOrRefusal(message: Pick<Message, "template" | "locale" | "params">): RenderedText | Outcome {
  try {
    return renderText(message.template, message.locale, message.params);
  } catch (err) {
    if (err instanceof TemplateParamsError) return permanent("invalid_request", err.message);
    throw err;
  }
}

export const isOutcome = (v: RenderedText | Outcome): v is Outcome => "status" in v;

/** The message as plain text in its locale (SMS, email, push, the dev outbox). */
export function renderText(
  templateId: string,
  locale: Locale,
  params: Readonly<Record<string, string>>,
): RenderedText {
  const checked = checkedParams(templateId, params);
  if (!isLocale(locale)) throw new TemplateParamsError(`unknown locale "${String(locale)}"`);
  const text = checked.template.text[locale];
  return { title: fill(text.title, checked.params), body: fill(text.body, checked.params) };
}

/**
 * The body to submit in Meta's WhatsApp Manager for one locale: the template's text with each
 * {name} replaced by its {{n}} from the WhatsApp mapping. Authentication templates have Meta's
 * preset body instead; this gives their text for reference.
 */
export function whatsappBodyText(template: TemplateDef, locale: Locale): string {
  return template.text[locale].body.replace(PLACEHOLDER, (m, name: string) => {
    const at = template.whatsapp.body.indexOf(name);
    return at < 0 ? m : `{{${at + 1}}}`;
  });
}

/** The `template` object of a Cloud API send request. */
export function whatsappTemplatePayload(
  templateId: string,
  locale: Locale,
  params: Readonly<Record<string, string>>,
) {
  const checked = checkedParams(templateId, params);
  if (!isLocale(locale)) throw new TemplateParamsError(`unknown locale "${String(locale)}"`);
  const wa = checked.template.whatsapp;
  const text = (name: string) => ({ type: "text" as const, text: whatsappParam(checked.params[name]!) });
  const components: Array<Record<string, unknown>> = [{ type: "body", parameters: wa.body.map(text) }];
  for (const button of wa.buttons ?? []) {
    components.push({ type: "button", sub_type: button.subType, index: String(button.index), parameters: [text(button.param)] });
  }
  return { name: wa.name, language: { code: wa.language[locale] }, components };
}
