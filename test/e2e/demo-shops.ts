/** The demo shops of each theme, in English and in Urdu, as scripts/seed.mjs seeds them (browser tests, Lighthouse, screenshots). */
export const DEMO_SHOPS = [
  { theme: "classic", slug: "demo", urdu: "demo-urdu" },
  { theme: "bazaar", slug: "demo-bazaar", urdu: "demo-bazaar-ur" },
  { theme: "minimal", slug: "demo-minimal", urdu: "demo-minimal-ur" },
  { theme: "bakery", slug: "demo-bakery", urdu: "demo-bakery-ur" },
  { theme: "jewel", slug: "demo-jewel", urdu: "demo-jewel-ur" },
] as const;
