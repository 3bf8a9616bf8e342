import type { ImageVM } from "../../src/storefront/theme";

/** An <img> with its intrinsic size (no layout shift), srcset/sizes and lazy loading below the fold. */
export function Img({ img, sizes, eager, cls }: { img: ImageVM; sizes: string; eager?: boolean; cls?: string }) {
  return (
    <img
      class={cls}
      src={img.src}
      srcset={img.srcset}
      sizes={sizes}
      width={img.width}
      height={img.height}
      alt={img.alt}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      fetchpriority={eager ? "high" : undefined}
    />
  );
}
