/**
 * The Content-Security-Policy. Inline scripts are allowed by their sha256 hash, never by
 * 'unsafe-inline', and each page's policy lists only the scripts that page renders: an
 * <InlineScript> records its hash while the page renders (renderDocument in ./render), and the
 * page is sent with its own policy. Every other response gets the same policy with
 * `script-src 'none'` from secureHeaders() (./security-headers).
 *
 * Hashes, not secure-headers' per-request nonces: storefront pages are cached and shared
 * between visitors (src/storefront/page-cache.ts), and a nonce inside a cached page would be
 * the same for everyone, neither fresh nor secret. A script's hash is computed when it is built
 * (scripts/build-client.mjs writes it beside the code), so rendering never waits on crypto.
 */
import { createContext, h } from "preact";
import { useContext } from "preact/hooks";

/** A browser island as built into src/client/<name>.gen.ts. */
export interface HashedScript {
  /** "sha256-<base64>" of `code`'s UTF-8 bytes. */
  readonly hash: string;
  readonly code: string;
}

/** The policy's directives, in Hono's secureHeaders() form; `scriptSrc` is per page. */
export const POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  connectSrc: ["'self'"],
  // The admin's service worker (/admin/sw.js) and its manifest: without these the worker would
  // fall back to each page's script-src (hashes only) and never register.
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'", "https://wa.me"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);
const policies = new Map<string, string>();

/** The policy of a page whose inline scripts have these hashes (memoised: few combinations exist). */
export function contentSecurityPolicy(hashes: readonly string[]): string {
  const key = hashes.join(" ");
  let policy = policies.get(key);
  if (policy === undefined) {
    const scriptSrc = hashes.length ? hashes.map((hash) => `'${hash}'`) : POLICY.scriptSrc;
    policy = Object.entries(POLICY)
      .map(([name, values]) => `${kebab(name)} ${(name === "scriptSrc" ? scriptSrc : values).join(" ")}`)
      .join("; ");
    policies.set(key, policy);
  }
  return policy;
}

/** The hashes of the inline scripts rendered so far in this document (set by renderDocument). */
export const RenderedScripts = createContext<Set<string> | null>(null);

/** An inline script, allowed by the CSP of the page that renders it. */
export function InlineScript({ script }: { script: HashedScript }) {
  useContext(RenderedScripts)?.add(script.hash);
  return h("script", { dangerouslySetInnerHTML: { __html: script.code } });
}
