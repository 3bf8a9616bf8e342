import { z } from "zod";
import { withContrast } from "../../src/storefront/theme-settings";
import { COMMON_PAIRS, commonSettings } from "../_shared/settings";

/** Boutique: warm ivory, deep maroon, serif type. */
export const settings = withContrast(
  z.object(
    commonSettings({
      background: "#fffaf5",
      text: "#1c1917",
      primary: "#7c2d12",
      primaryText: "#ffffff",
      font: "serif",
      productsPerRow: 4,
      cardAspect: "portrait",
      homeSections: ["banner", "featured", "newArrivals", "collections"],
    }),
  ),
  COMMON_PAIRS,
);

export type ClassicSettings = z.infer<typeof settings>;
