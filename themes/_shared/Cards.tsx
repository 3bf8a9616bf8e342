/** Product cards and listing controls shared by the themes (each styles them its own way). */
import type { BaseSettings, ListingVM, ProductCardVM, StoreContext } from "../../src/storefront/theme";
import { Img } from "./Img";

export type Ctx = StoreContext<BaseSettings>;

export function gridSizes(perRow: number): string {
  return `(min-width:960px) ${Math.floor(100 / perRow)}vw, (min-width:600px) 33vw, 50vw`;
}

/** `eager`: how many cards' photos load at once (the rest are lazy, below the fold). */
export function ProductGrid({ ctx, products, eager = 0, sizes }: { ctx: Ctx; products: ProductCardVM[]; eager?: number; sizes?: string }) {
  const s = sizes ?? gridSizes(ctx.settings.productsPerRow);
  return (
    <ul class={`grid ar-${ctx.settings.cardAspect}`} style={`--per-row:${ctx.settings.productsPerRow}`}>
      {products.map((p, i) => (
        <li class="card" key={p.id}>
          <a href={p.url}>
            <span class="ph">{p.image && <Img img={p.image} sizes={s} eager={i < eager} />}</span>
            <span class="ttl">{p.title}</span>
            <span class="pr">
              <span class="now">{p.price}</span>
              {p.compareAtPrice && (
                <s class="was">
                  <span class="sr">{ctx.t("store.price.was")} </span>
                  {p.compareAtPrice}
                </s>
              )}
            </span>
            {p.soldOut ? (
              <span class="tag out">{ctx.t("store.soldOut")}</span>
            ) : (
              p.compareAtPrice && <span class="tag sale">{ctx.t("store.sale")}</span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function SortLinks({ ctx, vm }: { ctx: Ctx; vm: ListingVM }) {
  return (
    <nav class="sorts" aria-label={ctx.t("store.sort.label")}>
      <span class="muted">{ctx.t("store.sort.label")}:</span>
      {vm.sorts.map((s) => (
        <a key={s.key} href={s.url} class="chip" aria-current={s.selected ? "true" : undefined} rel="nofollow">
          {s.label}
        </a>
      ))}
    </nav>
  );
}

export function Pager({ ctx, vm }: { ctx: Ctx; vm: ListingVM }) {
  if (!vm.next && !vm.first) return null;
  return (
    <nav class="pager" aria-label={ctx.t("store.pager.label")}>
      {vm.first && (
        <a class="btn ghost" href={vm.first}>
          {ctx.t("store.pager.first")}
        </a>
      )}
      {vm.next && (
        <a class="btn" href={vm.next} rel="next">
          {ctx.t("store.pager.next")}
        </a>
      )}
    </nav>
  );
}

export function Empty({ title, body, children }: { title: string; body: string; children?: preact.ComponentChildren }) {
  return (
    <div class="empty">
      <p class="big">{title}</p>
      <p class="muted">{body}</p>
      {children}
    </div>
  );
}

export function SearchForm({ ctx, query = "" }: { ctx: Ctx; query?: string }) {
  return (
    <form class="search" action={ctx.url("/search")} method="get" role="search">
      <label for="q">{ctx.t("store.search.label")}</label>
      <div class="row">
        <input id="q" name="q" type="search" value={query} maxLength={100} enterKeyHint="search" />
        <button class="btn" type="submit">
          {ctx.t("store.search.button")}
        </button>
      </div>
    </form>
  );
}
