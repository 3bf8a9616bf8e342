/** A collection's products (the shop's first collection unless the seller picks one), as a grid or a swipe row. */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { layoutSetting, Products, Sec, SecHead, swipeCss } from "../parts";

const settings = z.object({
  collection: setting.collection({ en: "Collection", ur: "مجموعہ" }),
  heading: setting.text("", 80, { en: "Heading (empty: the collection's name)", ur: "سرخی (خالی: مجموعے کا نام)" }),
  limit: setting.number(2, 20, 8, { en: "Products shown", ur: "دکھائی جانے والی مصنوعات" }),
  layout: layoutSetting(),
});

export default defineSection({
  id: "featured-collection",
  label: { en: "Featured collection", ur: "نمایاں مجموعہ" },
  settings,
  needs: (s) => ({ kind: "collection", slug: s.collection, limit: s.limit }),
  css: swipeCss,
  Component: ({ ctx, settings: s, data, eager, cardSizes, id }) => {
    if (!data.collection || !data.products.length) return null;
    return (
      <Sec id={id}>
        <SecHead ctx={ctx} title={s.heading || data.collection.title} more={data.collection.url} />
        <Products ctx={ctx} data={data} layout={s.layout} eager={eager} sizes={cardSizes} />
      </Sec>
    );
  },
});
