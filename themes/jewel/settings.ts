import { z } from "zod";
import { setting, withContrast } from "../../src/storefront/theme-settings";
import { COMMON_PAIRS, commonSettings } from "../_shared/settings";

/** Jewel: deep emerald ground, ivory ink, gold buttons, a ruby band; a fine display serif. */
export const settings = withContrast(
  z.object({
    ...commonSettings({
      background: "#0e2a25",
      text: "#f6efdf",
      primary: "#d9b45a",
      primaryText: "#1b1408",
      font: "display",
      productsPerRow: 3,
      cardAspect: "portrait",
      homeSections: ["banner", "newArrivals", "featured", "collections"],
    }),
    accent: setting.colour("#6d1230", { en: "Banner colour", ur: "بینر کا رنگ" }),
    accentText: setting.colour("#fbeedd", { en: "Banner text colour", ur: "بینر کی تحریر کا رنگ" }),
  }),
  [...COMMON_PAIRS, ["accentText", "accent"]],
);

export type JewelSettings = z.infer<typeof settings>;
