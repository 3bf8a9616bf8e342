/** What customers said, typed by the seller: a quote and a name each, at most six. */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { Sec } from "../parts";

export const MAX_TESTIMONIALS = 6;

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading (empty: What customers say)", ur: "سرخی (خالی: گاہک کیا کہتے ہیں)" }),
  items: setting.list(
    {
      quote: setting.textarea("", 300, { en: "What they said", ur: "انہوں نے کیا کہا" }),
      name: setting.text("", 60, { en: "Their name", ur: "ان کا نام" }),
    },
    MAX_TESTIMONIALS,
    { en: "Testimonials", ur: "تاثرات" },
  ),
});

export default defineSection({
  id: "testimonials",
  label: { en: "Testimonials", ur: "گاہکوں کے تاثرات" },
  settings,
  css: `.quotes{display:grid;gap:12px;list-style:none;margin:0;padding:0}
@media(min-width:720px){.quotes{grid-template-columns:repeat(auto-fill,minmax(280px,1fr))}}
.quotes li{border:1px solid var(--line);border-radius:var(--radius);padding:16px;background:var(--soft)}
.quotes blockquote{margin:0 0 8px;white-space:pre-line;overflow-wrap:anywhere}
.quotes p{margin:0;font-weight:600;overflow-wrap:anywhere}
`,
  Component: ({ ctx, settings: s, id }) => {
    const items = s.items.filter((i) => i.quote.trim());
    if (!items.length) return null;
    return (
      <Sec id={id}>
        <h2>{s.heading || ctx.t("sections.testimonials.heading")}</h2>
        <ul class="quotes">
          {items.map((i, n) => (
            <li key={n}>
              <blockquote>{i.quote}</blockquote>
              {i.name && <p>{i.name}</p>}
            </li>
          ))}
        </ul>
      </Sec>
    );
  },
});
