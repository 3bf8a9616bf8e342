/** A photo beside a heading, a paragraph or two and an optional button (the photo first on phones). */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { textBlocks } from "../../../../src/storefront/text";
import { Img } from "../../Img";
import { TextBlocks } from "../../Text";
import { hrefOf, photo } from "../parts";

const SIZES = "(min-width:720px) 50vw, 100vw";

const settings = z.object({
  image: setting.image({ en: "Photo", ur: "تصویر" }),
  heading: setting.text("", 80, { en: "Heading", ur: "سرخی" }),
  text: setting.textarea("", 600, { en: "Text", ur: "تحریر" }),
  button: setting.text("", 30, { en: "Button label (empty: no button)", ur: "بٹن کی عبارت (خالی: بٹن نہیں)" }),
  link: setting.link("/collections/all", { en: "Button link", ur: "بٹن کا لنک" }),
  side: setting.choice(["start", "end"] as const, "start", { en: "Photo on large screens", ur: "بڑی اسکرین پر تصویر" }, {
    start: { en: "Before the text", ur: "تحریر سے پہلے" },
    end: { en: "After the text", ur: "تحریر کے بعد" },
  }),
});

export default defineSection({
  id: "image-text",
  label: { en: "Image with text", ur: "تصویر اور تحریر" },
  settings,
  photo: (s, ctx) => photo(ctx, s.image, s.heading || ctx.shop.name, 640),
  photoSizes: SIZES,
  css: `.iwt{display:grid;gap:16px;align-items:center}.iwt img{width:100%;border-radius:var(--radius)}
@media(min-width:720px){.iwt.has-img{grid-template-columns:1fr 1fr;gap:32px}.iwt.end img{order:2}}
`,
  Component: ({ ctx, settings: s, first, id }) => {
    const img = photo(ctx, s.image, s.heading || ctx.shop.name, 640);
    if (!img && !s.heading && !s.text) return null;
    return (
      <section id={id} class={`sec iwt${img ? " has-img" : ""}${s.side === "end" ? " end" : ""}`}>
        {img && <Img img={img} sizes={SIZES} eager={first} />}
        <div>
          {s.heading && <h2>{s.heading}</h2>}
          {s.text && <TextBlocks blocks={textBlocks(s.text)} />}
          {s.button && (
            <a class="btn" href={hrefOf(ctx, s.link)}>
              {s.button}
            </a>
          )}
        </div>
      </section>
    );
  },
});
