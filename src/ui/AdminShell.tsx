import type { ComponentChildren } from "preact";
import type { Messages } from "../i18n";
import { InlineScript, type HashedScript } from "../lib/csp";
import adminSw from "../client/admin-sw.gen";
import appIcons from "./app-icons.gen";
import { once } from "./html";
import { baseCssHref } from "./styles";

/** An app icon's URL: versioned by the icons' hash, so it is served with a long cache. */
export const appIconUrl = (size: keyof typeof appIcons.png) => `/admin/icon-${size}.png?v=${appIcons.version}`;
import { Document } from "./Document";
import { TopBar } from "./TopBar";

type AdminTab = "home" | "orders" | "products" | "shop";

export interface AdminShellProps {
  m: Messages;
  title: string;
  shop: { slug: string; name: string };
  csrf: string;
  /** The page she is on (path and query), for the language switch in the top bar. */
  here: string;
  tab?: AdminTab;
  /** New orders waiting: a badge on the Orders tab. */
  newOrders?: number;
  children: ComponentChildren;
  script?: HashedScript;
  css?: string;
}

const iconPaths: Record<AdminTab, string> = {
  home: "M3 11l9-8 9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z",
  orders: "M6 2h12l2 4v15a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6zm-1 4h14M9 10a3 3 0 0 0 6 0",
  products: "M3 7l9-4 9 4-9 4zm0 0v10l9 4 9-4V7M12 11v10",
  shop: "M3 9l2-6h14l2 6M3 9h18v2a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0zM5 13v8h14v-8",
};

/** The tabs' icons, rendered once (src/ui/html.ts), not as vnodes on every page. */
const icons = Object.fromEntries(
  Object.entries(iconPaths).map(([id, d]) => [
    id,
    once(
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" aria-hidden="true">
        <path d={d} />
      </svg>,
    ),
  ]),
) as Record<AdminTab, ReturnType<typeof once>>;

/** The installable admin (src/pwa): its manifest and icons, on every admin page (rendered once). */
const appHead = once(
  <>
    <link rel="manifest" href="/admin/manifest.webmanifest" />
    <link rel="icon" type="image/png" sizes="192x192" href={appIconUrl(192)} />
    <link rel="apple-touch-icon" href={appIconUrl(192)} />
    <meta name="apple-mobile-web-app-title" content="Hatti" />
  </>,
);

/**
 * The seller admin frame: top bar with the shop and log-out, bottom navigation for the thumb;
 * the app's manifest, and the script that registers its service worker (src/client/admin-sw.ts).
 */
export function AdminShell({ m, title, shop, csrf, here, tab, newOrders, children, script, css }: AdminShellProps) {
  const { t } = m;
  const base = `/admin/${shop.slug}`;
  const tabs: [AdminTab, string, string][] = [
    ["home", base, t("admin.nav.home")],
    ["orders", `${base}/orders`, t("admin.nav.orders")],
    ["products", `${base}/products`, t("admin.nav.products")],
    ["shop", `${base}/shop`, t("admin.nav.shop")],
  ];
  return (
    <Document m={m} title={title} script={script} css={css} robots="noindex" head={appHead} baseHref={baseCssHref}>
      <TopBar m={m} csrf={csrf} brand={shop.name} href="/admin/shops" hint={t("shops.switch")} here={here} />
      <main class="wrap admin">{children}</main>
      <nav class="bottom-nav" aria-label={t("admin.nav.label")}>
        {tabs.map(([id, href, label]) => (
          <a href={href} aria-current={tab === id ? "page" : undefined} key={id}>
            {icons[id]}
            {label}
            {id === "orders" && newOrders ? <span class="badge">{newOrders}</span> : null}
          </a>
        ))}
      </nav>
      <InlineScript script={adminSw} />
    </Document>
  );
}
