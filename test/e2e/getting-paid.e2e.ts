/**
 * Issue 17's "done when" browser journey, on 360 px phones against the real Worker (`wrangler dev`)
 * and the providers' local sandboxes (scripts/sandboxes: JazzCash and PostEx), never the internet:
 *
 * 1. A seller signs up, opens her shop, adds a product with stock, saves the JazzCash sandbox
 *    merchant (magic.json) on Gateways and a PostEx token and pickup address code on Couriers.
 * 2. A customer orders with "JazzCash (pay online: wallet or card)": "Place order" takes her
 *    straight to the sandbox's hosted page; she pays and comes back to her order page, which says
 *    the payment was received (no "Pay now" left); the seller's order page shows it paid.
 * 3. A second customer orders (cash on delivery).
 * 4. The seller confirms both orders and books PostEx for each from its "Book a courier" page: the
 *    cash to collect is prefilled with 0 for the paid order and the total for the unpaid one. The
 *    queue books them through the sandbox; the tracking number shows; "Print label" shows the order
 *    number, the tracking number and its barcode (an <svg>) on a page that fits the phone.
 * 5. The PostEx sandbox reports one tracking number delivered; the Worker's cron (GET /__scheduled,
 *    `wrangler dev --test-scheduled`) syncs it and the seller's order page says Delivered.
 */
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import magic from "../../scripts/sandboxes/magic.json";
import { launchBrowser, PHONE_360, phonePage, platformUrl, shopUrl } from "./browser";

const SHOTS = path.join(import.meta.dirname, "screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh 360 px phone whose page fails the test on any script error. */
const phone = async (): Promise<Page> => (await phonePage(browser, { device: PHONE_360 })).page;

/** Text with every run of white space (the currency's no-break space too) as one space. */
const plain = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

const fitsThePhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

async function tapTarget(target: Locator) {
  expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(48);
}

/** Taps `target` after checking it is a 48 px tap target. */
async function tap(target: Locator) {
  await tapTarget(target);
  await target.click();
}

const PRODUCT = "Handmade embroidered chiffon kurta with dupatta for weddings";
const PRICE = 4_500;
const CUSTOMERS = [
  { name: "Fatima Zahra", phone: "0333 4445566", city: "Karachi", address: "Flat 14, Block 13-D, Gulshan-e-Iqbal" },
  { name: "Ayesha Siddiqui", phone: "0321 5559876", city: "Lahore", address: "House 7, Street 2, Johar Town" },
] as const;

/** A customer orders the product with cash on delivery; returns her page (on her order), its number, URL and total in rupees. */
async function orderCod(slug: string, who: (typeof CUSTOMERS)[number]) {
  const customer = await phone();
  await customer.goto(shopUrl(slug, "/"));
  await customer.getByRole("link", { name: PRODUCT }).first().click();
  await customer.waitForURL(/\/products\//);
  await tap(customer.getByRole("button", { name: "Add to cart" }));
  await customer.waitForURL(/\/cart$/);
  await customer.getByRole("link", { name: "Checkout" }).click();
  await customer.waitForURL(/\/checkout$/);
  await customer.getByLabel("Full name").fill(who.name);
  await customer.getByLabel("Mobile number").fill(who.phone);
  await customer.getByLabel("City").fill(who.city);
  await customer.getByLabel("Full address (house, street, area)").fill(who.address);
  await customer.locator('input[name="zone"]').first().check();
  await customer.locator(".co-choice", { hasText: "Cash on delivery" }).locator("input").check();
  await tap(customer.getByRole("button", { name: "Place order" }));
  await customer.waitForURL(/\/orders\/[A-Za-z0-9_-]{20,}\?placed=1$/);
  const number = /#(\d+)/.exec(plain(await customer.getByRole("heading", { level: 1 }).textContent()))![1]!;
  const total = Number(plain(await customer.locator(".co-sum tr.total td").textContent()).replace(/[^\d]/g, ""));
  expect(total).toBeGreaterThanOrEqual(PRICE);
  return { customer, number, url: customer.url().replace("?placed=1", ""), total };
}

/** A customer orders the product paid online with `method` (its label at checkout): "Place order" takes her to the gateway's page. Returns her page and the total in rupees. */
async function orderOnline(slug: string, who: (typeof CUSTOMERS)[number], method: string) {
  const customer = await phone();
  await customer.goto(shopUrl(slug, "/"));
  await customer.getByRole("link", { name: PRODUCT }).first().click();
  await customer.waitForURL(/\/products\//);
  await tap(customer.getByRole("button", { name: "Add to cart" }));
  await customer.waitForURL(/\/cart$/);
  await customer.getByRole("link", { name: "Checkout" }).click();
  await customer.waitForURL(/\/checkout$/);
  await customer.getByLabel("Full name").fill(who.name);
  await customer.getByLabel("Mobile number").fill(who.phone);
  await customer.getByLabel("City").fill(who.city);
  await customer.getByLabel("Full address (house, street, area)").fill(who.address);
  await customer.locator('input[name="zone"]').first().check();
  const choice = customer.locator(".co-choice", { hasText: method });
  expect(plain(await choice.textContent())).toContain("After you place the order, you pay on");
  await choice.locator("input").check();
  const total = Number(plain(await customer.locator(".co-sum tr.total td").textContent()).replace(/[^\d]/g, ""));
  expect(total).toBeGreaterThanOrEqual(PRICE);
  await fitsThePhone(customer);
  await customer.screenshot({ path: path.join(SHOTS, "getting-paid-pay-online.png"), fullPage: true });
  await tap(customer.getByRole("button", { name: "Place order" }));
  return { customer, total };
}

describe("getting paid on phones: JazzCash, PostEx, a label, delivered", () => {
  it("a customer pays with JazzCash, the seller books PostEx for two orders, prints a label and the cron marks one delivered", async () => {
    const stamp = Date.now().toString(36);
    const sellerPhone = `03${String(Date.now()).slice(-9)}`;
    const slug = `sana-${stamp}`;
    const postexSandbox = inject("sandboxes").postex;

    // 1. She signs up, opens her shop and adds a product with stock.
    const seller = await phone();
    await seller.goto(platformUrl("/signup"));
    await seller.getByLabel("Your name").fill("Sana Malik");
    await seller.getByLabel("Mobile number or email").fill(sellerPhone);
    await seller.getByLabel("Password").fill("jazzcash postex 2026");
    await seller.getByRole("button", { name: "Create account" }).click();
    await seller.waitForURL(/\/start$/);
    await seller.getByLabel("Shop name").fill("Sana's Kurtas");
    await seller.getByLabel("Shop address").fill(slug);
    await expect.poll(() => seller.locator("#slug-status").textContent(), { timeout: 15_000 }).toContain("is available");
    await seller.getByRole("button", { name: "Next" }).click();
    await seller.waitForURL(/\/start\/theme/);
    await seller.getByRole("radio").first().check();
    await seller.getByRole("button", { name: "Open my shop" }).click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/live$`));

    await seller.goto(platformUrl(`/admin/${slug}/products/new`));
    await seller.getByLabel("Title").fill(PRODUCT);
    await seller.getByLabel("Price (Rs)").fill("4,500");
    await seller.getByLabel("Stock", { exact: true }).fill("12");
    await seller.getByRole("button", { name: "Save" }).first().click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/products/\\d+`));

    // Her JazzCash sandbox merchant.
    await seller.goto(platformUrl(`/admin/${slug}/gateways`));
    const merchant = magic.jazzcash.merchant;
    await seller.getByLabel("Merchant ID").fill(merchant.merchantId);
    await seller.getByLabel("Password").fill(merchant.password);
    await seller.getByLabel("Integrity salt").fill(merchant.salt);
    expect(await seller.getByLabel("Which JazzCash").inputValue()).toBe("sandbox");
    await fitsThePhone(seller);
    await tap(seller.getByRole("button", { name: "Save", exact: true }));
    await expect.poll(async () => plain(await seller.locator("main").textContent())).toContain('Customers now see "Pay now with JazzCash" on their unpaid orders.');
    // Only hints come back, never the secrets.
    expect(await seller.content()).not.toContain(merchant.salt);

    // Her PostEx account.
    await seller.goto(platformUrl(`/admin/${slug}/couriers/settings`));
    const postex = seller.locator("section.card").filter({ has: seller.getByRole("heading", { name: "PostEx", exact: true }) });
    await postex.getByLabel("API token").fill(`postex-token-${stamp}`);
    await postex.getByLabel("Pickup address code").fill("001");
    await fitsThePhone(seller);
    await tap(postex.getByRole("button", { name: "Save" }));
    await expect.poll(async () => plain(await seller.locator("main").textContent())).toContain("Saved.");
    expect(await seller.content()).not.toContain(`postex-token-${stamp}`);

    // 2. The first customer orders with JazzCash online: "Place order" takes her straight to the
    // hand-off page, which posts the signed form to JazzCash's (the sandbox's) hosted page.
    const online = await orderOnline(slug, CUSTOMERS[0], "JazzCash (pay online: wallet or card)");
    const customer = online.customer;
    await customer.waitForURL(/\/CustomerPortal\/transactionmanagement\/merchantform\/$/);
    expect(plain(await customer.locator("p").first().textContent())).toContain(`Pay Rs ${online.total.toFixed(2)} to ${merchant.merchantId}`);
    await tap(customer.getByRole("button", { name: "Pay", exact: true }));
    // JazzCash posts the signed return back to the shop, which sends her to her order page.
    await customer.waitForURL((u) => /\/orders\/[A-Za-z0-9_-]{20,}$/.test(u.pathname) && u.searchParams.get("payment") === "paid", { timeout: 30_000 });
    const first = { number: /#(\d+)/.exec(plain(await customer.getByRole("heading", { level: 1 }).textContent()))![1]! };
    const received = customer.locator("[data-payment=paid]");
    expect(plain(await received.textContent())).toBe("Thank you: your payment was received. The shop has been told.");
    expect(await customer.getByRole("button", { name: "Pay now with JazzCash" }).count()).toBe(0);
    await fitsThePhone(customer);
    await customer.screenshot({ path: path.join(SHOTS, "getting-paid-jazzcash-return.png"), fullPage: true });
    await customer.context().close();

    // The seller's order page shows it paid.
    await seller.goto(platformUrl(`/admin/${slug}/orders`));
    await seller.locator(".olist a", { hasText: `#${first.number}` }).click();
    await seller.waitForURL(/\/orders\/\d+$/);
    const firstAdmin = seller.url();
    const payment = seller.locator("section.card").filter({ has: seller.getByRole("heading", { name: "Payment" }) });
    expect(plain(await payment.locator("b").first().textContent())).toBe("Paid");

    // 3. A second customer orders with cash on delivery.
    const second = await orderCod(slug, CUSTOMERS[1]);
    await second.customer.context().close();
    await seller.goto(platformUrl(`/admin/${slug}/orders`));
    await seller.locator(".olist a", { hasText: `#${second.number}` }).click();
    await seller.waitForURL(/\/orders\/\d+$/);
    const secondAdmin = seller.url();

    // 4. She confirms each order and books PostEx from its "Book a courier" page.
    const tracking: string[] = [];
    for (const [order, adminUrl, cod] of [
      [first, firstAdmin, "0"],
      [second, secondAdmin, String(second.total)],
    ] as const) {
      await seller.goto(adminUrl);
      await tap(seller.getByRole("button", { name: "Confirm order" }));
      await expect.poll(async () => plain(await seller.getByRole("heading", { level: 1 }).textContent())).toContain("Confirmed");
      await seller.getByRole("link", { name: "Book a courier" }).click();
      await seller.waitForURL(/\/couriers\/orders\/\d+$/);
      expect(plain(await seller.getByRole("heading", { level: 1 }).textContent())).toBe(`Ship order #${order.number}`);
      expect(await seller.getByLabel("Courier", { exact: true }).inputValue()).toBe("postex");
      expect(await seller.getByLabel("Weight (kg)").inputValue()).toBe("0.5");
      expect(await seller.getByLabel("Weight (kg)").getAttribute("inputmode")).toBe("decimal");
      const codField = seller.getByLabel("Cash to collect (Rs)");
      expect(await codField.inputValue()).toBe(cod);
      expect(await codField.getAttribute("inputmode")).toBe("numeric");
      await fitsThePhone(seller);
      if (order === second) await seller.screenshot({ path: path.join(SHOTS, "getting-paid-book-courier.png"), fullPage: true });
      await tap(seller.getByRole("button", { name: "Book", exact: true }));
      await expect.poll(async () => plain(await seller.locator("main").textContent())).toContain("Booking sent to the courier.");
      // The queue books it through the sandbox: the tracking number shows in a moment.
      const booking = seller.locator("ul.lines li", { hasText: "PostEx" });
      await expect
        .poll(
          async () => {
            await seller.reload();
            return plain(await booking.textContent());
          },
          { timeout: 30_000, interval: 500 },
        )
        .toMatch(/^PostEx · Booked · \S+/);
      const tn = plain(await booking.locator(".ltr").textContent());
      expect(tn).not.toBe("");
      tracking.push(tn);

      // The label: order number, tracking number, its barcode, on a page that fits her phone.
      const print = booking.getByRole("link", { name: "Print label" });
      await tap(print);
      await seller.waitForURL(/\/couriers\/shipments\/\d+\/label/);
      const label = plain(await seller.locator("body").textContent());
      expect(label).toContain(`#${order.number}`);
      expect(label).toContain(tn);
      expect(label).toContain(order === first ? "Paid: collect nothing" : "Cash to collect");
      expect(await seller.locator("svg").count()).toBeGreaterThanOrEqual(1);
      expect((await seller.locator("svg").first().boundingBox())!.width).toBeGreaterThan(100);
      await fitsThePhone(seller);
      if (order === second) await seller.screenshot({ path: path.join(SHOTS, "getting-paid-label.png"), fullPage: true });
    }
    expect(new Set(tracking).size).toBe(2);

    // Booked: each order is now shipped.
    await seller.goto(secondAdmin);
    expect(plain(await seller.getByRole("heading", { level: 1 }).textContent())).toContain("Shipped");

    // 5. PostEx reports the second order delivered; the Worker's cron syncs it.
    const set = await fetch(`${postexSandbox}/__sandbox/status?tracking=${encodeURIComponent(tracking[1]!)}&status=Delivered`, { method: "POST" });
    expect(set.status).toBe(200);
    const cron = await fetch(platformUrl(`/__scheduled?cron=${encodeURIComponent("*/5 * * * *")}`));
    expect(cron.status).toBe(200);
    await expect
      .poll(
        async () => {
          await seller.goto(secondAdmin);
          return plain(await seller.getByRole("heading", { level: 1 }).textContent());
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain("Delivered");
    await fitsThePhone(seller);
    await seller.screenshot({ path: path.join(SHOTS, "getting-paid-delivered.png"), fullPage: true });
    // The paid order, not reported delivered, is still on its way.
    await seller.goto(firstAdmin);
    expect(plain(await seller.getByRole("heading", { level: 1 }).textContent())).toContain("Shipped");
    await seller.context().close();
  });
});
