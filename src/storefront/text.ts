/**
 * Seller-written plain text (page bodies, product descriptions) as view models: paragraphs
 * split on blank lines, line breaks kept (the theme shows them with white-space:pre-line), and
 * http(s) links as separate segments a theme renders as <a>. Never markup.
 */
import type { TextBlock } from "./theme";

const URL_RE = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}»”’'"]+$/;

/** A safe absolute http(s) URL, or null. */
export function safeHref(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function segments(paragraph: string): TextBlock {
  const out: TextBlock = [];
  let last = 0;
  for (const m of paragraph.matchAll(URL_RE)) {
    const raw = m[0].replace(TRAILING, "");
    const start = m.index ?? 0;
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) out.push({ text: paragraph.slice(last, start) });
    out.push({ href, text: raw });
    last = start + raw.length;
  }
  if (last < paragraph.length) out.push({ text: paragraph.slice(last) });
  return out;
}

export function textBlocks(body: string): TextBlock[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(segments);
}

/** The first `max` characters of plain text on one line (meta descriptions). */
export function summary(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
