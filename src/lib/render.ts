import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Renders a Preact tree to a full HTML document. */
export function renderDocument(node: VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}

export function renderPage(c: Context, node: VNode, status: ContentfulStatusCode = 200): Response {
  return c.html(renderDocument(node), status);
}
