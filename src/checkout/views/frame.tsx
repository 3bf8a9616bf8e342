/** The customer's personal pages (cart, checkout, order status) drawn inside the shop's own theme and palette. */
import type { ComponentChildren } from "preact";
import { resolveTheme, storeContext } from "../../storefront/context";
import type { StoreContext } from "../../storefront/theme";
import type { Shop } from "../../tenancy/shop-cache";
import { checkoutCss } from "./css";

/** The shop's theme context for a personal page (cart, checkout, order). */
export function personalContext(shop: Shop, url: string, cartCount: number): StoreContext {
  const { settings } = resolveTheme(shop);
  const u = new URL(url);
  return storeContext(shop, u.origin, u.pathname, settings, { cartCount });
}

/** Renders a page body inside the shop's theme frame, never indexed. */
export function StoreFrame({ shop, ctx, title, children }: { shop: Shop; ctx: StoreContext; title: string; children: ComponentChildren }) {
  const { theme } = resolveTheme(shop);
  return (
    <theme.Layout ctx={ctx} head={{ title: `${title} · ${ctx.shop.name}`, noindex: true }}>
      <style dangerouslySetInnerHTML={{ __html: checkoutCss }} />
      <div class="co">{children}</div>
    </theme.Layout>
  );
}

/** A personal page's heading and its alert (with why it was refused, for tests and the soak: `data-refusal`). */
export function PageHead({ title, alert, refusal }: { title: string; alert?: string; refusal?: string }) {
  return (
    <>
      <h1>{title}</h1>
      {alert && (
        <p class="co-alert" role="alert" data-refusal={refusal}>
          {alert}
        </p>
      )}
    </>
  );
}
