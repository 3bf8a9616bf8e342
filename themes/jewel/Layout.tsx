import type { LayoutProps } from "../../src/storefront/theme";
import { Announcement, Brand, CartLink, NavLinks } from "../_shared/Chrome";
import { Page } from "../_shared/Head";
import { css } from "./css";
import type { JewelSettings } from "./settings";

/** An editorial masthead: the name set large at the start over a gold rule, the menu in small caps under it. */
export function Layout({ ctx, head, children }: LayoutProps<JewelSettings>) {
  const header = (
    <header class="top">
      <div class="mast wrap">
        <Brand ctx={ctx} />
        <CartLink ctx={ctx} />
      </div>
      <div class="wrap">
        <NavLinks ctx={ctx} />
      </div>
    </header>
  );
  // The announcement hangs under the masthead, a ruby band, like a magazine's strapline.
  return (
    <Page ctx={ctx} head={head} css={css(ctx.settings, ctx.locale)} themeColor={ctx.settings.background} header={<>{header}<Announcement ctx={ctx} /></>}>
      {children}
    </Page>
  );
}
