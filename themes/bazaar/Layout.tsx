import type { LayoutProps } from "../../src/storefront/theme";
import { Announcement, Brand, CartLink, NavLinks } from "../_shared/Chrome";
import { Page } from "../_shared/Head";
import { css } from "./css";
import type { BazaarSettings } from "./settings";

export function Layout({ ctx, head, children }: LayoutProps<BazaarSettings>) {
  const header = (
    <header>
      <div class="top">
        <div class="bar wrap">
          <Brand ctx={ctx} />
          <CartLink ctx={ctx} />
        </div>
      </div>
      <Announcement ctx={ctx} />
      <div class="chips">
        <NavLinks ctx={ctx} />
      </div>
    </header>
  );
  return (
    <Page ctx={ctx} head={head} css={css(ctx.settings, ctx.locale)} themeColor={ctx.settings.primary} header={header}>
      {children}
    </Page>
  );
}
