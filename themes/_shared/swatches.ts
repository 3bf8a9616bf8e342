/**
 * Colour swatches for a product's colour option (named Colour, Color or رنگ): a value whose name
 * says a colour we know ("Rose", "Navy blue", "سبز") gets a small chip of it beside its name.
 * One list of names (English and Urdu), read word by word: "Dark green" and "Sea green" are green.
 */
const COLOUR_OPTION = /^\s*(colou?rs?|shades?|رنگ)\s*$/i;

const COLOURS = new Map<string, string>(Object.entries({
  black: "#111111", white: "#ffffff", "off-white": "#f5f1e6", offwhite: "#f5f1e6", ivory: "#fffff0", cream: "#f3e9d2",
  grey: "#8a8a8a", gray: "#8a8a8a", silver: "#c0c0c0", charcoal: "#36454f",
  red: "#d32f2f", maroon: "#800000", rust: "#b7410e", pink: "#f48fb1", rose: "#e8a0a8", peach: "#ffcba4", coral: "#ff7f50",
  orange: "#f57c00", yellow: "#fbc02d", mustard: "#d4a017", gold: "#d4af37", golden: "#d4af37",
  green: "#2e7d32", olive: "#708238", mint: "#98d8c1", teal: "#008080", emerald: "#50c878", bottle: "#006a4e",
  blue: "#1e63c4", navy: "#1f2a52", sky: "#87ceeb", turquoise: "#30d5c8", ferozi: "#30d5c8", aqua: "#00bcd4",
  purple: "#6a1b9a", lilac: "#c8a2c8", lavender: "#b57edc", plum: "#8e4585", magenta: "#c2185b",
  brown: "#6d4c41", beige: "#e8d8b8", skin: "#e8c4a0", camel: "#c19a6b", tan: "#d2b48c", khaki: "#c3b091", fawn: "#e5aa70",
  // Urdu
  سیاہ: "#111111", کالا: "#111111", سفید: "#ffffff", کریم: "#f3e9d2", سرمئی: "#8a8a8a", چاندی: "#c0c0c0",
  لال: "#d32f2f", سرخ: "#d32f2f", مہرون: "#800000", گلابی: "#f48fb1", نارنجی: "#f57c00", پیلا: "#fbc02d", زرد: "#fbc02d",
  سنہرا: "#d4af37", سنہری: "#d4af37", سبز: "#2e7d32", ہرا: "#2e7d32", فیروزی: "#30d5c8", نیلا: "#1e63c4", آسمانی: "#87ceeb",
  جامنی: "#6a1b9a", بنفشی: "#b57edc", بھورا: "#6d4c41", بادامی: "#c19a6b", خاکی: "#c3b091",
}));

export const isColourOption = (name: string): boolean => COLOUR_OPTION.test(name);

/** The CSS colour a value's name says, or null: the whole name first, then word by word. */
export function swatchOf(value: string): string | null {
  const name = value.trim().toLowerCase();
  for (const word of [name, ...name.split(/[\s/,&+-]+/)]) {
    const c = COLOURS.get(word);
    if (c) return c;
  }
  return null;
}
