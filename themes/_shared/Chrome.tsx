/** Header and footer parts every theme arranges in its own Layout. */
import { waDigits } from "../../src/lib/phone";
import type { Ctx } from "./Cards";
import { Img } from "./Img";
import { InlineScript } from "../../src/lib/csp";
import { cartCountScript } from "./scripts";

export function Announcement({ ctx }: { ctx: Ctx }) {
  return ctx.settings.announcement ? <p class="announce">{ctx.settings.announcement}</p> : null;
}

export function Brand({ ctx }: { ctx: Ctx }) {
  return (
    <a class="brand" href={ctx.url("/")}>
      {ctx.logo ? <Img img={{ ...ctx.logo, alt: ctx.shop.name }} sizes="160px" eager cls="logo" /> : ctx.shop.name}
    </a>
  );
}

/**
 * The cart: a bag icon and its count badge. Pages are shared (cached), so the count and the
 * link's label ("Cart, items: 3") are filled in from the cookie by a tiny script (scripts.ts).
 */
export function CartLink({ ctx }: { ctx: Ctx }) {
  const n = ctx.cartCount;
  const label = ctx.t("store.cartItems");
  return (
    <a class="cart" href={ctx.url("/cart")} aria-label={n ? label.replace("{count}", String(n)) : ctx.t("store.cart")} data-label={label}>
      <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
        <path d="M6 8h12l-1 12H7zM9 8V6a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      </svg>
      <span class="count" data-cart-count="">
        {n || ""}
      </span>
    </a>
  );
}

export function NavLinks({ ctx }: { ctx: Ctx }) {
  return (
    <nav class="nav" aria-label={ctx.t("store.nav.label")}>
      <ul>
        <li>
          <a href={ctx.url("/collections/all")}>{ctx.t("store.allProducts")}</a>
        </li>
        {ctx.nav.map((l) => (
          <li key={l.url}>
            <a href={l.url}>{l.title}</a>
          </li>
        ))}
        <li>
          <a href={ctx.url("/search")}>{ctx.t("store.search.link")}</a>
        </li>
      </ul>
    </nav>
  );
}

export function Footer({ ctx }: { ctx: Ctx }) {
  const wa = waDigits(ctx.shop.whatsapp);
  return (
    <footer class="foot">
      {ctx.pages.length > 0 && (
        <nav aria-label={ctx.t("store.footer.label")}>
          <ul>
            {ctx.pages.map((p) => (
              <li key={p.url}>
                <a href={p.url}>{p.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {wa && (
        <p>
          <a href={`https://wa.me/${wa}`} rel="noopener">
            {ctx.t("store.whatsapp")}
          </a>
        </p>
      )}
      <p class="muted">
        © {ctx.shop.name} · {ctx.t("store.poweredBy")}
      </p>
      <InlineScript script={cartCountScript} />
    </footer>
  );
}
