/**
 * Inline scripts are allowed by hash, never by 'unsafe-inline'. A page's script must be
 * registered with inlineScript() (at module load), which puts its hash in every CSP.
 */
import { b64encode } from "./bytes";

const scripts = new Set<string>();
let cached: Promise<string> | null = null;

export function inlineScript(body: string): string {
  scripts.add(body);
  cached = null;
  return body;
}

async function hashes(): Promise<string> {
  const out: string[] = [];
  for (const s of scripts) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s));
    out.push(`'sha256-${b64encode(new Uint8Array(digest))}'`);
  }
  return out.join(" ");
}

export async function contentSecurityPolicy(): Promise<string> {
  cached ??= hashes();
  const scriptSrc = (await cached) || "'none'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self' https://wa.me",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
