import type { LayoutProps } from "../../src/storefront/theme";
import { Announcement, Brand, CartLink, NavLinks } from "../_shared/Chrome";
import { Page } from "../_shared/Head";
import { css } from "./css";
import type { BakerySettings } from "./settings";

/** A centred logo over a scalloped edge, the cart tucked at the end, the menu as soft pills below. */
export function Layout({ ctx, head, children }: LayoutProps<BakerySettings>) {
  const header = (
    <header class="top">
      <div class="bar wrap">
        <span />
        <Brand ctx={ctx} />
        <div class="end">
          <CartLink ctx={ctx} />
        </div>
      </div>
      <div class="pills">
        <NavLinks ctx={ctx} />
      </div>
    </header>
  );
  return (
    <Page ctx={ctx} head={head} css={css(ctx.settings, ctx.locale)} themeColor={ctx.settings.accent} header={<><Announcement ctx={ctx} />{header}</>}>
      {children}
    </Page>
  );
}
