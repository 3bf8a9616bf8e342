/** One product the seller picks, large: its photo, name, price and a button to its page. */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { Img } from "../../Img";
import { Sec } from "../parts";

const settings = z.object({
  product: setting.product({ en: "Product (its link or its web name)", ur: "پروڈکٹ (اس کا لنک یا ویب نام)" }),
  heading: setting.text("", 80, { en: "Heading above it (optional)", ur: "اوپر سرخی (اختیاری)" }),
});

export default defineSection({
  id: "featured-product",
  label: { en: "Featured product", ur: "نمایاں پروڈکٹ" },
  settings,
  needs: (s) => (s.product ? { kind: "product", slug: s.product } : null),
  css: `.fp{display:grid;gap:16px;align-items:center}.fp .ph{aspect-ratio:1}
@media(min-width:720px){.fp{grid-template-columns:1fr 1fr;gap:32px}}
.fp h3{font-size:1.4rem;margin:0 0 8px;overflow-wrap:anywhere}
`,
  Component: ({ ctx, settings: s, data, eager, id }) => {
    const p = data.products[0];
    if (!p) return null;
    return (
      <Sec id={id}>
        {s.heading && <h2>{s.heading}</h2>}
        <div class="fp">
          <span class="ph">{p.image && <Img img={p.image} sizes="(min-width:720px) 50vw, 100vw" eager={eager > 0} />}</span>
          <div>
            <h3>{p.title}</h3>
            <p class="pr">
              <span class="now">{p.price}</span>
              {p.compareAtPrice && (
                <s class="was">
                  <span class="sr">{ctx.t("store.price.was")} </span>
                  {p.compareAtPrice}
                </s>
              )}
            </p>
            {p.soldOut && <p class="muted">{ctx.t("store.soldOut")}</p>}
            <a class="btn" href={p.url}>
              {ctx.t("sections.product.cta")}
            </a>
          </div>
        </div>
      </Sec>
    );
  },
});
