/** Bazaar: bold colours and big buttons, for food, spices and home goods (manifest here; Layout, CSS and settings beside it). */
import { defineTheme } from "../../src/storefront/theme";
import { sharedPages } from "../_shared/pages";
import { Layout } from "./Layout";
import { settings, type BazaarSettings } from "./settings";

export default defineTheme<BazaarSettings>({
  manifest: {
    id: "bazaar",
    name: { en: "Bazaar", ur: "بازار" },
    description: {
      en: "Bold colours and big buttons: for food, spices and home goods.",
      ur: "شوخ رنگ اور بڑے بٹن: کھانے، مصالحوں اور گھریلو سامان کے لیے۔",
    },
    swatch: ["#fff8ec", "#b93d0b", "#14532d"],
    preview: "docs/screenshots/bazaar-en-home.jpg",
  },
  settings,
  Layout,
  pages: sharedPages({ Layout }),
});
