/** Where visitors came from, and which requests are a person's page view: table-driven. */
import { describe, expect, it } from "vitest";
import { isPageView } from "./count-visits";
import { SOURCE_RULES, SOURCES, visitSource, type Source } from "./sources";

const SHOP = "ayesha.hatti.pk";

describe("visitSource", () => {
  const cases: [string, string | undefined, string | undefined, Source | null][] = [
    // [what, referrer, utm_source, source]
    ["no referrer, no tag", undefined, undefined, "direct"],
    ["an empty referrer", "", undefined, "direct"],
    ["wa.me", "https://wa.me/", undefined, "whatsapp"],
    ["api.whatsapp.com", "https://api.whatsapp.com/send?phone=923001234567", undefined, "whatsapp"],
    ["web.whatsapp.com", "https://web.whatsapp.com/", undefined, "whatsapp"],
    ["WhatsApp's Android app", "android-app://com.whatsapp/", undefined, "whatsapp"],
    ["WhatsApp Business's Android app", "android-app://com.whatsapp.w4b/", undefined, "whatsapp"],
    ["utm_source=whatsapp", undefined, "whatsapp", "whatsapp"],
    ["utm_source=WhatsApp with spaces", undefined, "  WhatsApp ", "whatsapp"],
    ["utm_source=wa", undefined, "wa", "whatsapp"],
    ["the tag wins over the referrer", "https://www.google.com/", "whatsapp", "whatsapp"],
    ["instagram.com", "https://www.instagram.com/", undefined, "instagram"],
    ["l.instagram.com (link shim)", "https://l.instagram.com/", undefined, "instagram"],
    ["utm_source=ig", undefined, "ig", "instagram"],
    ["facebook.com", "https://www.facebook.com/", undefined, "facebook"],
    ["m.facebook.com", "https://m.facebook.com/", undefined, "facebook"],
    ["lm.facebook.com (link shim)", "https://lm.facebook.com/l.php?u=x", undefined, "facebook"],
    ["fb.me", "https://fb.me/abc", undefined, "facebook"],
    ["utm_source=fb", undefined, "fb", "facebook"],
    ["Facebook's Android app", "android-app://com.facebook.katana/", undefined, "facebook"],
    ["google.com", "https://www.google.com/", undefined, "google"],
    ["google.com.pk", "https://www.google.com.pk/", undefined, "google"],
    ["Google's Android search app", "android-app://com.google.android.googlequicksearchbox/", undefined, "google"],
    ["utm_source=google", undefined, "google", "google"],
    ["a look-alike is not Google", "https://google.com.evil.example/", undefined, "other"],
    ["a look-alike is not WhatsApp", "https://notwa.me/", undefined, "other"],
    ["whatsapp.com inside another host is not WhatsApp", "https://whatsapp.com.example.org/", undefined, "other"],
    ["another site", "https://daraz.pk/some/page", undefined, "other"],
    ["an unknown tag", undefined, "newsletter", "other"],
    ["a referrer that is no URL", "not a url", undefined, "other"],
    ["the shop itself: a visit already counted", `https://${SHOP}/collections/lawn`, undefined, null],
    ["the shop itself, even with a tag", `https://${SHOP}/`, "whatsapp", null],
    ["another shop on the platform", "https://other.hatti.pk/", undefined, "other"],
  ];
  it.each(cases)("%s", (_what, referrer, utm, source) => {
    expect(visitSource(referrer, utm, SHOP)).toBe(source);
  });

  it("has one rule a named source, each a source the dashboard knows", () => {
    const named = SOURCE_RULES.map((r) => r.source);
    expect(new Set(named).size).toBe(named.length);
    expect(named.every((s) => SOURCES.includes(s))).toBe(true);
    expect(named.sort()).toEqual(SOURCES.filter((s) => s !== "other" && s !== "direct").sort());
  });
});

describe("isPageView", () => {
  const ANDROID = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
  const INSTAGRAM = `${ANDROID} Instagram 312.0.0.32.112 Android`;
  const FACEBOOK = `${ANDROID} [FB_IAB/FB4A;FBAV/450.0.0.41.108;]`;
  const cases: [string, Record<string, string>, boolean][] = [
    ["Chrome on Android", { "user-agent": ANDROID }, true],
    ["Chrome, a navigation", { "user-agent": ANDROID, "sec-fetch-dest": "document" }, true],
    ["Instagram's in-app browser", { "user-agent": INSTAGRAM }, true],
    ["Facebook's in-app browser", { "user-agent": FACEBOOK }, true],
    ["no user agent", {}, false],
    ["Googlebot", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }, false],
    ["WhatsApp's link preview", { "user-agent": "WhatsApp/2.24.1.6 A" }, false],
    ["Facebook's link preview", { "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" }, false],
    ["curl", { "user-agent": "curl/8.5.0" }, false],
    ["Headless Chrome", { "user-agent": "Mozilla/5.0 HeadlessChrome/120.0.0.0 Safari/537.36" }, false],
    ["a prefetch (Chrome)", { "user-agent": ANDROID, "sec-purpose": "prefetch" }, false],
    ["a prerender (Chrome)", { "user-agent": ANDROID, "sec-purpose": "prefetch;prerender" }, false],
    ["a prefetch (older)", { "user-agent": ANDROID, purpose: "prefetch" }, false],
    ["a prefetch (Firefox)", { "user-agent": ANDROID, "x-moz": "prefetch" }, false],
    ["a script's fetch of the page", { "user-agent": ANDROID, "sec-fetch-dest": "empty" }, false],
    ["a page in an iframe", { "user-agent": ANDROID, "sec-fetch-dest": "iframe" }, false],
  ];
  it.each(cases)("%s", (_what, headers, expected) => {
    expect(isPageView(new Headers(headers))).toBe(expected);
  });
});
