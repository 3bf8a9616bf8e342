/** A call to order on WhatsApp, to the shop's own number (nothing shown when the shop has none). */
import { z } from "zod";
import { waDigits } from "../../../../src/lib/phone";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { Sec } from "../parts";

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading (empty: Order on WhatsApp)", ur: "سرخی (خالی: واٹس ایپ پر آرڈر کریں)" }),
  text: setting.text("", 160, { en: "Text", ur: "تحریر" }),
  button: setting.text("", 30, { en: "Button label (empty: Chat on WhatsApp)", ur: "بٹن کی عبارت (خالی: واٹس ایپ پر بات کریں)" }),
});

export default defineSection({
  id: "whatsapp",
  label: { en: "WhatsApp call to action", ur: "واٹس ایپ پر بلاوا" },
  settings,
  css: `.wa{text-align:center;padding:24px 16px;border:1px solid var(--line);border-radius:var(--radius);background:var(--soft)}
.wa h2{margin-top:0}.wa p{overflow-wrap:anywhere}
`,
  Component: ({ ctx, settings: s, id }) => {
    const wa = waDigits(ctx.shop.whatsapp);
    if (!wa) return null;
    return (
      <Sec id={id} cls="wa">
        <h2>{s.heading || ctx.t("sections.wa.heading")}</h2>
        <p>{s.text || ctx.t("sections.wa.text")}</p>
        <a class="btn" href={`https://wa.me/${wa}`} rel="noopener">
          {s.button || ctx.t("sections.wa.button")}
        </a>
      </Sec>
    );
  },
});
