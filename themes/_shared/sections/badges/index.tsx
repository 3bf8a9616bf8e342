/** How the shop delivers and takes payment: a delivery line, and the payment methods the shop has turned on (from its settings). */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { Sec } from "../parts";

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading (empty: Delivery and payment)", ur: "سرخی (خالی: ترسیل اور ادائیگی)" }),
  delivery: setting.text("", 80, { en: "Delivery line, e.g. Delivery all over Pakistan", ur: "ترسیل کی سطر، مثلاً پورے پاکستان میں ترسیل" }),
  payments: setting.toggle(true, { en: "Show the ways my shop takes payment", ur: "میری دکان میں ادائیگی کے طریقے دکھائیں" }),
});

export default defineSection({
  id: "badges",
  label: { en: "Delivery and payment badges", ur: "ترسیل اور ادائیگی کے نشان" },
  settings,
  css: `.badges{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:0;padding:0}
.badges li{display:inline-flex;align-items:center;min-height:40px;padding:6px 14px;border:2px solid var(--ink);border-radius:99px;font-weight:700;overflow-wrap:anywhere;max-width:100%}
`,
  Component: ({ ctx, settings: s, id }) => {
    const pay = s.payments ? ctx.shop.payments : [];
    if (!pay.length && !s.delivery) return null;
    return (
      <Sec id={id}>
        <h2>{s.heading || ctx.t("sections.badges.heading")}</h2>
        <ul class="badges">
          {s.delivery && <li>{s.delivery}</li>}
          {pay.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </Sec>
    );
  },
});
