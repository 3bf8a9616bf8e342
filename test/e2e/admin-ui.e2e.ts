/**
 * Issue 15, section 6, last bullet, in Chromium on a 360 px phone in English and in Urdu: every
 * link, button and field of the admin is a 48 px tap target (its own box, or its label's), typed
 * text keeps clear of the fields' borders, and file pickers show our labelled button, not the
 * browser's. (Labels, ids, phone numbers and times in Urdu, back arrows and "SKU" are checked
 * over the rendered pages in test/admin-pages.test.ts.)
 */
import type { Locale } from "../../src/i18n";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerOrders, DEMO, launchBrowser, logIn, PHONE_360, platformUrl, shopUrl } from "./browser";

let browser: Browser;
let orderNumber = "";
beforeAll(async () => {
  browser = await launchBrowser();
  orderNumber = await customerOrders(browser, shopUrl(DEMO.shop, "/products/printed-kurta"), { choose: [/^L$/], zone: "Lahore" });
});
afterAll(async () => {
  await browser?.close();
});


async function sellerPage(): Promise<Page> {
  const context = await browser.newContext(PHONE_360);
  const page = await context.newPage();
  page.on("pageerror", (err) => {
    throw err;
  });
  await logIn(page, DEMO.login, DEMO.password);
  return page;
}

async function setLanguage(page: Page, locale: Locale) {
  await page.goto(platformUrl("/admin/account"));
  await page.locator(`input[name="locale"][value="${locale}"]`).check();
  // The account page's own form (the top bar has a one-tap switch to the same action).
  await page.locator('main form[action="/admin/account/language"] button.block').click();
  await page.waitForLoadState();
}

/** Every admin page a seller visits, with a product, an order and a content page in it. */
async function adminPages(page: Page): Promise<string[]> {
  const base = `/admin/${DEMO.shop}`;
  await page.goto(platformUrl(`${base}/products`));
  const product = await page.locator(".phead a").first().getAttribute("href");
  await page.goto(platformUrl(`${base}/orders`));
  const order = await page.locator(".olist a", { hasText: `#${orderNumber}` }).first().getAttribute("href");
  return [
    base,
    `${base}/products`,
    `${base}/products/new`,
    product!,
    `${base}/collections`,
    `${base}/collections/new`,
    `${base}/pages`,
    `${base}/pages/new`,
    `${base}/shop`,
    `${base}/settings`,
    `${base}/settings/zones`,
    `${base}/settings/payments`,
    `${base}/theme`,
    `${base}/csv`,
    `${base}/orders`,
    order!,
    `${order!}/slip`,
    `${base}/abandoned`,
    `${base}/customers`,
    `${base}/discounts`,
    `${base}/discounts/new`,
    `${base}/staff`,
    "/admin/account",
    "/admin/shops",
  ];
}

/**
 * The tap targets under 48 px on the page: every visible link, button, summary, field and
 * select. A checkbox or radio (or a visually hidden file input) counts its label's box, which
 * is what the finger hits. Excluded, by reason: links inside running text (a sentence in a p or
 * li with more words than the link; they are read, not aimed at, and WCAG 2.5.8 exempts them).
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.visibility !== "hidden" && s.display !== "none" && (r.width > 0 || r.height > 0);
    };
    const inRunningText = (el: Element) => {
      if (el.tagName !== "A") return false;
      const p = el.parentElement;
      if (!p || !["P", "LI", "SPAN", "SMALL", "TD"].includes(p.tagName)) return false;
      return (p.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 2;
    };
    const labelOf = (el: Element): Element | null => {
      const wrap = el.closest("label");
      if (wrap) return wrap;
      return el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    };
    // A file picker shows no browser button (it would speak the browser's language): its input is
    // hidden but focusable and its label is the button.
    for (const el of document.querySelectorAll<HTMLInputElement>("input[type=file]")) {
      const r = el.getBoundingClientRect();
      if (r.width > 1 || r.height > 1 || getComputedStyle(el).display === "none" || el.tabIndex < 0) out.push(`input[file] "${el.name}" shows the browser's button or cannot be focused`);
      if (!labelOf(el)?.classList.contains("btn")) out.push(`input[file] "${el.name}" has no button label`);
    }
    // Typed text keeps clear of the field's borders on both sides (Urdu's letters reach further than Latin).
    for (const el of document.querySelectorAll<HTMLElement>("input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]):not([type=color]), select, textarea")) {
      if (!visible(el)) continue;
      const s = getComputedStyle(el);
      const start = parseFloat(s.paddingInlineStart);
      const end = parseFloat(s.paddingInlineEnd);
      if (start < 10 || end < 10) out.push(`${el.tagName.toLowerCase()} "${(el as HTMLInputElement).name}" padding-inline ${start}/${end}px`);
    }
    for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary")) {
      if (el instanceof HTMLInputElement && el.type === "hidden") continue;
      const own = el.getBoundingClientRect();
      const label = el instanceof HTMLInputElement ? labelOf(el) : null;
      const shown = visible(el) && own.width > 2 && own.height > 2;
      if (!shown && !(label && visible(label))) continue;
      if (inRunningText(el)) continue;
      const height = Math.max(shown ? own.height : 0, label && visible(label) ? label.getBoundingClientRect().height : 0);
      if (height < 47.5) {
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? (el as HTMLInputElement).name ?? "").trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ""} "${name}" ${Math.round(height)}px`);
      }
    }
    return out;
  });
}

describe("the admin on a 360 px phone", { timeout: 300_000 }, () => {
  for (const locale of ["en", "ur"] as const) {
    it(`every link, button and field is at least 48 px tall, typed text clear of the borders, file pickers in the page's language (${locale})`, async () => {
      const page = await sellerPage();
      try {
        if (locale === "ur") await setLanguage(page, "ur");
        const found: string[] = [];
        for (const path of await adminPages(page)) {
          const res = await page.goto(platformUrl(path));
          expect(res?.status(), path).toBe(200);
          expect(await page.locator("html").getAttribute("dir"), path).toBe(locale === "ur" ? "rtl" : "ltr");
          expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
          for (const s of await smallTargets(page)) found.push(`${path}: ${s}`);
          if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${locale}-${path.replace(/\W+/g, "_")}.png`, fullPage: true });
        }
        expect(found).toEqual([]);
      } finally {
        if (locale === "ur") await setLanguage(page, "en");
        await page.context().close();
      }
    });
  }
});

