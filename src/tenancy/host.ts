/**
 * Host -> who serves the request. The platform lives on ROOT_DOMAIN; each shop on
 * {slug}.ROOT_DOMAIN; any other hostname may be a shop's custom domain (`custom`, its host
 * without a port: src/domains/lookup.ts says whose, and an unknown one gets the 400 page). A
 * deeper name under ROOT_DOMAIN, or no hostname at all, is a bad host.
 */
export type HostTarget =
  | { kind: "platform" }
  | { kind: "www" }
  | { kind: "shop"; slug: string }
  | { kind: "custom"; host: string }
  | { kind: "bad" };

const HOST_RE = /^[a-z0-9.-]+(?::\d{1,5})?$/;
/** A name of two labels or more (a custom domain's shape; what it is, the lookup says). */
const CUSTOM_RE = /^(?:[a-z0-9-]{1,63}\.)+[a-z0-9-]{1,63}$/;

export function resolveHost(rawHost: string | undefined | null, rootDomain: string): HostTarget {
  const host = (rawHost ?? "").trim().toLowerCase().replace(/\.$/, "");
  const root = rootDomain.toLowerCase();
  if (!host || host.length > 253 || !HOST_RE.test(host)) return { kind: "bad" };
  if (host === root) return { kind: "platform" };
  if (!host.endsWith(`.${root}`)) {
    const name = host.replace(/:\d+$/, "");
    return CUSTOM_RE.test(name) ? { kind: "custom", host: name } : { kind: "bad" };
  }
  const sub = host.slice(0, -root.length - 1);
  if (!sub || sub.includes(".")) return { kind: "bad" };
  if (sub === "www") return { kind: "www" };
  return { kind: "shop", slug: sub };
}

/** Each request's target, resolved once: by the router (src/app.ts) and read again by the shop loader. */
const targets = new WeakMap<Request, HostTarget>();

/**
 * Who serves this request, from its URL's host (the Host header in workerd, and the only host
 * in tests), resolved once per request.
 */
export function hostTarget(req: Request, rootDomain: string): HostTarget {
  let target = targets.get(req);
  if (!target) {
    const url = req.url;
    const hostStart = url.indexOf("://") + 3;
    const end = url.indexOf("/", hostStart);
    target = resolveHost(url.slice(hostStart, end === -1 ? undefined : end), rootDomain);
    targets.set(req, target);
  }
  return target;
}

/** The URL origin of the platform or of a shop, keeping the request's scheme. */
export function originFor(requestUrl: string, rootDomain: string, slug?: string): string {
  const { protocol } = new URL(requestUrl);
  return `${protocol}//${slug ? `${slug}.` : ""}${rootDomain}`;
}
