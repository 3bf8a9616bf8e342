import type { Ctx } from "./Cards";
import { Img } from "./Img";

/** `sizes` of the banner photo: the preload in <head> (src/storefront/seo.ts) says the same. */
export const BANNER_SIZES = "(min-width:1120px) 1120px, 100vw";

/** The home banner: the photo (if any), the heading (the page's h1), a line of text and a button. */
export function HeroBlock({ ctx, cls }: { ctx: Ctx; cls: string }) {
  const s = ctx.settings;
  const sub = s.bannerSubtext || ctx.shop.description;
  return (
    <section class={`hero ${cls}${ctx.banner ? " has-img" : ""}`}>
      {ctx.banner && <Img img={ctx.banner} sizes={BANNER_SIZES} eager cls="hero-img" />}
      <div class="hero-text">
        <h1>{s.bannerText || ctx.shop.name}</h1>
        {sub && <p>{sub}</p>}
        <a class="btn" href={ctx.url("/collections/all")}>
          {ctx.t("store.shopNow")}
        </a>
      </div>
    </section>
  );
}
