/** Boutique (id "classic"): clean and calm, with elegant type, for clothing and jewellery (manifest here; Layout, CSS and settings beside it). */
import { defineTheme } from "../../src/storefront/theme";
import { sharedPages } from "../_shared/pages";
import { Layout } from "./Layout";
import { settings, type ClassicSettings } from "./settings";

export default defineTheme<ClassicSettings>({
  manifest: {
    id: "classic",
    name: { en: "Boutique", ur: "بوتیک" },
    description: {
      en: "Clean and calm, with elegant type: for clothing and jewellery.",
      ur: "صاف، پرسکون اور نفیس: کپڑوں اور زیورات کے لیے۔",
    },
    swatch: ["#fffaf5", "#7c2d12", "#1c1917"],
    preview: "docs/screenshots/classic-en-home.jpg",
  },
  settings,
  Layout,
  pages: sharedPages({ Layout }),
});
