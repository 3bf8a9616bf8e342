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

/** The Cart link; the count is filled in from the cookie by a tiny script (pages are shared). */
export function CartLink({ ctx }: { ctx: Ctx }) {
  return (
    <a class="cart" href={ctx.url("/cart")}>
      {ctx.t("store.cart")}{" "}
      <span class="count" data-cart-count="">
        {ctx.cartCount || ""}
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
