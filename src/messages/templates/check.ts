/**
 * What makes a template whole, as a list of problems (empty when it is fine): text in every
 * locale, no placeholder it does not declare, every declared parameter used in every locale, a
 * WhatsApp mapping that covers exactly its parameters, and a body Meta would approve (numbered in
 * order of appearance, not starting or ending with a placeholder, no two placeholders side by
 * side, no newline/tab/4+ spaces, no formatting markers, at most 1024 characters).
 * templates.test.ts runs it over the registry and over broken templates.
 */
import { LOCALES } from "../../i18n";
import type { TemplateDef } from "./define";
import { placeholdersOf, whatsappBodyText } from "./render";

export const WHATSAPP_BODY_MAX = 1024;
/** The longest TTL a push service is asked to keep a message: 28 days. */
export const PUSH_TTL_MAX = 28 * 24 * 3600;

export function templateProblems(t: TemplateDef): string[] {
  const problems: string[] = [];
  const declared = new Set(t.params);
  if (!/^[a-z][a-z0-9_]*$/.test(t.id)) problems.push(`id "${t.id}" is not snake_case`);
  for (const locale of LOCALES) {
    const text = (t.text as Partial<TemplateDef["text"]>)[locale];
    if (!text || typeof text.title !== "string" || typeof text.body !== "string" || !text.title.trim() || !text.body.trim()) {
      problems.push(`${locale}: no text`);
      continue;
    }
    for (const [part, value] of Object.entries(text)) {
      for (const name of placeholdersOf(value)) {
        if (!declared.has(name)) problems.push(`${locale}.${part}: uses {${name}}, which is not a parameter`);
      }
      if (/[\n\t]/.test(value)) problems.push(`${locale}.${part}: has a newline or tab`);
    }
    const used = new Set(placeholdersOf(text.body));
    for (const name of t.params) if (!used.has(name)) problems.push(`${locale}.body: does not use {${name}}`);
  }

  const wa = t.whatsapp;
  if (!/^[a-z0-9_]{1,512}$/.test(wa.name)) problems.push(`whatsapp.name "${wa.name}" is not lowercase letters, digits and underscores`);
  for (const locale of LOCALES) {
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(wa.language?.[locale] ?? "")) problems.push(`whatsapp.language.${locale} is not a language code`);
  }
  const waParams = [...wa.body, ...(wa.buttons ?? []).map((b) => b.param)];
  for (const name of waParams) if (!declared.has(name)) problems.push(`whatsapp: {${name}} is not a parameter`);
  for (const name of t.params) if (!waParams.includes(name)) problems.push(`whatsapp: does not send {${name}}`);
  if (new Set(wa.body).size !== wa.body.length) problems.push("whatsapp.body lists a parameter twice");

  if (wa.category === "authentication") {
    // Meta's preset body takes the code as {{1}}; the copy-code button takes it again.
    if (wa.body.length !== 1) problems.push("whatsapp: an authentication template has exactly one body parameter, the code");
    if (!wa.buttons?.some((b) => b.subType === "url" && b.index === 0 && b.param === wa.body[0])) {
      problems.push("whatsapp: an authentication template needs its copy-code button (url, index 0) with the code");
    }
  } else {
    for (const locale of LOCALES) {
      if (!t.text[locale]) continue;
      const body = whatsappBodyText(t, locale);
      const numbers = Array.from(body.matchAll(/\{\{(\d+)\}\}/g), (m) => Number(m[1]));
      if (numbers.join(",") !== wa.body.map((_, i) => i + 1).join(",")) {
        problems.push(`whatsapp ${locale}: placeholders appear as ${numbers.join(",")}, not 1..${wa.body.length} in order`);
      }
      if (/^\s*\{\{/.test(body)) problems.push(`whatsapp ${locale}: the body starts with a placeholder`);
      if (/\{\{\d+\}\}[^\p{L}]*$/u.test(body)) problems.push(`whatsapp ${locale}: the body ends with a placeholder`);
      if (/\}\}[^\p{L}\p{N}]*\{\{/u.test(body)) problems.push(`whatsapp ${locale}: two placeholders with no word between them`);
      if (/[\n\t]| {5,}/.test(body)) problems.push(`whatsapp ${locale}: newline, tab or more than 4 spaces`);
      if (/[*_~`]/.test(body)) problems.push(`whatsapp ${locale}: a formatting marker in the fixed text`);
      if (Array.from(body).length > WHATSAPP_BODY_MAX) problems.push(`whatsapp ${locale}: over ${WHATSAPP_BODY_MAX} characters`);
    }
  }

  if (!Number.isInteger(t.push?.ttlSeconds) || t.push.ttlSeconds < 0 || t.push.ttlSeconds > PUSH_TTL_MAX) {
    problems.push("push.ttlSeconds is not 0..28 days");
  }
  if (!["very-low", "low", "normal", "high"].includes(t.push?.urgency)) problems.push("push.urgency is not an RFC 8030 urgency");
  return problems;
}
