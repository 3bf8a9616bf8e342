import { z } from "zod";
import { withContrast } from "../../src/storefront/theme-settings";
import { COMMON_PAIRS, commonSettings } from "../_shared/settings";

/** Minimal: white paper, black ink, square corners; a catalogue list on phones. */
export const settings = withContrast(
  z.object(
    commonSettings({
      background: "#ffffff",
      text: "#111111",
      primary: "#111111",
      primaryText: "#ffffff",
      font: "sans",
      productsPerRow: 4,
      cardAspect: "natural",
      homeSections: ["banner", "newArrivals", "collections", "featured"],
    }),
  ),
  COMMON_PAIRS,
);

export type MinimalSettings = z.infer<typeof settings>;
