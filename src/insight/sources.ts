/**
 * Where a storefront visitor came from: one table of rules, read against the page's
 * `utm_source` first (a link the seller tagged says what it is) and else the referrer's host.
 * No referrer is "direct"; the shop's own host is a page of a visit already counted (null).
 */

/** The sources, in the dashboard's order. */
export const SOURCES = ["whatsapp", "instagram", "facebook", "google", "other", "direct"] as const;
export type Source = (typeof SOURCES)[number];

interface Rule {
  source: Source;
  /** A `utm_source` value (lowercased). */
  utm: RegExp;
  /** A referrer's host (lowercased; an Android app's referrer `android-app://com.whatsapp/` gives "com.whatsapp"). */
  host: RegExp;
}

/** The rules, first match wins. */
export const SOURCE_RULES: readonly Rule[] = [
  { source: "whatsapp", utm: /^(whatsapp|wa|whatsapp[-_ ]?(status|group|channel|business))$/, host: /(^|\.)(wa\.me|whatsapp\.com|whatsapp\.net)$|^com\.whatsapp(\.w4b)?$/ },
  { source: "instagram", utm: /^(instagram|ig|insta)$/, host: /(^|\.)(instagram\.com)$|^com\.instagram\.android$/ },
  { source: "facebook", utm: /^(facebook|fb|meta|messenger)$/, host: /(^|\.)(facebook\.com|fb\.com|fb\.me|messenger\.com)$|^com\.facebook\.(katana|orca|lite)$/ },
  { source: "google", utm: /^(google|google[-_ ]?ads|gmb|google[-_ ]?business)$/, host: /(^|\.)google\.[a-z]{2,3}(\.[a-z]{2})?$|^com\.google\.android\.(googlequicksearchbox|gm)$/ },
];

const matching = (value: string, key: "utm" | "host"): Source | null => {
  for (const rule of SOURCE_RULES) if (rule[key].test(value)) return rule.source;
  return null;
};

/** The referrer's host (an app's package name for `android-app://`), lowercased; null when it is no URL. */
function referrerHost(referrer: string): string | null {
  try {
    return new URL(referrer).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * The source of a page view, or null when it continues a visit on the shop itself (its referrer
 * is the shop's own host) and is not counted again.
 */
export function visitSource(referrer: string | undefined, utmSource: string | undefined, shopHost: string): Source | null {
  const host = referrer ? referrerHost(referrer) : null;
  if (host && host === shopHost.toLowerCase().replace(/:\d+$/, "")) return null;
  const utm = utmSource?.trim().toLowerCase().slice(0, 40);
  if (utm) return matching(utm, "utm") ?? "other";
  if (!referrer) return "direct";
  if (!host) return "other";
  return matching(host, "host") ?? "other";
}
