/**
 * Issue 15, section 5 and the slip of section 6, in Chromium on a 360 px phone: the dashboard's
 * share card copies the shop's link and sends the right WhatsApp text; its QR poster shows the
 * QR (the Worker's SVG, drawn at size) and is right to left for an Urdu shop; the packing slip's
 * "Share as image" hands the share sheet a PNG (navigator.share stubbed in the page to catch it).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerOrders, DEMO, launchBrowser, logIn, PHONE_360, platformUrl, shopUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function sellerPage(): Promise<Page> {
  const context = await browser.newContext(PHONE_360);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: platformUrl("/").replace(/\/$/, "") });
  const page = await context.newPage();
  page.on("pageerror", (err) => {
    throw err;
  });
  await logIn(page, DEMO.login, DEMO.password);
  return page;
}

const fitsThePhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function qrDrawn(page: Page) {
  const qr = page.locator("img.qr");
  await qr.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>("img.qr");
    return !!img && img.complete && img.naturalWidth > 0;
  });
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThan(250);
  expect(Math.abs(box.width - box.height)).toBeLessThan(1);
}

describe("sharing the shop at 360 px", () => {
  it("copies the shop's link, sends the right WhatsApp text, and opens a poster whose QR is drawn", async () => {
    const page = await sellerPage();
    await page.goto(platformUrl(`/admin/${DEMO.shop}`));
    const card = page.locator("section.share");
    const link = shopUrl(DEMO.shop, "/").replace(/\/$/, "");
    await expect.poll(() => card.locator("#share-link").inputValue()).toBe(link);
    const copy = card.getByRole("button", { name: "Copy link" });
    await copy.click();
    await expect.poll(() => card.locator("#share-link-status").textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    for (const target of [copy, card.locator("#share-link"), card.getByRole("link", { name: "Share on WhatsApp" }), card.getByRole("link", { name: "QR code / poster" })])
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    const wa = new URL((await card.getByRole("link", { name: "Share on WhatsApp" }).getAttribute("href"))!);
    expect(wa.origin + wa.pathname).toBe("https://wa.me/");
    expect(wa.searchParams.get("text")).toBe(`Visit Ayesha's Closet, my online shop:\n${link}`);
    expect(await fitsThePhone(page)).toBe(true);

    await card.getByRole("link", { name: "QR code / poster" }).click();
    await page.waitForURL(/\/poster$/);
    await qrDrawn(page);
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    await expect.poll(() => page.locator(".poster .scan").textContent()).toBe("Scan to shop");
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(true);
    expect(await fitsThePhone(page)).toBe(true);
    await page.context().close();
  });

  it("prints the Urdu shop's poster right to left, its address and number left to right", async () => {
    const page = await sellerPage();
    await page.goto(platformUrl("/admin/demo-urdu/poster"));
    await qrDrawn(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("ur");
    expect(await page.locator("main.poster").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(await page.locator(".poster .scan").textContent()).toBe("خریداری کے لیے اسکین کریں");
    expect(await page.locator(".poster .addr bdi").evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    expect(await page.locator(".poster h1").textContent()).toBe("زینب بوتیک");
    // The seller reads English: the toolbar is hers, left to right.
    expect(await page.locator("nav.toolbar").evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    expect(await fitsThePhone(page)).toBe(true);
    await page.context().close();
  });
});


describe("the packing slip as an image", () => {
  it("hands the share sheet a PNG of the slip", async () => {
    const number = await customerOrders(browser, shopUrl(DEMO.shop, "/products/printed-kurta"), { choose: [/^L$/], zone: "Lahore" });
    const page = await sellerPage();
    // The phone's share sheet, stubbed: it keeps what it was given.
    await page.addInitScript(() => {
      const w = window as unknown as { shared?: unknown };
      Object.defineProperty(navigator, "canShare", { configurable: true, value: (data: { files?: File[] }) => !!data?.files?.length });
      Object.defineProperty(navigator, "share", {
        configurable: true,
        value: async (data: { files: File[] }) => {
          const f = data.files[0]!;
          const bitmap = await createImageBitmap(f);
          w.shared = { name: f.name, type: f.type, size: f.size, head: [...new Uint8Array(await f.slice(0, 4).arrayBuffer())], width: bitmap.width, height: bitmap.height };
        },
      });
    });
    await page.goto(platformUrl(`/admin/${DEMO.shop}/orders`));
    const orderHref = (await page.locator(".olist a", { hasText: `#${number}` }).first().getAttribute("href"))!;
    await page.goto(platformUrl(`${orderHref}/slip`));
    const button = page.getByRole("button", { name: "Share as image" });
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await button.click();
    await page.waitForFunction(() => !!(window as unknown as { shared?: unknown }).shared);
    const shared = (await page.evaluate(() => (window as unknown as { shared: Record<string, unknown> }).shared)) as { name: string; type: string; size: number; head: number[]; width: number; height: number };
    expect(shared.name).toBe(`order-${number}.png`);
    expect(shared.type).toBe("image/png");
    expect(shared.size).toBeGreaterThan(5_000);
    expect(shared.head).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(shared.width).toBe(720);
    expect(shared.height).toBeGreaterThan(700);
    // And the printable page's link, copied.
    await page.getByRole("button", { name: "Copy link" }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^${shopUrl(DEMO.shop, "/orders/").replace(/[.]/g, "\\.")}[A-Za-z0-9_-]{22,}/slip$`));
    await page.context().close();
  });
});
