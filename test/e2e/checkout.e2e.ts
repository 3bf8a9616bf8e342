/**
 * Issue 5's journey on phones: a customer on the demo shop adds two variants, checks out with
 * cash on delivery, sees the confirmation and the status page; the seller sees the new order,
 * asks the customer to confirm on WhatsApp, confirms it (the WhatsApp text then says so), ships
 * it with a tracking number, and the customer's status page shows it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, logIn, phonePage, platformUrl, shopUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

/** Picks options with the variant picker (JavaScript on) and adds one to the cart. */
async function addVariant(page: Page, product: string, choose: string[]) {
  await page.goto(shopUrl(DEMO.shop, `/products/${product}`));
  for (const v of choose) await page.locator("#picker label", { hasText: new RegExp(`^${v}$`) }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.waitForURL(/\/cart$/);
}

describe("checkout and fulfilment on phones", () => {
  it("customer orders with cash on delivery; seller confirms and ships; customer sees it", async () => {
    const customer = await phonePage(browser);
    const shop = customer.page;
    await addVariant(shop, "embroidered-lawn-suit", ["M", "Mint"]);
    await addVariant(shop, "printed-kurta", ["L"]);
    const lines = shop.locator(".co-line");
    await expect.poll(() => lines.count()).toBe(2);
    await expect.poll(() => shop.locator("main").textContent()).toContain("M / Mint");
    await fitsPhone(shop);

    await shop.getByRole("link", { name: "Checkout" }).click();
    await shop.waitForURL(/\/checkout$/);
    await fitsPhone(shop);
    await shop.getByLabel("Full name").fill("Sana Khan");
    await shop.getByLabel("Mobile number").fill("0321 5551234");
    // Leaving the phone field sends it, with her name, for the seller's abandoned checkouts (src/recovery).
    const intent = shop.waitForRequest((r) => r.url().endsWith("/checkout/intent") && r.method() === "POST");
    await shop.getByLabel("City").fill("Lahore");
    const sent = new URLSearchParams((await intent).postData() ?? "");
    expect([sent.get("phone"), sent.get("name")]).toEqual(["0321 5551234", "Sana Khan"]);
    expect((await (await intent).response())?.status()).toBe(204);
    await shop.getByLabel("Full address (house, street, area)").fill("House 12, Street 4, Model Town");
    // Picking a zone updates the summary (JavaScript); each zone's label shows its own total too.
    await shop.locator(".co-choice", { hasText: "Rest of Pakistan" }).locator("input").check();
    await expect.poll(() => shop.locator("#co-zone-label").textContent()).toBe("Delivery: Rest of Pakistan");
    await shop.locator(".co-choice", { hasText: "Lahore" }).locator("input").check();
    await expect.poll(() => shop.locator("#co-zone-label").textContent()).toBe("Delivery: Lahore");
    await shop.locator(".co-choice", { hasText: "Cash on delivery" }).locator("input").check();
    const shownTotal = (await shop.locator(".co-sum tr.total td").textContent())!.trim();
    expect(shownTotal).toMatch(/\d/);
    await shop.getByRole("button", { name: "Place order" }).click();

    await shop.waitForURL(/\/orders\/[A-Za-z0-9_-]{22,}\?placed=1$/);
    await expect.poll(() => shop.locator("main").textContent()).toContain("Thank you, your order is placed!");
    const heading = (await shop.getByRole("heading", { level: 1 }).textContent())!;
    const number = /#(\d+)/.exec(heading)![1]!;
    expect((await shop.locator(".co-sum tr.total td").textContent())!.trim()).toBe(shownTotal);
    expect(await shop.locator(".co-status").textContent()).toBe("New");
    const toSeller = new URL((await shop.getByRole("link", { name: "Message the shop on WhatsApp" }).getAttribute("href"))!);
    expect(toSeller.origin + toSeller.pathname).toBe("https://wa.me/923001234567");
    expect(toSeller.searchParams.get("text")).toContain(`#${number}`);
    await fitsPhone(shop);
    const statusUrl = shop.url().replace("?placed=1", "");
    // The cart is empty after the order.
    expect((await customer.context.cookies(shopUrl(DEMO.shop, "/"))).find((c) => c.name === "hatti_cart")).toBeUndefined();

    // The seller, on her phone.
    const seller = await phonePage(browser);
    const admin = seller.page;
    await logIn(admin, DEMO.login, DEMO.password);
    await admin.goto(platformUrl(`/admin/${DEMO.shop}/orders`));
    await expect.poll(() => admin.locator(".bottom-nav .badge").textContent()).toMatch(/^\d+$/);
    await admin.locator(".olist a", { hasText: `#${number}` }).click();
    await admin.waitForURL(/\/orders\/\d+$/);
    await fitsPhone(admin);
    expect(await admin.getByRole("link", { name: "Call" }).getAttribute("href")).toBe("tel:+923215551234");

    // A new order's WhatsApp text asks the customer to confirm; once confirmed, it says so.
    const wa = new URL((await admin.locator('a[data-wa="confirm"]').getAttribute("href"))!);
    expect(wa.pathname).toBe("/923215551234");
    const text = wa.searchParams.get("text")!;
    expect(text).toContain("Assalam o alaikum Sana Khan!");
    expect(text).toContain(`We received your order #${number}: 1 × Embroidered lawn suit (M / Mint), 1 × Printed cotton kurta (L).`);
    expect(text).toContain("Please reply YES to confirm.");
    expect(text).toContain(statusUrl);
    await admin.getByRole("button", { name: "Confirm order" }).click();
    await admin.waitForURL(/\?done=status$/);
    await expect.poll(() => admin.locator(".notice").textContent()).toBe("Order is now: Confirmed.");
    const confirmed = new URL((await admin.locator('a[data-wa="confirmed"]').getAttribute("href"))!).searchParams.get("text")!;
    expect(confirmed).toContain(`Your order #${number} from`);
    expect(confirmed).not.toContain("reply YES");

    await admin.getByRole("button", { name: "Mark as packed" }).click();
    await admin.waitForURL(/\?done=status$/);
    await admin.getByLabel("Courier").fill("TCS");
    await admin.getByLabel("Tracking number").fill("TCS-4455667788");
    await admin.getByRole("button", { name: "Mark as shipped" }).click();
    await admin.waitForURL(/\?done=status$/);
    await expect.poll(() => admin.locator(".notice").textContent()).toBe("Order is now: Shipped.");
    const dispatch = new URL((await admin.locator('a[data-wa="dispatch"]').getAttribute("href"))!);
    expect(dispatch.searchParams.get("text")).toContain("Tracking number: TCS-4455667788.");

    // The customer's status page shows the shipment and its history.
    await shop.goto(statusUrl);
    expect(await shop.locator(".co-status").textContent()).toBe("Shipped");
    await expect.poll(() => shop.locator("main").textContent()).toContain("Sent with TCS, tracking number TCS-4455667788.");
    const steps = await shop.locator(".co-steps li").allTextContents();
    expect(steps.map((s) => s.replace(/^.*?(Order placed|Confirmed|Packed|Shipped)$/, "$1"))).toEqual(["Order placed", "Confirmed", "Packed", "Shipped"]);

    await customer.context.close();
    await seller.context.close();
  });

  it("works with JavaScript off: a JazzCash order with its transaction ID and the account to pay", async () => {
    const { page, context } = await phonePage(browser, { javaScriptEnabled: false });
    await page.goto(shopUrl(DEMO.shop, "/products/embroidered-lawn-suit"));
    const option = page.locator("select#variant option:not([disabled])", { hasText: "L / Rose" });
    await page.selectOption("select#variant", (await option.getAttribute("value"))!);
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.waitForURL(/\/cart$/);
    // Change the quantity with the plain form.
    await page.locator(".co-line input.qty").fill("1");
    await page.getByRole("button", { name: "Update" }).click();
    await page.waitForURL(/\/cart$/);
    expect(await page.locator(".co-line .qty").inputValue()).toBe("1");
    await page.getByRole("link", { name: "Checkout" }).click();
    await page.waitForURL(/\/checkout$/);

    // A bad phone number: the message is beside the field and everything typed is kept.
    await page.getByLabel("Full name").fill("Hina Tariq");
    await page.getByLabel("Mobile number").fill("12345");
    await page.getByLabel("City").fill("Karachi");
    await page.getByLabel("Full address (house, street, area)").fill("Flat 3, Block 7, Gulshan");
    await page.locator(".co-choice", { hasText: "JazzCash" }).locator("input").check();
    await page.getByLabel("Transaction ID (optional)").fill("JC-99887766");
    await page.getByRole("button", { name: "Place order" }).click();
    await expect.poll(() => page.locator("#co-phone-err").textContent()).toBe("Enter a Pakistani mobile number, like 0300 1234567.");
    expect(await page.getByLabel("Full address (house, street, area)").inputValue()).toBe("Flat 3, Block 7, Gulshan");
    expect(await page.getByLabel("Transaction ID (optional)").inputValue()).toBe("JC-99887766");
    expect(await page.locator(".co-choice", { hasText: "JazzCash" }).locator("input").isChecked()).toBe(true);

    await page.getByLabel("Mobile number").fill("0333 7654321");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\/[A-Za-z0-9_-]{22,}\?placed=1$/);
    const main = (await page.locator("main").textContent())!;
    expect(main).toContain("Thank you, your order is placed!");
    expect(main).toContain("JazzCash");
    expect(main).toContain("03001234567"); // the shop's JazzCash account to pay into
    expect(main).toContain("Your transaction ID: JC-99887766");
    await fitsPhone(page);
    await context.close();
  });
});

