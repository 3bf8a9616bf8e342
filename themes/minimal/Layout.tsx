import type { LayoutProps } from "../../src/storefront/theme";
import { Announcement, Brand, CartLink, NavLinks } from "../_shared/Chrome";
import { Page } from "../_shared/Head";
import { css } from "./css";
import type { MinimalSettings } from "./settings";

export function Layout({ ctx, head, children }: LayoutProps<MinimalSettings>) {
  const header = (
    <header class="top">
      <div class="bar wrap">
        <Brand ctx={ctx} />
        <NavLinks ctx={ctx} />
        <CartLink ctx={ctx} />
      </div>
    </header>
  );
  return (
    <Page ctx={ctx} head={head} css={css(ctx.settings, ctx.locale)} themeColor={ctx.settings.background} header={<><Announcement ctx={ctx} />{header}</>}>
      {children}
    </Page>
  );
}
