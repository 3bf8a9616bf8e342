/** Jewel: jewel tones and framed photos, for jewellery and crafts (manifest here; Layout, CSS and settings beside it). */
import { defineTheme } from "../../src/storefront/theme";
import { sharedPages } from "../_shared/pages";
import { Layout } from "./Layout";
import { settings, type JewelSettings } from "./settings";

export default defineTheme<JewelSettings>({
  manifest: {
    id: "jewel",
    name: { en: "Jewel", ur: "جوہر" },
    description: {
      en: "Emerald and ruby, fine serif type and framed photos: for jewellery and crafts.",
      ur: "زمرد اور یاقوت کے رنگ، نفیس حروف اور فریم میں تصویریں: زیورات اور دستکاری کے لیے۔",
    },
    swatch: ["#0e2a25", "#d9b45a", "#6d1230"],
    preview: "docs/screenshots/jewel-en-home.jpg",
  },
  settings,
  Layout,
  pages: sharedPages({ Layout }),
});
