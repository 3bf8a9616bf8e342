/**
 * The installable admin: its web app manifest, icons, service worker and offline page, under
 * /admin on the platform host. Served to anyone (a browser fetches the manifest without
 * credentials), before the admin's log-in check: none of them holds an account's data.
 * The service worker's code is built from src/client/sw.ts (npm run build:client); the icons are
 * drawn by scripts/build-icons.mjs into src/ui/app-icons.gen.ts.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { language, LOCALES, messages } from "../i18n";
import { renderPage } from "../lib/render";
import sw from "../client/sw.gen";
import { appIconUrl } from "../ui/AdminShell";
import appIcons from "../ui/app-icons.gen";
import { Document } from "../ui/Document";
import { baseCss, baseCssHref } from "../ui/styles";

export const pwaRoutes = new Hono<AppEnv>();

/** The brand's green: the manifest's theme and the pages' theme-color meta (src/ui/Document.tsx). */
const THEME = "#0f5c4d";

/** The manifest (in the default language): Android Chrome's install criteria (name, icons 192 and 512, start_url, standalone). */
function manifest() {
  const m = messages("en");
  return {
    id: "/admin/",
    name: `${m.t("app.name")}: ${m.t("pwa.name")}`,
    short_name: m.t("app.name"),
    description: m.t("pwa.description"),
    lang: "en",
    dir: "auto",
    start_url: "/admin/",
    scope: "/admin/",
    display: "standalone",
    orientation: "portrait",
    theme_color: THEME,
    background_color: "#fafaf9",
    icons: [
      { src: appIconUrl(192), sizes: "192x192", type: "image/png", purpose: "any" },
      { src: appIconUrl(512), sizes: "512x512", type: "image/png", purpose: "any" },
      { src: appIconUrl(512), sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

pwaRoutes.get("/manifest.webmanifest", (c) =>
  c.body(JSON.stringify(manifest()), 200, { "content-type": "application/manifest+json; charset=utf-8", "cache-control": "public, max-age=3600" }),
);

const icons = new Map<number, Uint8Array<ArrayBuffer>>();
for (const size of [192, 512] as const) {
  pwaRoutes.get(`/icon-${size}.png`, (c) => {
    let png = icons.get(size);
    if (!png) icons.set(size, (png = Uint8Array.from(atob(appIcons.png[size]), (ch) => ch.charCodeAt(0))));
    return c.body(png, 200, { "content-type": "image/png", "cache-control": "public, max-age=31536000, immutable" });
  });
}

/** The admin's stylesheet: a year in the browser at its version; an old page's version gets today's, not kept. */
const cssVersion = new URL(baseCssHref, "http://x").searchParams.get("v");
pwaRoutes.get("/app.css", (c) =>
  c.body(baseCss, 200, {
    "content-type": "text/css; charset=utf-8",
    "cache-control": c.req.query("v") === cssVersion ? "public, max-age=31536000, immutable" : "no-cache",
  }),
);

/** The worker's code after its strings (the offline copy's mark, in every language). */
let swScript: string | undefined;
function serviceWorker(): string {
  if (swScript === undefined) {
    const copy = Object.fromEntries(LOCALES.map((l) => [l, { text: messages(l).t("pwa.offline.copy"), intl: language(l).intl }]));
    swScript = `self.HATTI_SW=${JSON.stringify({ copy, icon: appIconUrl(192), css: baseCssHref })};\n${sw.code}`;
  }
  return swScript;
}

// no-cache: the browser asks again on every visit (it does at least daily anyway), so a new
// version reaches her phone at once. Scope /admin/ is the script's own folder.
pwaRoutes.get("/sw.js", (c) =>
  c.body(serviceWorker(), 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache", "service-worker-allowed": "/admin/" }),
);

/** The page the service worker shows with no network: in every language, as it cannot know hers. */
pwaRoutes.get("/offline", (c) => {
  const all = LOCALES.map(messages);
  c.header("cache-control", "no-cache");
  return renderPage(
    c,
    <Document m={all[0]!} title={all[0]!.t("pwa.offline.title")} robots="noindex">
      <main class="wrap">
        {all.map((m) => (
          <section class="card" lang={m.locale} dir={m.dir} key={m.locale}>
            <h1>{m.t("pwa.offline.title")}</h1>
            <p>{m.t("pwa.offline.body")}</p>
            <a class="btn block" href="/admin/">
              {m.t("pwa.offline.retry")}
            </a>
          </section>
        ))}
      </main>
    </Document>,
  );
});
