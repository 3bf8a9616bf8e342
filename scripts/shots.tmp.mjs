import { chromium } from "playwright-core";
import sharp from "sharp";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await b.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
const p = await ctx.newPage();
const slugs = process.argv.slice(2);
const tiles = [];
for (const s of slugs) {
  const [slug, path = "/"] = s.split(":");
  await p.goto(`http://${slug}.localhost:8791${path}`, { waitUntil: "networkidle" });
  tiles.push(await p.screenshot({ fullPage: false }));
}
await sharp({ create: { width: 400 * tiles.length, height: 844, channels: 3, background: "#888" } }).composite(tiles.map((t, i) => ({ input: t, left: i * 400, top: 0 }))).png().toFile("/tmp/art/shots.png");
await b.close();
