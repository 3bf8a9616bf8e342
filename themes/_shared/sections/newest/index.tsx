/** The shop's newest products ("Just in"), as a grid or a swipe row. */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { layoutSetting, Products, Sec, SecHead, swipeCss } from "../parts";

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading (empty: Just in)", ur: "سرخی (خالی: ابھی ابھی آیا)" }),
  limit: setting.number(2, 20, 12, { en: "Products shown", ur: "دکھائی جانے والی مصنوعات" }),
  layout: layoutSetting(),
});

export default defineSection({
  id: "newest",
  label: { en: "Newest products", ur: "نئی مصنوعات" },
  settings,
  needs: (s) => ({ kind: "newest", limit: s.limit }),
  css: swipeCss,
  Component: ({ ctx, settings: s, data, eager, cardSizes, id }) => {
    if (!data.products.length) return null;
    return (
      <Sec id={id}>
        <SecHead ctx={ctx} title={s.heading || ctx.t("store.newArrivals")} more={ctx.url("/collections/all")} />
        <Products ctx={ctx} data={data} layout={s.layout} eager={eager} sizes={cardSizes} />
      </Sec>
    );
  },
});
