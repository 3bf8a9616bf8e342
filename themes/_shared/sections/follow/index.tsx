/** "Follow us": the shop's Instagram, Facebook, TikTok and YouTube pages (https addresses on those sites only). */
import { z } from "zod";
import { defineSection } from "../../../../src/storefront/section";
import { setting } from "../../../../src/storefront/theme-settings";
import { Sec } from "../parts";

const SITES = {
  instagram: { name: "Instagram", hosts: ["instagram.com"] },
  facebook: { name: "Facebook", hosts: ["facebook.com", "fb.com"] },
  tiktok: { name: "TikTok", hosts: ["tiktok.com"] },
  youtube: { name: "YouTube", hosts: ["youtube.com", "youtu.be"] },
} as const;

const settings = z.object({
  heading: setting.text("", 80, { en: "Heading (empty: Follow us)", ur: "سرخی (خالی: ہمیں فالو کریں)" }),
  instagram: setting.linkOn(SITES.instagram.hosts, { en: "Instagram page (https://instagram.com/…)", ur: "انسٹاگرام صفحہ (https://instagram.com/…)" }),
  facebook: setting.linkOn(SITES.facebook.hosts, { en: "Facebook page (https://facebook.com/…)", ur: "فیس بک صفحہ (https://facebook.com/…)" }),
  tiktok: setting.linkOn(SITES.tiktok.hosts, { en: "TikTok page (https://tiktok.com/@…)", ur: "ٹک ٹاک صفحہ (https://tiktok.com/@…)" }),
  youtube: setting.linkOn(SITES.youtube.hosts, { en: "YouTube channel (https://youtube.com/…)", ur: "یوٹیوب چینل (https://youtube.com/…)" }),
});

export default defineSection({
  id: "follow",
  label: { en: "Follow us links", ur: "ہمیں فالو کریں کے لنک" },
  settings,
  css: `.follow{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:0;padding:0}
`,
  Component: ({ ctx, settings: s, id }) => {
    const links = (Object.keys(SITES) as (keyof typeof SITES)[]).filter((k) => s[k]);
    if (!links.length) return null;
    return (
      <Sec id={id}>
        <h2>{s.heading || ctx.t("sections.follow.heading")}</h2>
        <ul class="follow">
          {links.map((k) => (
            <li key={k}>
              <a class="chip" href={s[k]} rel="me noopener" target="_blank">
                {SITES[k].name}
              </a>
            </li>
          ))}
        </ul>
      </Sec>
    );
  },
});
