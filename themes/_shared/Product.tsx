/**
 * The product page's parts: a swipeable photo gallery (CSS scroll-snap, thumbnails as links,
 * no JavaScript) and the add-to-cart form. Without JavaScript the variant is a plain <select>
 * listing each variant with its price and availability; the picker island turns it into
 * option choices.
 */
import type { ProductVM, VariantVM } from "../../src/storefront/theme";
import type { Ctx } from "./Cards";
import { Img } from "./Img";
import { InlineScript } from "../../src/lib/csp";
import { variantPickerScript } from "./scripts";

export function Gallery({ vm, sizes = "(min-width:860px) 50vw, 100vw" }: { vm: ProductVM; sizes?: string }) {
  if (!vm.images.length) return <div class="gallery"><span class="ph" /></div>;
  return (
    <div class="gallery">
      <ul class="slides">
        {vm.images.map((img, i) => (
          <li key={i} id={`photo-${i + 1}`}>
            <Img img={img} sizes={sizes} eager={i === 0} />
          </li>
        ))}
      </ul>
      {vm.images.length > 1 && (
        <ol class="thumbs">
          {vm.images.map((img, i) => (
            <li key={i}>
              <a href={`#photo-${i + 1}`}>
                <Img img={img} sizes="64px" />
              </a>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function stockText(ctx: Ctx, v: VariantVM | null): string {
  if (!v) return ctx.t("store.stock.unavailable");
  return v.stock === "out" ? ctx.t("store.soldOut") : v.stock === "low" ? ctx.t("store.stock.low") : ctx.t("store.stock.in");
}

export function PriceLine({ ctx, vm }: { ctx: Ctx; vm: ProductVM }) {
  return (
    <>
      {vm.priceFrom && <p class="price-from">{vm.priceFrom}</p>}
      <p class="price">
        <span id="price" class="now">
          {vm.price}
        </span>{" "}
        <s id="was" class="was" hidden={!vm.compareAtPrice}>
          {vm.compareAtPrice ?? ""}
        </s>
        {vm.compareAtPrice && <span class="sr"> ({ctx.t("store.price.was")})</span>}
      </p>
    </>
  );
}

export function BuyForm({ ctx, vm }: { ctx: Ctx; vm: ProductVM }) {
  const sel = vm.selected;
  const many = vm.variants.length > 1;
  const optionLabel = vm.options.length ? vm.options.join(" / ") : ctx.t("store.variant.label");
  return (
    <form class="buy" method="post" action={ctx.url("/cart/add")}>
      <p id="stock" class={`stock ${sel?.stock ?? "out"}`} aria-live="polite">
        {stockText(ctx, sel)}
      </p>
      {many ? (
        <>
          <div id="picker" class="picker" data-none={ctx.t("store.stock.unavailable")} />
          <div class="field variant-select">
            <label for="variant">{optionLabel}</label>
            <select id="variant" name="variant" data-names={JSON.stringify(vm.options)}>
              {vm.variants.map((v) => (
                <option
                  key={v.id}
                  value={v.id}
                  selected={v.id === sel?.id}
                  disabled={!v.available}
                  data-o={JSON.stringify(v.options)}
                  data-p={v.price}
                  data-c={v.compareAtPrice ?? ""}
                  data-s={stockText(ctx, v)}
                >
                  {`${v.label} · ${v.price}${v.available ? "" : ` · ${ctx.t("store.soldOut")}`}`}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : (
        sel && <input type="hidden" name="variant" value={sel.id} />
      )}
      <div class="field qty">
        <label for="quantity">{ctx.t("store.quantity")}</label>
        <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={99} value={1} required />
      </div>
      <button
        id="buy"
        class="btn block"
        type="submit"
        disabled={!vm.available}
        data-add={ctx.t("store.addToCart")}
        data-out={ctx.t("store.soldOut")}
      >
        {vm.available ? ctx.t("store.addToCart") : ctx.t("store.soldOut")}
      </button>
      {many && <InlineScript script={variantPickerScript} />}
    </form>
  );
}
