/**
 * The custom domain form: one field, a hostname as she types or pastes it ("WWW.Her-Brand.pk",
 * "https://www.her-brand.pk/", an Urdu IDN). Capped at 253 characters as typed (DNS's limit on a
 * name), then read as a hostname: lowercase, no scheme, path or trailing dot, an IDN in punycode,
 * labels of 1 to 63 letters, digits and inner hyphens, a top-level domain of letters (so no IP).
 * Whose it is (the platform's own, another shop's) is the domain code's check (domains.ts).
 */
import { z } from "zod";
import { clean } from "../lib/form-fields";

/** The longest name DNS allows. */
export const HOSTNAME_MAX = 253;

const HOSTNAME = /^(?=.{4,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+(?:xn--[a-z0-9-]{2,59}|[a-z]{2,63})$/;

/** As typed -> the hostname it names ("" when it names none). */
function normalizeHostname(typed: string): string {
  let s = clean(typed).toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/[/?#].*$/, "").replace(/\.$/, "");
  if (!s || /[\s@:]/.test(s)) return s;
  // An IDN ("دکان.pk") is registered and resolved as punycode ("xn--...").
  if (/[^\x00-\x7f]/.test(s)) {
    try {
      s = new URL(`http://${s}`).hostname;
    } catch {
      return s;
    }
  }
  return s;
}

const isHostname = (s: string) => HOSTNAME.test(s);

export const domainSchema = z.object({
  hostname: z
    .string({ message: "domains.hostname.required" })
    .max(HOSTNAME_MAX, "domains.hostname.tooLong")
    .transform(normalizeHostname)
    .pipe(z.string().min(1, "domains.hostname.required").refine(isHostname, "domains.hostname.invalid")),
});
