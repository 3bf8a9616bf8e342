/**
 * A banner: the seller's photo (cropped per screen, with a focal point) or a solid colour, a
 * heading, a line of text and a button. First on the page, it holds the page's <h1>.
 */
import { defineSection } from "../../../../src/storefront/section";
import { z } from "zod";
import { setting } from "../../../../src/storefront/theme-settings";
import { Img } from "../../Img";
import { hrefOf, photo } from "../parts";

const SIZES = "(min-width:1120px) 1120px, 100vw";

const settings = z.object({
  image: setting.image({ en: "Photo", ur: "تصویر" }),
  /** Empty: the shop's name. */
  heading: setting.text("", 80, { en: "Heading (empty: the shop's name)", ur: "سرخی (خالی: دکان کا نام)" }),
  /** Empty: the shop's description. */
  text: setting.text("", 160, { en: "Text", ur: "تحریر" }),
  button: setting.text("", 30, { en: "Button label (empty: Shop now)", ur: "بٹن کی عبارت (خالی: ابھی خریدیں)" }),
  link: setting.link("/collections/all", { en: "Button link", ur: "بٹن کا لنک" }),
  mobile: setting.choice(["theme", "square", "portrait", "wide"] as const, "theme", { en: "Photo shape on phones", ur: "فون پر تصویر کی شکل" }, {
    theme: { en: "As the theme draws it", ur: "تھیم کے مطابق" },
    square: { en: "Square", ur: "مربع" },
    portrait: { en: "Tall (4:5)", ur: "لمبی (4:5)" },
    wide: { en: "Wide (16:9)", ur: "چوڑی (16:9)" },
  }),
  desktop: setting.choice(["theme", "wide", "panorama"] as const, "theme", { en: "Photo shape on large screens", ur: "بڑی اسکرین پر تصویر کی شکل" }, {
    theme: { en: "As the theme draws it", ur: "تھیم کے مطابق" },
    wide: { en: "Wide (16:9)", ur: "چوڑی (16:9)" },
    panorama: { en: "Panorama (21:9)", ur: "پینوراما (21:9)" },
  }),
  focus: setting.choice(["center", "top", "bottom"] as const, "center", { en: "Keep in view when cropped", ur: "کاٹتے وقت کیا نظر آئے" }, {
    center: { en: "The middle", ur: "درمیان" },
    top: { en: "The top", ur: "اوپر کا حصہ" },
    bottom: { en: "The bottom", ur: "نیچے کا حصہ" },
  }),
});

export default defineSection({
  id: "image-banner",
  label: { en: "Image banner", ur: "تصویری بینر" },
  settings,
  holdsH1: true,
  photo: (s, ctx) => photo(ctx, s.image, s.heading || ctx.shop.name),
  photoSizes: SIZES,
  css: `.hero-img.m-square{aspect-ratio:1}.hero-img.m-portrait{aspect-ratio:4/5}.hero-img.m-wide{aspect-ratio:16/9}
@media(min-width:720px){.hero-img.d-wide{aspect-ratio:16/9}.hero-img.d-panorama{aspect-ratio:21/9}}
.hero-img.f-top{object-position:top}.hero-img.f-bottom{object-position:bottom}
`,
  Component: ({ ctx, settings: s, first, id }) => {
    const img = photo(ctx, s.image, s.heading || ctx.shop.name);
    const heading = s.heading || ctx.shop.name;
    const sub = s.text || ctx.shop.description;
    const crop = [s.mobile !== "theme" && `m-${s.mobile}`, s.desktop !== "theme" && `d-${s.desktop}`, s.focus !== "center" && `f-${s.focus}`].filter(Boolean).join(" ");
    return (
      <section id={id} class={`hero${img ? " has-img" : ""}`}>
        {img && <Img img={img} sizes={SIZES} eager={first} cls={crop ? `hero-img ${crop}` : "hero-img"} />}
        <div class="hero-text">
          {first ? <h1>{heading}</h1> : <h2 class="h1">{heading}</h2>}
          {sub && <p>{sub}</p>}
          <a class="btn" href={hrefOf(ctx, s.link)}>
            {s.button || ctx.t("store.shopNow")}
          </a>
        </div>
      </section>
    );
  },
});
