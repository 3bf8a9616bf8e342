/**
 * Issue 17's "done when" browser journey, on 360 px phones against the real Worker (`wrangler dev`)
 * and the providers' local sandboxes (scripts/sandboxes: JazzCash and PostEx), never the internet:
 *
 * 1. A seller signs up, opens her shop, adds a product with stock, saves the JazzCash sandbox
 *    merchant (magic.json) on Gateways, turns on Bank transfer with her bank, account title and
 *    IBAN on Payment methods, and saves a PostEx token and pickup address code on Couriers.
 * 2. A customer orders with "JazzCash (pay online: wallet or card)": "Place order" takes her
 *    straight to the sandbox's hosted page; she pays and comes back to her order page, which says
 *    the payment was received (no "Pay now" left); the seller's order page shows it paid.
 * 3. A second customer orders by Bank transfer; her order page shows the account to pay into. She
 *    uploads a screenshot of her transfer (a 1440 x 3120 PNG drawn on a canvas in her browser,
 *    which resizes it to a 1280 px WebP before it is sent: the stored one is checked) and types the
 *    transaction ID; her order page says the proof was sent. The seller opens the order, sees the
 *    screenshot (loaded) and the transaction ID, taps "Payment received": the order shows paid, and
 *    the customer's order page says her payment was received.
 * 4. The seller confirms both orders and books PostEx for each from its "Book a courier" page: the
 *    cash to collect is prefilled with 0 for both (both are paid). The queue books them through the
 *    sandbox; the tracking number shows; "Print label" shows the order number, the tracking number,
 *    its barcode (an <svg>) and "Paid: collect nothing" on a page that fits the phone.
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

/** A customer puts the product in her cart and fills the checkout form; returns her page and the payment `method`'s choice (by its label). */
async function atCheckout(slug: string, who: (typeof CUSTOMERS)[number], method: string) {
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
  return { customer, choice };
}

/** A customer orders the product paid online with `method` (its label at checkout): "Place order" takes her to the gateway's page. Returns her page and the total in rupees. */
async function orderOnline(slug: string, who: (typeof CUSTOMERS)[number], method: string) {
  const { customer, choice } = await atCheckout(slug, who, method);
  expect(plain(await choice.textContent())).toContain("After you place the order, you pay on");
  await choice.locator("input").check();
  const total = Number(plain(await customer.locator(".co-sum tr.total td").textContent()).replace(/[^\d]/g, ""));
  expect(total).toBeGreaterThanOrEqual(PRICE);
  await fitsThePhone(customer);
  await customer.screenshot({ path: path.join(SHOTS, "getting-paid-pay-online.png"), fullPage: true });
  await tap(customer.getByRole("button", { name: "Place order" }));
  return { customer, total };
}

describe("getting paid on phones: JazzCash, a bank transfer, PostEx, a label, delivered", () => {
  it("a customer pays with JazzCash, another by bank transfer with a screenshot the seller marks received; she books PostEx for both, prints a label and the cron marks one delivered", async () => {
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
    await expect.poll(async () => plain(await seller.locator("main").textContent())).toContain("Customers can now choose JazzCash online at checkout.");
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

    // Her bank account, for customers who pay by Bank transfer.
    await seller.goto(platformUrl(`/admin/${slug}/settings/payments`));
    const bank = seller.locator("fieldset").filter({ has: seller.locator("legend", { hasText: "Bank transfer" }) });
    await tap(bank.locator("label.check", { hasText: "Accept Bank transfer" }));
    expect(await bank.getByLabel("Accept Bank transfer").isChecked()).toBe(true);
    await bank.getByLabel("Bank name").fill(BANK.bank);
    await bank.getByLabel("Account title").fill(BANK.title);
    await bank.getByLabel("Account number or IBAN").fill(BANK.iban);
    await fitsThePhone(seller);
    await tap(seller.getByRole("button", { name: "Save", exact: true }));
    await seller.waitForURL(/\/settings\/payments\?done=1$/);
    expect(plain(await seller.getByRole("status").textContent())).toBe("Saved.");
    expect(await bank.getByLabel("Account number or IBAN").inputValue()).toBe(BANK.iban);
    await seller.screenshot({ path: path.join(SHOTS, "getting-paid-bank-settings.png"), fullPage: true });

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

    // 3. A second customer orders by Bank transfer: her order page shows the account to pay into.
    const second = await orderPaying(slug, CUSTOMERS[1], "Bank transfer");
    const payer = second.customer;
    const herPayment = payer.locator("#payment");
    expect(plain(await herPayment.locator("b").first().textContent())).toBe("Bank transfer");
    expect(plain(await herPayment.locator(".co-pay-state").textContent())).toBe("Waiting for your payment");
    expect((await herPayment.locator("dl.co-acct dt").allTextContents()).map(plain)).toEqual(["Bank", "Account title", "Account number"]);
    expect((await herPayment.locator("dl.co-acct dd").allTextContents()).map(plain)).toEqual([BANK.bank, BANK.title, BANK.iban]);
    expect(plain(await herPayment.textContent())).toContain(`with #${second.number} in the message`);
    await fitsThePhone(payer);

    // She uploads the screenshot of her transfer (resized in her browser) and types its transaction ID.
    const capture = await transferScreenshot(payer, [`Rs ${second.total.toLocaleString("en-PK")}.00`, `To: ${BANK.title}`, BANK.bank, BANK.iban, `Transaction ID: ${TRANSACTION_ID}`, `Order #${second.number}`]);
    const screenshotField = payer.getByLabel("Screenshot of your payment");
    // The picker's button is its label, in the page's language (the browser's own is hidden).
    await tapTarget(payer.locator('label[for="co-screenshot"]'));
    await screenshotField.setInputFiles({ name: "Screenshot_20261201_095431_Meezan.png", mimeType: "image/png", buffer: capture.png });
    const reference = payer.getByLabel("Transaction ID");
    await tapTarget(reference);
    await reference.fill(TRANSACTION_ID);
    // "Send proof" stands apart from whatever follows it (the "Pay now" box, else the items).
    expect(await gapAfter(payer.locator("section.co-proof"))).toBeGreaterThanOrEqual(16);
    await fitsThePhone(payer);
    await tap(payer.getByRole("button", { name: "Send proof" }));
    await payer.waitForURL((u) => u.toString().startsWith(second.url) && u.searchParams.get("proof") === "sent");
    expect(plain(await payer.getByRole("status").textContent())).toBe("Thank you. The shop will check your payment and confirm it.");
    expect(plain(await herPayment.locator(".co-pay-state").textContent())).toBe("Proof sent: the shop is checking it");
    expect(plain(await herPayment.textContent())).toContain(`Your transaction ID: ${TRANSACTION_ID}`);
    // What arrived is her browser's resize of the capture: a 1280 px wide WebP, smaller than the PNG.
    const arrived = await payer.evaluate(async (url) => {
      const res = await fetch(url);
      const blob = await res.blob();
      const bitmap = await createImageBitmap(blob);
      return { type: res.headers.get("content-type"), bytes: blob.size, width: bitmap.width, height: bitmap.height };
    }, `${second.url}/proof`);
    expect(arrived).toMatchObject({ type: "image/webp", width: 1280, height: Math.round((capture.height * 1280) / capture.width) });
    expect(arrived.bytes).toBeLessThan(capture.png.length);
    await fitsThePhone(payer);
    await payer.screenshot({ path: path.join(SHOTS, "getting-paid-proof-sent.png"), fullPage: true });

    // The seller opens the order, sees the screenshot and the transaction ID, and taps "Payment received".
    await seller.goto(platformUrl(`/admin/${slug}/orders`));
    await tap(seller.locator(".olist a", { hasText: `#${second.number}` }));
    await seller.waitForURL(/\/orders\/\d+$/);
    const secondAdmin = seller.url();
    const proofCard = seller.locator("section.card").filter({ has: seller.getByRole("heading", { name: "Payment" }) });
    expect(plain(await proofCard.locator("b.pay-state").textContent())).toBe("Proof sent: check your account");
    expect(plain(await proofCard.textContent())).toContain(`Transaction ID: ${TRANSACTION_ID}`);
    const proofImage = proofCard.getByRole("img", { name: `Screenshot of the payment for order #${second.number}` });
    await proofImage.scrollIntoViewIfNeeded();
    await expect.poll(() => proofImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
    await fitsThePhone(seller);
    await seller.screenshot({ path: path.join(SHOTS, "getting-paid-proof-check.png"), fullPage: true });
    // "Payment received" and "Not received" are two taps apart, not touching.
    expect(await gapAfter(proofCard.getByRole("button", { name: "Payment received", exact: true }))).toBeGreaterThanOrEqual(8);
    await tap(proofCard.getByRole("button", { name: "Payment received", exact: true }));
    await expect.poll(async () => plain(await proofCard.locator("b.pay-state").textContent())).toBe("Paid");
    expect(await proofCard.getByRole("button", { name: "Payment received", exact: true }).count()).toBe(0);
    // Her order page says it was received.
    await payer.goto(second.url);
    expect(plain(await herPayment.locator(".co-pay-state").textContent())).toBe("Paid");
    expect(plain(await herPayment.textContent())).toContain("Payment received. Thank you!");
    await fitsThePhone(payer);
    await payer.screenshot({ path: path.join(SHOTS, "getting-paid-transfer-received.png"), fullPage: true });
    await payer.context().close();

    // 4. She confirms each order and books PostEx from its "Book a courier" page.
    const tracking: string[] = [];
    for (const [order, adminUrl, cod] of [
      [first, firstAdmin, "0"],
      [second, secondAdmin, "0"],
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
      expect(label).toContain("Paid: collect nothing");
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

/** The second customer's bank transfer: the seller's account as she types it, and the transfer's ID. */
const BANK = { bank: "Meezan Bank", title: "Sana Malik", iban: "PK36MEZN0001230104567890" } as const;
const TRANSACTION_ID = "FT26335PK7Q9X2";

/** A customer orders the product, paying by `method` (the checkout choice's name); returns her page (on her order), its number, URL and total in rupees. */
async function orderPaying(slug: string, who: (typeof CUSTOMERS)[number], method: string) {
  const { customer, choice } = await atCheckout(slug, who, method);
  await tap(choice);
  expect(await choice.locator("input").isChecked()).toBe(true);
  await fitsThePhone(customer);
  await tap(customer.getByRole("button", { name: "Place order" }));
  await customer.waitForURL(/\/orders\/[A-Za-z0-9_-]{20,}\?placed=1$/);
  const number = /#(\d+)/.exec(plain(await customer.getByRole("heading", { level: 1 }).textContent()))![1]!;
  const total = Number(plain(await customer.locator(".co-sum tr.total td").textContent()).replace(/[^\d]/g, ""));
  expect(total).toBeGreaterThanOrEqual(PRICE);
  return { customer, number, url: customer.url().replace("?placed=1", ""), total };
}

/**
 * Her bank app's "Transfer successful" screen as her phone captures it (1440 x 3120, PNG), drawn on
 * a canvas in her browser with the given lines.
 */
async function transferScreenshot(page: Page, lines: string[]): Promise<{ png: Buffer; width: number; height: number }> {
  const width = 1440;
  const height = 3120;
  const dataUrl = await page.evaluate(
    ({ lines, width, height }) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#f3f5f4";
      g.fillRect(0, 0, width, height);
      g.fillStyle = "#0b6b3a";
      g.fillRect(0, 0, width, 460);
      g.fillStyle = "#ffffff";
      g.font = "bold 88px sans-serif";
      g.fillText("Transfer successful", 96, 300);
      g.fillStyle = "#1b1b1b";
      g.font = "60px sans-serif";
      lines.forEach((line, i) => g.fillText(line, 96, 680 + i * 150));
      return canvas.toDataURL("image/png");
    },
    { lines, width, height },
  );
  return { png: Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64"), width, height };
}

/** The space in px between the bottom of `target` and the top of the first thing laid out below it. */
async function gapAfter(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const bottom = el.getBoundingClientRect().bottom;
    for (let n: Element | null = el; n; n = n.parentElement) {
      for (let next = n.nextElementSibling; next; next = next.nextElementSibling) {
        const box = next.getBoundingClientRect();
        if (box.height > 0) return box.top - bottom;
      }
    }
    return Infinity;
  });
}
