/**
 * The theme registry. A theme is one folder under themes/; list it here.
 * themes/themes.test.ts fails when a folder under themes/ is missing from this list.
 */
import type { Theme } from "../src/storefront/theme";
import bakery from "./bakery";
import bazaar from "./bazaar";
import classic from "./classic";
import jewel from "./jewel";
import minimal from "./minimal";

export const THEMES: readonly Theme[] = [classic, bazaar, minimal, bakery, jewel];

const DEFAULT_THEME_ID = "classic";

export function themeById(id: string): Theme {
  return THEMES.find((t) => t.manifest.id === id) ?? THEMES.find((t) => t.manifest.id === DEFAULT_THEME_ID)!;
}

export function isThemeId(id: string): boolean {
  return THEMES.some((t) => t.manifest.id === id);
}
