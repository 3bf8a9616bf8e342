import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { AppEnv } from "../env";
import { FlashContext } from "../ui/Flash";
import { contentSecurityPolicy, RenderedScripts } from "./csp";
import { clearFlash } from "./flash";

/** A rendered HTML document and the CSP that allows exactly the inline scripts it contains. */
export interface RenderedDocument {
  html: string;
  csp: string;
}

/** Renders a Preact tree to a full HTML document, collecting its inline scripts for its CSP. */
export function renderDocument(node: VNode): RenderedDocument {
  const scripts = new Set<string>();
  const html = `<!doctype html>${renderToString(h(RenderedScripts.Provider, { value: scripts }, node))}`;
  return { html, csp: contentSecurityPolicy([...scripts]) };
}

/** Sends a rendered document with its own CSP. */
export function sendDocument(c: Context, doc: RenderedDocument, status: ContentfulStatusCode = 200, headers: Record<string, string> = {}): Response {
  return c.html(doc.html, status, { ...headers, "content-security-policy": doc.csp });
}

/** Renders a page; a one-time notice waiting for it (src/lib/flash.ts) is shown and cleared. */
export function renderPage(c: Context, node: VNode, status: ContentfulStatusCode = 200): Response {
  const flash = (c as Context<AppEnv>).get("flash");
  if (flash) {
    clearFlash(c);
    return sendDocument(c, renderDocument(h(FlashContext.Provider, { value: flash }, node) as VNode), status);
  }
  return sendDocument(c, renderDocument(node), status);
}
