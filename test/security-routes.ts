/**
 * The route table read from the router itself (Hono's `app.routes`), so the security tests
 * cover every route that exists, including ones added after they were written.
 *
 * Paths carry the host area prefix: `/_p` platform + admin (ROOT_DOMAIN), `/_s` a storefront.
 * Middleware entries are registered with method "ALL"; handlers with their own method.
 */
import { createApp } from "../src/app";

export interface Route {
  method: string;
  /** as registered, e.g. /_p/admin/:shop/products/:id{[0-9]+} */
  path: string;
  handlerName: string;
}

export function appRoutes(): Route[] {
  return createApp().routes.map((r) => ({ method: r.method, path: r.path, handlerName: r.handler.name }));
}

/** Handlers (not middleware) of one area, deduplicated by method + path. */
export function handlers(area: "/_p" | "/_s"): Route[] {
  const seen = new Set<string>();
  return appRoutes().filter((r) => {
    const k = `${r.method} ${r.path}`;
    if (r.method === "ALL" || !(r.path === area || r.path.startsWith(`${area}/`)) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const ADMIN_SHOP = "/_p/admin/:shop";
export const adminShopHandlers = () => handlers("/_p").filter((r) => r.path === ADMIN_SHOP || r.path.startsWith(`${ADMIN_SHOP}/`));

export interface Param {
  /** "shop", "id", "imageId", "*" */
  name: string;
  /** the path segment before it: "admin", "products", "photos", "zones", "media"... */
  after: string;
  /** "products/:id": how the tests key their id tables */
  key: string;
}

/** The params of a registered path in order (`:name`, `:name{regex}` with nested braces, `*`). */
export function paramsOf(path: string): Param[] {
  const out: Param[] = [];
  const segs = splitSegments(path);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const name = s === "*" ? "*" : s.startsWith(":") ? s.slice(1).replace(/\{.*$/, "") : null;
    if (!name) continue;
    const after = segs[i - 1] ?? "";
    out.push({ name, after, key: `${after}/${s === "*" ? "*" : `:${name}`}` });
  }
  return out;
}

function splitSegments(path: string): string[] {
  const segs: string[] = [];
  let cur = "";
  let depth = 0;
  for (const ch of path) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if (ch === "/" && depth === 0) {
      if (cur) segs.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) segs.push(cur);
  return segs;
}

/**
 * The real URL path of a registered path (area prefix dropped), each param taken from
 * `values` by its key ("products/:id", "admin/:shop", "media/*"). An unknown key throws, so a
 * new route with a new kind of id fails the test until the test learns what to send.
 */
export function fill(path: string, values: Record<string, string>): string {
  const segs = splitSegments(path).slice(1); // drop "_p" / "_s"
  const params = paramsOf(path);
  let p = 0;
  return (
    "/" +
    segs
      .map((s) => {
        if (s !== "*" && !s.startsWith(":")) return s;
        const { key } = params[p++]!;
        const v = values[key];
        if (v === undefined) throw new Error(`no value for route param ${key} in ${path}: teach the security test what it is`);
        return v;
      })
      .join("/")
  );
}
