/**
 * The product page's parts: a swipeable gallery (CSS scroll-snap, dots and thumbnails as links to
 * #p1.., each photo a link to its full size for pinch-zoom; no JavaScript needed), the add-to-cart
 * form and the phone's sticky buy bar. Options are radio chips (a colour swatch beside a value that
 * names a colour). One option: the chips are the variants and need no JavaScript. Two or three:
 * without JavaScript a plain <select> lists each variant with its price and availability, and the
 * picker island replaces it with a row of chips per option. The product-page island moves the
 * gallery's dots, shows the buy bar once the form scrolls away and pulses the cart on adding.
 */
import { Fragment } from "preact";
import type { ImageVM, ProductVM, VariantVM } from "../../src/storefront/theme";
import type { Ctx } from "./Cards";
import { Img } from "./Img";
import { InlineScript } from "../../src/lib/csp";
import { variantPickerScript } from "./scripts";
import { isColourOption, swatchOf } from "./swatches";

/** `sizes` of the gallery's photos: the preload in <head> must say the same. */
export const GALLERY_SIZES = "(min-width:860px) 50vw, 100vw";

/** The largest stored width (the last srcset entry): opened on its own, the browser zooms it. */
const fullSize = (img: ImageVM) => img.srcset.split(", ").pop()?.split(" ")[0] || img.src;

export function Gallery({ ctx, vm, sizes = GALLERY_SIZES }: { ctx: Ctx; vm: ProductVM; sizes?: string }) {
  if (!vm.images.length) return <div class="gallery"><span class="ph" /></div>;
  const n = vm.images.length;
  return (
    <div class="gallery">
      <ul class="slides" id="slides">
        {vm.images.map((img, i) => (
          <li key={i} id={`p${i + 1}`}>
            <a href={fullSize(img)}>
              <Img img={img} sizes={sizes} eager={i === 0} />
            </a>
          </li>
        ))}
      </ul>
      {n > 1 && (
        <>
          <nav class="dots" aria-label={ctx.t("store.gallery.label")}>
            {vm.images.map((_, i) => (
              <a key={i} href={`#p${i + 1}`} aria-label={ctx.t("store.gallery.photo", { n: i + 1, total: n })} aria-current={i === 0 ? "true" : undefined} />
            ))}
          </nav>
          <ol class="thumbs">
            {vm.images.map((img, i) => (
              <li key={i}>
                <a href={`#p${i + 1}`}>
                  <Img img={img} sizes="64px" />
                </a>
              </li>
            ))}
          </ol>
        </>
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

/** A chip's face: the value, after a swatch when the option is a colour and the value names one. */
function Chip({ value, colour }: { value: string; colour: boolean }) {
  const sw = colour ? swatchOf(value) : null;
  return (
    <>
      {sw && <i class="sw" style={`background:${sw}`} />}
      {value}
    </>
  );
}

/** One option (Size, or Colour): its values are the variants, radio chips that work without JavaScript. */
function VariantChips({ ctx, vm }: { ctx: Ctx; vm: ProductVM }) {
  const name = vm.options[0]!;
  return (
    <div id="picker" class="picker">
      <fieldset>
        <legend>{name}</legend>
        {vm.variants.map((v) => (
          <Fragment key={v.id}>
            <input
              type="radio"
              id={`v${v.id}`}
              name="variant"
              value={v.id}
              checked={v.id === vm.selected?.id}
              disabled={!v.available}
              data-o={JSON.stringify(v.options)}
              data-p={v.price}
              data-c={v.compareAtPrice ?? ""}
              data-s={stockText(ctx, v)}
            />
            <label for={`v${v.id}`}>
              <Chip value={v.options[0] ?? v.label} colour={isColourOption(name)} />
            </label>
          </Fragment>
        ))}
      </fieldset>
    </div>
  );
}

/** Two or three options: one row of radio chips each, drawn here and shown by the picker island (the <select> works without it). */
function OptionChips({ ctx, vm }: { ctx: Ctx; vm: ProductVM }) {
  return (
    <div id="picker" class="picker" hidden data-none={ctx.t("store.stock.unavailable")}>
      {vm.options.map((name, i) => {
        const values = [...new Set(vm.variants.map((v) => v.options[i] ?? ""))];
        const colour = isColourOption(name);
        return (
          <fieldset key={i}>
            <legend>{name}</legend>
            {values.map((value, j) => (
              <Fragment key={j}>
                <input type="radio" id={`o${i}-${j}`} name={`o${i}`} value={value} checked={vm.selected?.options[i] === value} />
                <label for={`o${i}-${j}`}>
                  <Chip value={value} colour={colour} />
                </label>
              </Fragment>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

export function BuyForm({ ctx, vm }: { ctx: Ctx; vm: ProductVM }) {
  const sel = vm.selected;
  const many = vm.variants.length > 1;
  const optionLabel = vm.options.length ? vm.options.join(" / ") : ctx.t("store.variant.label");
  return (
    <form id="buy-form" class="buy" method="post" action={ctx.url("/cart/add")}>
      <p id="stock" class={`stock ${sel?.stock ?? "out"}`} aria-live="polite">
        {stockText(ctx, sel)}
      </p>
      {many && vm.options.length === 1 ? (
        <VariantChips ctx={ctx} vm={vm} />
      ) : many ? (
        <>
          {vm.options.length > 0 && <OptionChips ctx={ctx} vm={vm} />}
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
      {many && vm.options.length > 0 && <InlineScript script={variantPickerScript} />}
    </form>
  );
}

/**
 * The phone's buy bar: price, the chosen variant and Add to cart (submitting #buy-form). It sits
 * last in the part of the page after the form, sticky at the bottom: without JavaScript it comes
 * up once that part scrolls into view and never covers the form; the island keeps it away until
 * the form has scrolled off the top. It repeats the form's own button, so it is hidden from
 * screen readers and the tab order (the form is the one to use there). Sold out: no bar.
 */
export function BuyBar({ ctx, vm }: { ctx: Ctx; vm: ProductVM }) {
  if (!vm.available) return null;
  return (
    <div id="buybar" class="buybar" aria-hidden="true">
      <span class="bb-txt">
        <b id="bb-price">{vm.price}</b>
        {vm.variants.length > 1 && <span id="bb-variant">{vm.selected?.label ?? ""}</span>}
      </span>
      <button class="btn" type="submit" form="buy-form" tabIndex={-1}>
        {ctx.t("store.addToCart")}
      </button>
    </div>
  );
}
