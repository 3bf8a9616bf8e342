/// <reference lib="webworker" />
// The admin's service worker (served at /admin/sw.js by src/pwa/routes.ts, scope /admin/; the
// Worker puts its strings before this code as self.HATTI_SW).
// - Pages: the network first. The orders list and order pages (GET navigations of
//   /admin/<slug>/orders and /admin/<slug>/orders/<id>) are kept as they arrive, the newest 30;
//   with no network they are shown marked "offline copy, saved at <time>"; any other admin page
//   shows the offline page. Kept pages are deleted at log-out (the page's script posts "clear",
//   and the log-out answer's Clear-Site-Data), and as soon as a kept page answers with a redirect
//   (the session is gone: logged out elsewhere), so no account's pages outlive its session.
// - The admin's stylesheet (its versioned URL in self.HATTI_SW.css): kept at install and served
//   from the cache first, so an offline copy looks as it did; an older version is dropped.
// - Push: an order alert shows a notification; tapping it opens the order (same origin only).
export {};
/** By locale: the "offline copy, saved at {time}" text and the Intl tag its time is written in. */
type Copy = Record<string, { text: string; intl: string }>;
declare const self: ServiceWorkerGlobalScope & { HATTI_SW?: { copy: Copy; icon: string; css?: string } };

const PAGES = "hatti-pages-v1";
const SHELL = "hatti-shell-v1";
const OFFLINE = "/admin/offline";
const KEPT = /^\/admin\/[^/]+\/orders(?:\/\d+)?$/;
const MAX_PAGES = 30;
const SAVED_AT = "x-hatti-saved-at";
const CSS = self.HATTI_SW?.css;
/** What the shell cache holds: the offline page and this version's stylesheet. */
const SHELL_URLS = [OFFLINE, ...(CSS ? [CSS] : [])];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(SHELL_URLS.map((u) => new Request(u, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== PAGES && n !== SHELL).map((n) => caches.delete(n))))
      .then(() => caches.open(SHELL))
      .then(async (shell) => {
        const keep = new Set(SHELL_URLS.map((u) => new URL(u, self.location.origin).href));
        await Promise.all((await shell.keys()).filter((r) => !keep.has(r.url)).map((r) => shell.delete(r)));
      })
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (CSS && req.method === "GET" && url.origin === self.location.origin && url.pathname + url.search === CSS) {
    event.respondWith(caches.match(req).then((hit) => hit ?? fetch(req)));
    return;
  }
  if (req.method !== "GET" || req.mode !== "navigate") return;
  if (url.origin !== self.location.origin || !url.pathname.startsWith("/admin/")) return;
  event.respondWith(navigate(event, req, KEPT.test(url.pathname)));
});

async function navigate(event: FetchEvent, req: Request, kept: boolean): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(req);
  } catch {
    const saved = kept ? await (await caches.open(PAGES)).match(req) : undefined;
    if (saved) return marked(saved);
    return (await caches.match(OFFLINE)) ?? Response.error();
  }
  if (kept) {
    const html = (res.headers.get("content-type") ?? "").startsWith("text/html");
    if (res.redirected) event.waitUntil(caches.delete(PAGES));
    else if (res.status === 200 && html) event.waitUntil(keep(req, res.clone()));
  }
  return res;
}

async function keep(req: Request, res: Response): Promise<void> {
  const headers = new Headers(res.headers);
  headers.set(SAVED_AT, String(Date.now()));
  const cache = await caches.open(PAGES);
  await cache.put(req, new Response(await res.blob(), { status: 200, headers }));
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((k) => cache.delete(k)));
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A saved page with "offline copy, saved at <time>" at the top of its main content. */
async function marked(saved: Response): Promise<Response> {
  const html = await saved.text();
  // The page's own language (its <html lang>), as the page was written in it.
  const lang = /<html[^>]*\blang="([a-z-]+)"/.exec(html)?.[1] ?? "";
  const copy = self.HATTI_SW?.copy[lang] ?? { text: "Offline copy, saved at {time}", intl: "en-PK" };
  const time = new Date(Number(saved.headers.get(SAVED_AT))).toLocaleString(copy.intl, { dateStyle: "medium", timeStyle: "short" });
  const [before, after = ""] = escapeHtml(copy.text).split("{time}");
  const banner = `<p class="notice" role="status" data-offline-copy>${before}<bdi dir="ltr">${escapeHtml(time)}</bdi>${after}</p>`;
  const body = /<main\b[^>]*>/.test(html) ? html.replace(/<main\b[^>]*>/, (m) => m + banner) : html.replace(/<body\b[^>]*>/, (m) => m + banner);
  const headers = new Headers(saved.headers);
  headers.delete(SAVED_AT);
  headers.delete("content-length");
  return new Response(body, { status: 200, headers });
}

interface Alert {
  title?: unknown;
  body?: unknown;
  url?: unknown;
  tag?: unknown;
}

self.addEventListener("push", (event) => {
  let alert: Alert = {};
  try {
    alert = (event.data?.json() as Alert) ?? {};
  } catch {
    // Not JSON: a notification with the app's name still tells her something came.
  }
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  event.waitUntil(
    self.registration.showNotification(text(alert.title) || "Hatti", {
      body: text(alert.body),
      tag: text(alert.tag) || undefined,
      icon: self.HATTI_SW?.icon ?? "/admin/icon-192.png",
      data: { url: text(alert.url) },
    }),
  );
});

/** Where a notification leads: its URL when it is on this origin, else the admin's home. */
function target(url: unknown): string {
  try {
    const u = new URL(String(url), self.location.origin);
    if (u.origin === self.location.origin) return u.href;
  } catch {
    // not a URL
  }
  return new URL("/admin/", self.location.origin).href;
}

async function openTarget(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((w) => w.url === url);
  if (open) {
    await open.focus();
    return;
  }
  try {
    if (await self.clients.openWindow(url)) return;
  } catch {
    // Refused without a tap on the notification (the browser test's "notification-tap" below).
  }
  // No window could be opened: the open admin window goes to the order.
  const admin = windows.find((w) => new URL(w.url).pathname.startsWith("/admin/"));
  const moved = admin ? await admin.navigate(url) : null;
  await moved?.focus().catch(() => undefined);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openTarget(target(event.notification.data?.url)));
});

self.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown; tag?: unknown } | null;
  if (data?.type === "clear") event.waitUntil(caches.delete(PAGES));
  // What a tap does, for a page of this origin to ask: a headless browser cannot tap a
  // notification (test/e2e/push.e2e.ts). It opens only a notification this worker showed.
  if (data?.type === "notification-tap" && typeof data.tag === "string") {
    event.waitUntil(
      self.registration.getNotifications({ tag: data.tag }).then(async ([n]) => {
        if (!n) return;
        n.close();
        await openTarget(target(n.data?.url));
      }),
    );
  }
});
