/**
 * Bazaar's own section: an offer strip in the banner's colours, a bold line ("Eid offer: 20% off
 * every spice box") and an optional link. Only Bazaar offers it (themes/bazaar/settings.ts).
 */
import { z } from "zod";
import { defineSection } from "../../../src/storefront/section";
import { setting } from "../../../src/storefront/theme-settings";
import { hrefOf } from "../../_shared/sections/parts";

const settings = z.object({
  text: setting.text("", 100, { en: "Offer, e.g. Eid offer: 20% off every spice box", ur: "پیشکش، مثلاً عید آفر: ہر مصالحہ ڈبے پر 20٪ رعایت" }),
  button: setting.text("", 30, { en: "Link label (empty: no link)", ur: "لنک کی عبارت (خالی: لنک نہیں)" }),
  link: setting.link("/collections/all", { en: "Link", ur: "لنک" }),
});

export default defineSection({
  id: "offer",
  label: { en: "Offer strip", ur: "پیشکش کی پٹی" },
  settings,
  css: `.offer{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:center;margin-block:20px;padding:14px 16px;border-radius:var(--radius);background:var(--accent);color:var(--on-accent);text-align:center}
.offer p{margin:0;font-size:1.2rem;font-weight:900;overflow-wrap:anywhere}
.offer a{display:inline-flex;align-items:center;min-height:48px;font-weight:700}
`,
  Component: ({ ctx, settings: s, id }) => {
    if (!s.text) return null;
    return (
      <section id={id} class="offer">
        <p>{s.text}</p>
        {s.button && <a href={hrefOf(ctx, s.link)}>{s.button}</a>}
      </section>
    );
  },
});
