/** The shop's collections as tiles (the header's list: no query of its own). */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { Sec } from "../parts";

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading (empty: Shop by collection)", ur: "سرخی (خالی: مجموعوں میں دیکھیں)" }),
});

export default defineSection({
  id: "collection-list",
  label: { en: "Collection list", ur: "مجموعوں کی فہرست" },
  settings,
  Component: ({ ctx, settings: s, id }) => {
    if (!ctx.nav.length) return null;
    return (
      <Sec id={id}>
        <h2>{s.heading || ctx.t("store.collections")}</h2>
        <ul class="tiles">
          {ctx.nav.map((c) => (
            <li key={c.url}>
              <a href={c.url}>{c.title}</a>
            </li>
          ))}
        </ul>
      </Sec>
    );
  },
});
