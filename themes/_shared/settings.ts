/**
 * The settings every theme offers, built with `setting.*` so the admin can draw the form from
 * the schema. A theme passes its own defaults and may add fields of its own.
 */
import { MAX_PRODUCT_SECTIONS, productPageDefs, type SectionDef, type SectionInstance } from "../../src/storefront/section";
import { setting } from "../../src/storefront/theme-settings";
import { FONT_CHOICES, FONT_LABELS, type FontChoice } from "./fonts";
import { SECTIONS } from "./sections";
import { legacySections } from "./sections/upgrade";

export interface CommonDefaults {
  background: string;
  text: string;
  primary: string;
  primaryText: string;
  font: FontChoice;
  productsPerRow: number;
  /** The home page's default sections, in order. */
  sections?: SectionInstance[];
  /** The default as the fixed list of before sections ("banner", "featured", "newArrivals", "collections"). */
  homeSections?: string[];
  /** The section types the theme offers (default: every shared one); a theme may add its own. */
  offers?: readonly SectionDef[];
  cardAspect: CardAspect;
}

/** The shapes card photos can take (the seller's choice per theme; CSS: .ar-* in base-css.ts). */
const CARD_ASPECTS = ["square", "portrait", "natural"] as const;
type CardAspect = (typeof CARD_ASPECTS)[number];
const CARD_ASPECT_LABELS: Record<CardAspect, { en: string; ur: string }> = {
  square: { en: "Square", ur: "مربع" },
  portrait: { en: "Portrait (4:5)", ur: "عمودی (4:5)" },
  natural: { en: "As photographed", ur: "جیسی تصویر ہے" },
};

export function commonSettings(d: CommonDefaults) {
  return {
    background: setting.colour(d.background, { en: "Background colour", ur: "پس منظر کا رنگ" }),
    text: setting.colour(d.text, { en: "Text colour", ur: "تحریر کا رنگ" }),
    primary: setting.colour(d.primary, { en: "Button colour", ur: "بٹن کا رنگ" }),
    primaryText: setting.colour(d.primaryText, { en: "Button text colour", ur: "بٹن کی تحریر کا رنگ" }),
    font: setting.choice(FONT_CHOICES, d.font, { en: "Font", ur: "فونٹ" }, FONT_LABELS),
    logo: setting.image({ en: "Logo", ur: "لوگو" }),
    announcement: setting.text("", 120, { en: "Announcement bar", ur: "اعلان کی پٹی" }),
    sections: setting.sections(d.offers ?? SECTIONS, d.sections ?? legacySections(d.homeSections ?? []), {
      en: "Home page sections, in order",
      ur: "ہوم پیج کے حصے، ترتیب سے",
    }),
    // Below the buy box: only types that read nothing from D1 (the page stays one statement);
    // none by default, so a shop's product page stays as it was until she adds some.
    productSections: setting.sections(
      productPageDefs(d.offers ?? SECTIONS),
      [],
      { en: "Product page sections, below the buy box", ur: "پروڈکٹ پیج کے حصے، خریدنے کے بٹن کے نیچے" },
      { max: MAX_PRODUCT_SECTIONS, tooMany: "sections.productTooMany" },
    ),
    productsPerRow: setting.number(2, 5, d.productsPerRow, { en: "Products per row (large screens)", ur: "ایک قطار میں مصنوعات (بڑی اسکرین)" }),
    cardAspect: setting.choice(CARD_ASPECTS, d.cardAspect, { en: "Product photo shape on cards", ur: "کارڈ پر تصویر کی شکل" }, CARD_ASPECT_LABELS),
  };
}

/** The colour pairs (foreground, background) every theme must keep at 4.5:1. */
export const COMMON_PAIRS = [
  ["text", "background"],
  ["primaryText", "primary"],
] as const;
