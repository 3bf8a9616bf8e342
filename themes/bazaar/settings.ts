import { z } from "zod";
import { setting, withContrast } from "../../src/storefront/theme-settings";
import { COMMON_PAIRS, commonSettings } from "../_shared/settings";
import { SECTIONS } from "../_shared/sections";
import offer from "./offer";

/** Bazaar: warm cream, saffron-orange buttons, a deep green banner, big rounded type. */
export const settings = withContrast(
  z.object({
    ...commonSettings({
      background: "#fff8ec",
      text: "#231a0e",
      primary: "#b93d0b",
      primaryText: "#ffffff",
      font: "rounded",
      productsPerRow: 4,
      cardAspect: "square",
      homeSections: ["banner", "collections", "featured", "newArrivals"],
      // Every shared section, and its own offer strip.
      offers: [...SECTIONS, offer],
    }),
    accent: setting.colour("#14532d", { en: "Banner colour", ur: "بینر کا رنگ" }),
    accentText: setting.colour("#fef9c3", { en: "Banner text colour", ur: "بینر کی تحریر کا رنگ" }),
  }),
  [...COMMON_PAIRS, ["accentText", "accent"]],
);

export type BazaarSettings = z.infer<typeof settings>;
