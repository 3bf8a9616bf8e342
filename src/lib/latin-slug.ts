/**
 * The one way text becomes a URL slug: accents dropped, apostrophes removed, anything else that
 * is not a-z or 0-9 becomes a single hyphen, trimmed to `max` characters. Text with no Latin
 * letters (Urdu) gives "" and the caller picks a fallback. Pure: the browser islands use it too.
 */
export function latinSlug(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
