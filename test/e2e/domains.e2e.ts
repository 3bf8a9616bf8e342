/**
 * Issue 18's custom domain journey on a 360 px phone, against the real Worker (`wrangler dev`) and
 * the Cloudflare for SaaS sandbox (scripts/sandboxes/cloudflare.mjs), never the internet:
 *
 * 1. A seller signs up, opens her shop, finds "Your own domain" on the Shop tab and adds
 *    www.her-brand-<stamp>.pk.
 * 2. The queue (or the cron) creates it at the sandbox: her page shows the CNAME record to the
 *    fallback origin and the TXT record Cloudflare asked for, "Waiting for your DNS records".
 * 3. The sandbox validates it (as if her records were in place); the cron (GET /__scheduled,
 *    `wrangler dev --test-scheduled`) sees it active: her page says Live.
 * 4. A customer's phone opens http://www.her-brand-<stamp>.pk/ (the browser's requests to that
 *    host are sent to the local Worker with that Host header): it is her shop, whose canonical
 *    address is the custom domain; her old address still answers.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, PHONE_360, phonePage, platformUrl, port, shopUrl } from "./browser";
import { HttpClient } from "./http";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const phone = async (): Promise<Page> => (await phonePage(browser, { device: PHONE_360 })).page;
const plain = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();
const fitsThePhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

async function tap(target: Locator) {
  expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  await target.click();
}

/** The cron's next check of every domain made due now, in the served database (the test's clock). */
function makeDomainsDue(): void {
  const wrangler = path.join(import.meta.dirname, "..", "..", "node_modules", "wrangler", "bin", "wrangler.js");
  execFileSync(process.execPath, [wrangler, "d1", "execute", "DB", "--local", "--persist-to", inject("runtime"), "--command", "UPDATE shop_domains SET next_check = 0 WHERE status = 'pending'"], {
    stdio: "pipe",
    env: { ...process.env, CI: "1" },
  });
}

/**
 * The Worker's cron, once. Tried again when the pooled connection was closed while idle (the
 * server's keep-alive timeout passes during the database step above): the request never arrived.
 */
async function runCron(): Promise<void> {
  const url = platformUrl(`/__scheduled?cron=${encodeURIComponent("*/5 * * * *")}`);
  const res = await fetch(url).catch((err: { cause?: { code?: string } }) => {
    if (err.cause?.code !== "UND_ERR_SOCKET") throw err;
    return fetch(url);
  });
  expect(res.status).toBe(200);
}

describe("a custom domain on a phone", () => {
  it("she adds www.her-brand.pk, sees the records, the sandbox validates it, the cron activates it, and the domain serves her shop", async () => {
    const stamp = Date.now().toString(36);
    const slug = `noor-${stamp}`;
    const hostname = `www.her-brand-${stamp}.pk`;

    // 1. She signs up and opens her shop.
    const seller = await phone();
    await seller.goto(platformUrl("/signup"));
    await seller.getByLabel("Your name").fill("Noor Fatima");
    await seller.getByLabel("Mobile number or email").fill(`03${String(Date.now()).slice(-9)}`);
    await seller.getByLabel("Password").fill("her own domain 2026");
    await seller.getByRole("button", { name: "Create account" }).click();
    await seller.waitForURL(/\/start$/);
    await seller.getByLabel("Shop name").fill("Noor Lawn Collection");
    await seller.getByLabel("Shop address").fill(slug);
    await expect.poll(() => seller.locator("#slug-status").textContent(), { timeout: 15_000 }).toContain("is available");
    await seller.getByRole("button", { name: "Next" }).click();
    await seller.waitForURL(/\/start\/theme/);
    await seller.getByRole("radio").first().check();
    await seller.getByRole("button", { name: "Open my shop" }).click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/live$`));

    // The Shop tab's "Your own domain".
    await seller.goto(platformUrl(`/admin/${slug}/shop`));
    await tap(seller.getByRole("link", { name: "Your own domain" }));
    await seller.waitForURL(new RegExp(`/admin/${slug}/domain$`));
    const field = seller.getByLabel("Your domain");
    expect(await field.getAttribute("inputmode")).toBe("url");
    await field.fill(`https://${hostname.toUpperCase()}/`);
    await fitsThePhone(seller);
    await tap(seller.getByRole("button", { name: "Connect domain" }));
    await seller.waitForURL(/\/domain\?added=1$/);
    expect(plain(await seller.locator("main").textContent())).toContain("Added. Now add the records below at your domain company.");
    expect(plain(await seller.locator(".linkbox").textContent())).toBe(hostname);

    // 2. Created at the sandbox (the queue's job, else the cron): the CNAME and the TXT record.
    await expect
      .poll(
        async () => {
          await runCron();
          await seller.reload();
          return plain(await seller.locator("main").textContent());
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toContain("Waiting for your DNS records");
    const records = plain(await seller.locator(".records").innerText());
    expect(records).toContain(`CNAME Name ${hostname} Value shops.localhost`);
    expect(records).toContain(`TXT Name _cf-custom-hostname.${hostname}`);
    await fitsThePhone(seller);

    // 3. Her records are in place (the sandbox validates), and the cron sees it active.
    const validated = await fetch(`${inject("sandboxes").cloudflare}/__sandbox/validate?hostname=${hostname}`, { method: "POST" });
    expect(validated.status).toBe(200);
    makeDomainsDue();
    await runCron();
    await seller.reload();
    expect(plain(await seller.locator(".dstatus").textContent())).toBe("Live");
    expect(plain(await seller.locator("main").textContent())).toContain(`Your shop is live at https://${hostname}.`);

    // 4. A customer opens the domain: her shop, canonical on the custom domain.
    const http = new HttpClient(port());
    const customer = await phone();
    await customer.route(`http://${hostname}/**`, async (route) => {
      const url = new URL(route.request().url());
      const res = await http.get(hostname, url.pathname + url.search);
      await route.fulfill({ status: res.status, body: res.body, contentType: url.pathname.endsWith(".xml") ? "application/xml" : "text/html; charset=utf-8" });
    });
    await expect
      .poll(
        async () => {
          const res = await customer.goto(`http://${hostname}/`);
          return res?.status();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(200);
    expect(await customer.title()).toContain("Noor Lawn Collection");
    expect(await customer.locator('link[rel="canonical"]').getAttribute("href")).toBe(`https://${hostname}/`);
    await fitsThePhone(customer);
    // Her old address answers too, with the same canonical address.
    await expect
      .poll(async () => {
        await customer.goto(shopUrl(slug, "/"));
        return customer.locator('link[rel="canonical"]').getAttribute("href");
      }, { timeout: 10_000, interval: 500 })
      .toBe(`https://${hostname}/`);
    // Another host is still nobody's shop.
    expect((await http.get(`www.not-her-brand-${stamp}.pk`, "/")).status).toBe(400);
  });
});
