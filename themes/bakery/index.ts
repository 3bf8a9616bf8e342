/** Bakery: warm and friendly, for home bakers and caterers (manifest here; Layout, CSS and settings beside it). */
import { defineTheme } from "../../src/storefront/theme";
import { sharedPages } from "../_shared/pages";
import { Layout } from "./Layout";
import { settings, type BakerySettings } from "./settings";

export default defineTheme<BakerySettings>({
  manifest: {
    id: "bakery",
    name: { en: "Bakery", ur: "بیکری" },
    description: {
      en: "Warm and friendly, rounded cards and big prices: for home bakers and caterers.",
      ur: "گرم جوش اور دوستانہ، گول کارڈ اور بڑی قیمتیں: گھریلو بیکرز اور کیٹررز کے لیے۔",
    },
    swatch: ["#fff8f1", "#b3264a", "#fde4e1"],
    preview: "docs/screenshots/bakery-en-home.jpg",
  },
  settings,
  Layout,
  pages: sharedPages({ Layout }),
});
