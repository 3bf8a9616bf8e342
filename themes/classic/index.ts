import { defineTheme } from "../../src/storefront/theme";
import { settings, type ClassicSettings } from "./settings";
import { Home } from "./Home";
import { Layout } from "./Layout";
import { NotFound } from "./NotFound";

export default defineTheme<ClassicSettings>({
  manifest: {
    id: "classic",
    name: { en: "Classic", ur: "کلاسک" },
    description: {
      en: "Clean and calm, for clothing and jewellery.",
      ur: "صاف اور پرسکون، کپڑوں اور زیورات کے لیے۔",
    },
    swatch: ["#fffaf5", "#7c2d12", "#b45309"],
  },
  settings,
  Layout,
  pages: { home: Home, notFound: NotFound },
});
