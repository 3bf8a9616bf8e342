/** Pieces the section folders share: a photo from a settings ref, a section heading, a product block. */
import type { ComponentChildren } from "preact";
import { imageVM } from "../../../src/media/urls";
import type { SectionData } from "../../../src/storefront/section";
import type { ImageVM, StoreContext, BaseSettings } from "../../../src/storefront/theme";
import { setting, type ImageRef } from "../../../src/storefront/theme-settings";
import { ProductGrid, type Ctx } from "../Cards";

/** A settings photo (banner, image with text) ready for <img>, through the page's media base. */
export const photo = (ctx: StoreContext<BaseSettings>, ref: ImageRef | null, alt: string, preferred = 960): ImageVM | null =>
  ref ? imageVM({ ...ref, alt }, alt, preferred, ctx.media) : null;

/** A button's link setting as an href: a path of the shop (through the page's base), or the https address. */
export const hrefOf = (ctx: StoreContext<BaseSettings>, link: string) => (link.startsWith("/") ? ctx.url(link) : link);

/** A section's heading with an optional "view all" link beside it. */
export function SecHead({ ctx, title, more }: { ctx: Ctx; title: string; more?: string }) {
  if (!more) return <h2>{title}</h2>;
  return (
    <div class="sec-head">
      <h2>{title}</h2>
      <a href={more}>{ctx.t("store.viewAll")}</a>
    </div>
  );
}

/** Products as the theme's grid or as a row that swipes (CSS scroll-snap, no script). */
export function Products({ ctx, data, layout, eager, sizes }: { ctx: Ctx; data: SectionData; layout: "grid" | "row"; eager: number; sizes: string }) {
  const grid = <ProductGrid ctx={ctx} products={data.products} eager={eager} sizes={layout === "row" ? "(min-width:960px) 22vw, (min-width:600px) 30vw, 44vw" : sizes} />;
  return layout === "row" ? <div class="swipe">{grid}</div> : grid;
}

/** The swipe row's CSS (sections that offer the row include it). */
export const swipeCss = `.swipe .grid{grid-auto-flow:column;grid-template-columns:none;grid-auto-columns:44%;overflow-x:auto;scroll-snap-type:x mandatory;scrollbar-width:none;padding-bottom:4px}
@media(min-width:600px){.swipe .grid{grid-auto-columns:30%}}
@media(min-width:960px){.swipe .grid{grid-auto-columns:22%}}
.swipe .card{scroll-snap-align:start}
`;

/** How products are laid out: the theme's grid, or one row that swipes. */
export const layoutSetting = () =>
  setting.choice(["grid", "row"] as const, "grid", { en: "Layout", ur: "ترتیب" }, { grid: { en: "Grid", ur: "جالی" }, row: { en: "One row that swipes", ur: "ایک قطار جو سرکے" } });

export function Sec({ id, cls, children }: { id: string; cls?: string; children: ComponentChildren }) {
  return (
    <section id={id} class={cls ? `sec ${cls}` : "sec"}>
      {children}
    </section>
  );
}
