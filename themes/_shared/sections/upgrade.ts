/**
 * Settings stored before sections (a fixed list `homeSections: ["banner", "featured", ...]` and
 * the banner's own fields at the top level) read as section instances, so shops saved then and
 * the seeds render as they did. Applied on every read of stored settings (the storefront's
 * resolveTheme, the theme editor) and to a theme's legacy defaults.
 */
import type { SectionInstance } from "../../../src/storefront/section";
import type { Theme } from "../../../src/storefront/theme";

/** The old fixed sections and what each became. */
const LEGACY: Record<string, (old: Record<string, unknown>) => SectionInstance> = {
  banner: (old) => ({
    type: "image-banner",
    settings: { image: old.bannerImage ?? null, heading: old.bannerText ?? "", text: old.bannerSubtext ?? "" },
  }),
  featured: () => ({ type: "featured-collection", settings: { collection: "", limit: 8 } }),
  newArrivals: () => ({ type: "newest", settings: { limit: 12 } }),
  collections: () => ({ type: "collection-list", settings: {} }),
};

const OLD_KEYS = ["homeSections", "bannerImage", "bannerText", "bannerSubtext"];

/** The old fixed list as instances (unknown names are dropped). */
export function legacySections(names: readonly string[], old: Record<string, unknown> = {}): SectionInstance[] {
  return names.flatMap((n) => (LEGACY[n] ? [LEGACY[n](old)] : []));
}

/**
 * Stored settings in the current shape: old keys become `sections` (unless it is there already)
 * and are dropped. `defaults` is the theme's default list, which a shop that never saved the old
 * list had (its banner fields then go into the list's first banner).
 */
export function upgradeSettings(stored: unknown, defaults: () => readonly SectionInstance[]): Record<string, unknown> {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const old = stored as Record<string, unknown>;
  if (!OLD_KEYS.some((k) => k in old)) return old;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(old)) if (!OLD_KEYS.includes(k)) out[k] = v;
  if ("sections" in old) return out;
  if (Array.isArray(old.homeSections)) {
    out.sections = legacySections(old.homeSections.filter((n): n is string => typeof n === "string"), old);
  } else {
    const banner = LEGACY.banner!(old);
    let patched = false;
    out.sections = defaults().map((i) => {
      if (patched || i.type !== banner.type) return i;
      patched = true;
      return { type: i.type, settings: { ...i.settings, ...banner.settings } };
    });
  }
  return out;
}

/** A theme's stored settings in the current shape (its default list from its own schema). */
export function storedSettings(theme: Theme, stored: unknown): Record<string, unknown> {
  return upgradeSettings(stored, () => (theme.settings.parse({}) as { sections?: SectionInstance[] }).sections ?? []);
}
