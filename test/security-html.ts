/**
 * Reads an HTML response the way a browser would decide what runs: tags and their attributes
 * (quoted values are skipped as values, so text that merely mentions "onload=" is not a tag),
 * inline scripts and their hashes against the CSP's script-src.
 */
import { b64encode } from "../src/lib/bytes";

export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? "").matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), (a[2] ?? "").replace(/^["']|["']$/g, ""));
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

export async function sha256b64(s: string): Promise<string> {
  return b64encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s))));
}

/** Everything in a page that could run script against its CSP; [] when the page is clean. */
export async function auditHtml(html: string, csp: string | null): Promise<string[]> {
  const problems: string[] = [];
  if (!csp) return ["no content-security-policy"];
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
  const scriptSrc = directives.get("script-src") ?? directives.get("default-src") ?? [];
  if (scriptSrc.some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === "*" || s.startsWith("http"))) problems.push(`script-src too open: ${scriptSrc.join(" ")}`);
  if (!(directives.get("frame-ancestors") ?? []).includes("'none'")) problems.push("no frame-ancestors 'none'");
  for (const t of tags(html)) {
    for (const [k, v] of t.attrs) {
      if (k.startsWith("on")) problems.push(`inline handler <${t.name} ${k}>`);
      if (["href", "src", "action", "formaction", "srcset", "poster"].includes(k) && /^\s*(javascript|vbscript|data:text\/html)/i.test(v.replace(/&#?\w+;/g, ""))) problems.push(`script URL in <${t.name} ${k}="${v.slice(0, 60)}">`);
    }
    if (["iframe", "object", "embed", "base"].includes(t.name)) problems.push(`<${t.name}> in page`);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? "";
    if (/\bsrc\s*=/.test(attrs)) {
      problems.push(`external script ${attrs}`);
      continue;
    }
    if (/type\s*=\s*["']?application\/ld\+json/i.test(attrs)) {
      if (/<\/?[a-z!]/i.test(m[2]!)) problems.push("markup inside JSON-LD");
      continue;
    }
    const hash = `'sha256-${await sha256b64(m[2]!)}'`;
    if (!scriptSrc.includes(hash)) problems.push(`inline script not in CSP: ${m[2]!.slice(0, 60)}`);
  }
  return problems;
}

/**
 * Hashes in the CSP's script-src that match no inline script of this page: each page's policy
 * must allow only the scripts it contains (a hash of another page's script is a hole here).
 */
export async function extraScriptHashes(html: string, csp: string | null): Promise<string[]> {
  const scriptSrc = (csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).find(([k]) => k === "script-src")?.slice(1) ?? [];
  const onPage = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=|application\/ld\+json/i.test(m[1] ?? "")) onPage.add(`'sha256-${await sha256b64(m[2]!)}'`);
  }
  return scriptSrc.filter((s) => s.startsWith("'sha") && !onPage.has(s)).map((s) => `CSP lists a script the page does not contain: ${s}`);
}

/** The usual headers every response must carry. */
export function headerProblems(h: Headers): string[] {
  const p: string[] = [];
  if (h.get("x-content-type-options") !== "nosniff") p.push("nosniff");
  if (h.get("x-frame-options") !== "DENY") p.push("x-frame-options");
  if (!h.get("referrer-policy")) p.push("referrer-policy");
  const type = h.get("content-type") ?? "";
  if (type.startsWith("text/html") && !/frame-ancestors 'none'/.test(h.get("content-security-policy") ?? "")) p.push("csp frame-ancestors");
  return p;
}

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
