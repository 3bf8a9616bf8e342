import { z } from "zod";
import { setting, withContrast } from "../../src/storefront/theme-settings";
import { COMMON_PAIRS, commonSettings } from "../_shared/settings";

/** Bakery: warm cream, cocoa ink, raspberry buttons, a strawberry-milk banner, rounded type. */
export const settings = withContrast(
  z.object({
    ...commonSettings({
      background: "#fff8f1",
      text: "#3a2317",
      primary: "#b3264a",
      primaryText: "#ffffff",
      font: "humanist",
      productsPerRow: 3,
      cardAspect: "square",
      homeSections: ["banner", "featured", "collections", "newArrivals"],
    }),
    accent: setting.colour("#fde4e1", { en: "Banner colour", ur: "بینر کا رنگ" }),
    accentText: setting.colour("#5c1f14", { en: "Banner text colour", ur: "بینر کی تحریر کا رنگ" }),
  }),
  [...COMMON_PAIRS, ["accentText", "accent"]],
);

export type BakerySettings = z.infer<typeof settings>;
