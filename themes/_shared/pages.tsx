/**
 * Page bodies shared by the themes. A theme passes its Layout; the look comes from the theme's
 * CSS and Layout. A theme may also replace any page entirely.
 */
import { Fragment, type VNode } from "preact";
import type { BaseSettings, HomeVM, LayoutProps, ProductCardVM, SectionVM, StoreContext, ThemePages } from "../../src/storefront/theme";
import { Empty, gridSizes, Pager, ProductGrid, SearchForm, SortLinks, type Ctx } from "./Cards";
import { BuyBar, BuyForm, Gallery, GALLERY_SIZES, PriceLine } from "./Product";
import { InlineScript } from "../../src/lib/csp";
import { productPageScript } from "./scripts";
import { TextBlocks } from "./Text";

export interface ThemeParts<S extends BaseSettings> {
  Layout: (props: LayoutProps<S>) => VNode;
  /** `sizes` of card photos for a products-per-row setting (default: a grid of 2/3/n columns). */
  cardSizes?: (perRow: number) => string;
}

function Crumbs({ ctx, trail }: { ctx: Ctx; trail: { title: string; url: string }[] }) {
  return (
    <nav class="crumbs" aria-label={ctx.t("store.breadcrumbs")}>
      <a href={ctx.url("/")}>{ctx.t("store.home")}</a>
      {trail.map((c) => (
        <>
          <span aria-hidden="true"> / </span>
          <a href={c.url}>{c.title}</a>
        </>
      ))}
    </nav>
  );
}

/**
 * Section instances in order, each drawn by its type's component, with each stylesheet once, where
 * the first type using it appears. `eager`: how many product photos load at once, all in the first
 * section showing products; `first`: the first instance is the page's first (it may hold the h1);
 * `id`: the instances' ids (`s1`, `s2` on the home page; `ps1`, `ps2` below a product's buy box).
 */
function SectionList({ ctx, sections, cardSizes, eager, first, id }: { ctx: Ctx; sections: SectionVM[]; cardSizes: string; eager: number; first: boolean; id: string }) {
  const styled = new Set<string>();
  let left = eager;
  return (
    <>
      {sections.map(({ def, settings, data }, i) => {
        // Once a page per stylesheet, not per type: featured collections and newest share the swipe row's.
        const css = def.css && !styled.has(def.css) ? def.css : null;
        if (def.css) styled.add(def.css);
        const take = data.products.length ? left : 0;
        if (data.products.length) left = 0;
        return (
          <Fragment key={i}>
            {css && <style dangerouslySetInnerHTML={{ __html: css }} />}
            <def.Component ctx={ctx} settings={settings} data={data} first={first && i === 0} eager={take} cardSizes={cardSizes} id={`${id}${i + 1}`} />
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * The home page: its section instances. The first section holds the <h1> if its type can (a
 * banner), else the shop's name is the page's h1. The first section showing products loads two
 * photos at once, none when a photo above it already does.
 */
function homeSections(ctx: Ctx, vm: HomeVM, cardSizes: string) {
  const lead = vm.sections[0];
  return (
    <>
      {!lead?.def.holdsH1 && <h1 class="page-title">{ctx.shop.name}</h1>}
      {vm.empty && <Empty title={ctx.t("store.empty.title")} body={ctx.t("store.empty.body")} />}
      <SectionList ctx={ctx} sections={vm.sections} cardSizes={cardSizes} eager={lead?.def.photo?.(lead.settings, ctx) ? 0 : 2} first id="s" />
    </>
  );
}

export function sharedPages<S extends BaseSettings>({ Layout, cardSizes = gridSizes }: ThemeParts<S>): ThemePages<S> {
  const L = Layout as unknown as (p: LayoutProps<BaseSettings>) => VNode;
  const Grid = (p: { ctx: Ctx; products: ProductCardVM[]; eager?: number }) => (
    <ProductGrid {...p} sizes={cardSizes(p.ctx.settings.productsPerRow)} />
  );
  return {
    home: (ctx: StoreContext<S>, vm, head) => <L ctx={ctx} head={head}>{homeSections(ctx as unknown as Ctx, vm, cardSizes(ctx.settings.productsPerRow))}</L>,
    collection: (ctx, vm, head) => (
      <L ctx={ctx} head={head}>
        <div class="list-head">
          <h1 class="page-title">{vm.title}</h1>
          {vm.description.length > 0 && <TextBlocks blocks={vm.description} cls="lead" />}
          <SortLinks ctx={ctx} vm={vm} />
        </div>
        {vm.products.length ? (
          <Grid ctx={ctx} products={vm.products} eager={2} />
        ) : vm.first ? (
          <Empty title={ctx.t("store.pastEnd.title")} body={ctx.t("store.pastEnd.body")} />
        ) : (
          <Empty title={ctx.t("store.collectionEmpty.title")} body={ctx.t("store.collectionEmpty.body")} />
        )}
        <Pager ctx={ctx} vm={vm} />
      </L>
    ),
    product: (ctx, vm, head) => (
      <L ctx={ctx} head={vm.images[0] ? { ...head, preload: { img: vm.images[0], sizes: GALLERY_SIZES } } : head}>
        <Crumbs ctx={ctx} trail={vm.collection ? [vm.collection] : []} />
        <article class="product">
          <Gallery ctx={ctx} vm={vm} />
          <div class="info">
            <h1>{vm.title}</h1>
            <PriceLine ctx={ctx} vm={vm} />
            <BuyForm ctx={ctx} vm={vm} />
            <div class="after-buy">
              {vm.description.length > 0 && <TextBlocks blocks={vm.description} />}
              <BuyBar ctx={ctx} vm={vm} />
            </div>
          </div>
        </article>
        {/* The seller's sections below the buy box: never the page's h1, no photo loads at once. */}
        <SectionList ctx={ctx} sections={vm.sections} cardSizes={cardSizes(ctx.settings.productsPerRow)} eager={0} first={false} id="ps" />
        <InlineScript script={productPageScript} />
      </L>
    ),
    search: (ctx, vm, head) => (
      <L ctx={ctx} head={head}>
        <div class="list-head">
          <h1 class="page-title">{ctx.t("store.search.title")}</h1>
          <SearchForm ctx={ctx} query={vm.query} />
          {vm.query && (
            <p class="muted" role="status">
              {vm.products.length ? ctx.t("store.search.resultsFor", { q: vm.query }) : ctx.t("store.search.none", { q: vm.query })}
            </p>
          )}
          {vm.products.length > 0 && <SortLinks ctx={ctx} vm={vm} />}
        </div>
        {vm.products.length > 0 && <Grid ctx={ctx} products={vm.products} eager={2} />}
        {vm.query && !vm.products.length && (
          <Empty title={ctx.t("store.search.emptyTitle")} body={ctx.t("store.search.emptyBody")}>
            <a class="btn" href={ctx.url("/collections/all")}>
              {ctx.t("store.allProducts")}
            </a>
          </Empty>
        )}
        <Pager ctx={ctx} vm={vm} />
      </L>
    ),
    page: (ctx, vm, head) => (
      <L ctx={ctx} head={head}>
        <article class="content">
          <h1 class="page-title">{vm.title}</h1>
          <TextBlocks blocks={vm.body} />
        </article>
      </L>
    ),
    notFound: (ctx) => (
      <L ctx={ctx} head={{ title: `${ctx.t("store.notFound.title")} · ${ctx.shop.name}`, noindex: true }}>
        <div class="empty">
          <h1 class="page-title">{ctx.t("store.notFound.title")}</h1>
          <p class="muted">{ctx.t("store.notFound.body")}</p>
          <a class="btn" href={ctx.url("/")}>
            {ctx.t("store.notFound.cta")}
          </a>
        </div>
        <SearchForm ctx={ctx} />
      </L>
    ),
  } as ThemePages<S>;
}
