/** One product the seller picks, large: its photo, name, price and a button to its page. */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { ProductGrid } from "../../Cards";
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
  css: `.fp{display:grid;gap:12px;max-width:480px}.fp .grid{grid-template-columns:minmax(0,1fr)}.fp .ttl{font-size:1.25rem}
`,
  Component: ({ ctx, settings: s, data, eager, id }) => {
    const p = data.products[0];
    if (!p) return null;
    return (
      <Sec id={id}>
        {s.heading && <h2>{s.heading}</h2>}
        <div class="fp">
          <ProductGrid ctx={ctx} products={[p]} eager={Math.min(eager, 1)} sizes="(min-width:600px) 480px, 100vw" />
          <a class="btn" href={p.url}>
            {ctx.t("sections.product.cta")}
          </a>
        </div>
      </Sec>
    );
  },
});
