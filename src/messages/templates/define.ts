/**
 * What a message template is: its id, who gets it, its named parameters, its text in every
 * locale (plain text with {name} placeholders), the WhatsApp template it maps to (the name it is
 * approved under in Meta's WhatsApp Manager, the language code per locale, the order of its
 * positional {{n}} parameters), and how long a push of it stays worth delivering.
 * One template is one file in this folder plus one line in index.ts.
 */
import type { Locale } from "../../i18n";

export interface TemplateText {
  /** Email subject and push title. */
  title: string;
  /** SMS text, email text, push body, and the body submitted to WhatsApp (placeholders numbered). */
  body: string;
}

export interface WhatsAppMapping<P extends string> {
  /** Lowercase letters, digits and underscores, as Meta requires. */
  name: string;
  /** "authentication" templates have Meta's preset body ("{{1}} is your verification code.") and a copy-code button. */
  category: "utility" | "authentication";
  /** Meta's language code for each of our locales: one approved translation each. */
  language: Record<Locale, string>;
  /** Body parameters in order: {{1}} is body[0]. */
  body: readonly P[];
  /** Button parameters: a copy-code button is a "url" button at index 0 whose parameter is the code. */
  buttons?: readonly { subType: "url"; index: number; param: P }[];
}

export type PushUrgency = "very-low" | "low" | "normal" | "high";

export interface TemplateDef<Id extends string = string, P extends string = string> {
  id: Id;
  /** Who receives it: the shop's owner/staff, the shop's customer, or an account holder. */
  audience: "seller" | "customer" | "account";
  params: readonly P[];
  text: Record<Locale, TemplateText>;
  whatsapp: WhatsAppMapping<P>;
  /** RFC 8030 TTL (seconds the push service keeps it for an offline device) and Urgency. */
  push: { ttlSeconds: number; urgency: PushUrgency };
}

export function defineTemplate<const Id extends string, const P extends string>(
  template: TemplateDef<Id, P>,
): TemplateDef<Id, P> {
  return template;
}
