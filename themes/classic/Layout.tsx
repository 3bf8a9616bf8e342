import type { LayoutProps } from "../../src/storefront/theme";
import { Announcement, Brand, CartLink, NavLinks } from "../_shared/Chrome";
import { Page } from "../_shared/Head";
import { css } from "./css";
import type { ClassicSettings } from "./settings";

export function Layout({ ctx, head, children }: LayoutProps<ClassicSettings>) {
  const header = (
    <header class="top">
      <div class="bar wrap">
        <span />
        <Brand ctx={ctx} />
        <CartLink ctx={ctx} />
      </div>
      <NavLinks ctx={ctx} />
    </header>
  );
  return (
    <Page ctx={ctx} head={head} css={css(ctx.settings, ctx.locale)} themeColor={ctx.settings.background} header={<><Announcement ctx={ctx} />{header}</>}>
      {children}
    </Page>
  );
}
