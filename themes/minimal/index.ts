/** Minimal: black on white, a tidy list of products (manifest here; Layout, CSS and settings beside it). */
import { defineTheme } from "../../src/storefront/theme";
import { sharedPages } from "../_shared/pages";
import { cardSizes } from "./css";
import { Layout } from "./Layout";
import { settings, type MinimalSettings } from "./settings";

export default defineTheme<MinimalSettings>({
  manifest: {
    id: "minimal",
    name: { en: "Minimal", ur: "سادہ" },
    description: {
      en: "Black on white, a tidy list of products: a catalogue for any shop.",
      ur: "سفید پر سیاہ، مصنوعات کی صاف فہرست: ہر دکان کے لیے کیٹلاگ۔",
    },
    swatch: ["#ffffff", "#111111", "#d4d4d4"],
    preview: "docs/screenshots/minimal-en-home.jpg",
  },
  settings,
  Layout,
  pages: sharedPages({ Layout, cardSizes }),
});
