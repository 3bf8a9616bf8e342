/**
 * Issue 16's "done when" browser journey, on two 360 px phones against the real Worker and its
 * local D1 (the dev outbox transport):
 *
 * 1. A seller signs up, opens her shop and adds a product with stock.
 * 2. In Discounts she makes a code through the form (typed in small letters: saved as EID10),
 *    10% off the whole order, sees it in the list, opens it and reads its share link.
 * 3. A customer on her own phone opens that link: she lands on the shop with the code on her cart
 *    and a one-time notice saying so; she adds the product, sees "Discount (EID10)" and the
 *    discounted total at checkout, orders with cash on delivery, and her order page shows the
 *    discount.
 * 4. The order awaits her confirmation: the cod_confirm_request message for her phone in
 *    /dev/outbox.json carries her order's link; she opens it and taps "Confirm my order".
 * 5. The seller sees her in Customers with 1 order, the dashboard's 30-day discount line, the
 *    code's use and sales in Discounts, and "Confirmed by the customer" beside the order.
 */
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

type Row = { channel: string; to: string; template: string; state: string; body: string | null };

/** Polls /dev/outbox.json until `pick` finds what it wants among the rows. */
async function fromOutbox<T>(what: string, pick: (rows: Row[]) => T | undefined): Promise<T> {
  const end = Date.now() + 30_000;
  for (;;) {
    const { messages } = (await (await fetch(platformUrl("/dev/outbox.json"))).json()) as { messages: Row[] };
    const got = pick(messages);
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(messages.slice(0, 5))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const PRODUCT = "Handmade embroidered chiffon kurta with dupatta for weddings";
const CUSTOMER = { name: "Fatima Zahra", phone: "0333 4445566", city: "Karachi", address: "Flat 14, Block 13-D, Gulshan-e-Iqbal" };

describe("selling tools on phones: a code shared, used, confirmed, seen", () => {
  it("the seller makes EID10 and shares its link; a customer orders with it and confirms from her message; the seller sees it all", async () => {
    const stamp = Date.now().toString(36);
    const sellerPhone = `03${String(Date.now()).slice(-9)}`;
    const slug = `noor-${stamp}`;

    // 1. She signs up, opens her shop and adds a product with stock.
    const seller = await phone();
    await seller.goto(platformUrl("/signup"));
    await seller.getByLabel("Your name").fill("Noor Fatima");
    await seller.getByLabel("Mobile number or email").fill(sellerPhone);
    await seller.getByLabel("Password").fill("eid mubarak 2026");
    await seller.getByRole("button", { name: "Create account" }).click();
    await seller.waitForURL(/\/start$/);
    await seller.getByLabel("Shop name").fill("Noor's Boutique");
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

    // 2. Discounts, from her shop's menu: a code through the form.
    await seller.goto(platformUrl(`/admin/${slug}/shop`));
    await seller.getByRole("link", { name: "Discounts", exact: true }).click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/discounts$`));
    const add = seller.getByRole("link", { name: "+ New discount" });
    await tapTarget(add);
    await add.click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/discounts/new$`));
    // The form fits her 360 px screen (the "When" dates and times included).
    await fitsThePhone(seller);
    // The defaults: with a code, a percentage, on the whole order, on.
    expect(await seller.getByLabel("With a code").isChecked()).toBe(true);
    expect(await seller.getByLabel("A percentage off").isChecked()).toBe(true);
    expect(await seller.getByLabel("The whole order").isChecked()).toBe(true);
    for (const choice of [seller.locator("label.choice", { hasText: "With a code" }), seller.locator("label.choice", { hasText: "A percentage off" })]) await tapTarget(choice);
    const codeField = seller.getByLabel("Code", { exact: true });
    expect(await codeField.getAttribute("autocapitalize")).toBe("characters");
    await codeField.tap();
    await codeField.fill("eid10"); // typed in small letters: codes are case-insensitive, saved in capitals
    await seller.getByLabel("Title", { exact: true }).fill("Eid sale for WhatsApp customers");
    const percent = seller.getByLabel("Percent off");
    expect(await percent.getAttribute("inputmode")).toBe("numeric");
    await percent.tap();
    await percent.fill("10");
    const save = seller.getByRole("button", { name: "Save", exact: true });
    await tapTarget(save);
    await save.click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/discounts/\\d+\\?done=saved$`));
    await expect.poll(() => seller.locator("main").textContent()).toContain("Discount saved.");
    expect(await seller.getByLabel("Code", { exact: true }).inputValue()).toBe("EID10");

    // It is in the list: on, 10% off the whole order, not used yet.
    await seller.getByRole("link", { name: "Discounts" }).first().click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/discounts$`));
    const listed = seller.locator(".plist li", { hasText: "EID10" });
    expect(await listed.count()).toBe(1);
    expect(plain(await listed.textContent())).toContain("10% off on the whole order");
    expect(plain(await listed.locator(".tag").textContent())).toBe("On");
    expect(plain(await listed.textContent())).toContain("Used: 0");
    await tapTarget(listed.getByRole("button", { name: "Turn off EID10" }));
    await fitsThePhone(seller);

    // She opens it and reads its link to share.
    await listed.getByRole("link", { name: "EID10" }).click();
    await seller.waitForURL(new RegExp(`/admin/${slug}/discounts/\\d+$`));
    const card = seller.locator("section.share");
    await expect.poll(() => card.getByRole("heading").textContent()).toBe("Share this code");
    const link = await card.locator("#share-link").inputValue();
    expect(link).toBe(shopUrl(slug, "/?code=EID10"));
    await tapTarget(card.locator("#share-link"));
    const wa = new URL((await card.getByRole("link", { name: "Share on WhatsApp" }).getAttribute("href"))!);
    expect(wa.searchParams.get("text")).toContain(link);
    expect(wa.searchParams.get("text")).toContain("Use code EID10 at Noor's Boutique for 10% off");
    await fitsThePhone(seller);
    await seller.screenshot({ path: path.join(SHOTS, "selling-discount-share.png"), fullPage: true });

    // 3. The customer, on her own phone, opens the link.
    const customer = await phone();
    await customer.goto(link);
    await customer.waitForURL(shopUrl(slug, "/"));
    const notice = customer.getByRole("status").filter({ hasText: "Code EID10 applied" });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(plain(await notice.textContent())).toBe("Code EID10 applied: your discount shows in your cart and at checkout.");
    await customer.screenshot({ path: path.join(SHOTS, "selling-code-link.png") });
    // It is shown once: the next page has no notice.
    await customer.getByRole("link", { name: PRODUCT }).first().click();
    await customer.waitForURL(/\/products\//);
    expect(await customer.getByRole("status").filter({ hasText: "Code EID10 applied" }).count()).toBe(0);

    const addToCart = customer.getByRole("button", { name: "Add to cart" });
    await tapTarget(addToCart);
    await addToCart.click();
    await customer.waitForURL(/\/cart$/);
    expect(plain(await customer.locator("[data-code-status]").textContent())).toBe("Code EID10 applied.");
    expect(plain(await customer.locator("tr.co-discount").textContent())).toContain("Discount (EID10)");
    await customer.getByRole("link", { name: "Checkout" }).click();
    await customer.waitForURL(/\/checkout$/);

    // The discount row and the discounted total: Rs 4,500 less 10%, plus the zone's fee.
    const discountRow = customer.locator("tr.co-discount");
    expect(plain(await discountRow.locator("th").textContent())).toBe("Discount (EID10)");
    expect(plain(await discountRow.locator("td").textContent())).toBe("−Rs 450");
    await customer.getByLabel("Full name").fill(CUSTOMER.name);
    await customer.getByLabel("Mobile number").fill(CUSTOMER.phone);
    await customer.getByLabel("City").fill(CUSTOMER.city);
    await customer.getByLabel("Full address (house, street, area)").fill(CUSTOMER.address);
    await customer.locator('input[name="zone"]').first().check();
    await customer.locator(".co-choice", { hasText: "Cash on delivery" }).locator("input").check();
    const feeText = plain(await customer.locator("#co-fee").textContent());
    const fee = feeText === "Free" ? 0 : Number(feeText.replace(/[^\d]/g, ""));
    const expectedTotal = `Rs ${(4_500 - 450 + fee).toLocaleString("en-US")}`;
    await expect.poll(async () => plain(await customer.locator("#co-total").textContent())).toBe(expectedTotal);
    await fitsThePhone(customer);
    await customer.screenshot({ path: path.join(SHOTS, "selling-checkout.png"), fullPage: true });
    const place = customer.getByRole("button", { name: "Place order" });
    await tapTarget(place);
    await place.click();

    await customer.waitForURL(/\/orders\/[A-Za-z0-9_-]{20,}\?placed=1$/);
    const heading = plain(await customer.getByRole("heading", { level: 1 }).textContent());
    const number = /#(\d+)/.exec(heading)![1]!;
    const orderUrl = customer.url().replace("?placed=1", "");
    const taken = customer.locator(".co-sum tr.discount");
    expect(plain(await taken.locator("th").textContent())).toBe("EID10");
    expect(plain(await taken.locator("td").textContent())).toBe("-Rs 450");
    expect(plain(await customer.locator(".co-sum tr.total td").textContent())).toBe(expectedTotal);
    // Cash on delivery: the page asks her to confirm.
    expect(await customer.locator("section.co-confirm").isVisible()).toBe(true);

    // 4. Her message asks her to confirm, with her order's link; she confirms from it.
    const digits = CUSTOMER.phone.replace(/\D/g, "").slice(1);
    const body = await fromOutbox("the customer's confirmation request", (rows) =>
      rows.find((r) => r.template === "cod_confirm_request" && r.to.replace(/\D/g, "").endsWith(digits) && r.body?.includes(`#${number}`))?.body ?? undefined,
    );
    expect(plain(body)).toContain(`Please confirm or cancel your order #${number} of ${expectedTotal} at Noor's Boutique.`);
    const messageLink = /https?:\/\/\S+\/orders\/[A-Za-z0-9_-]+/.exec(body)![0];
    expect(messageLink).toBe(orderUrl);
    await customer.goto(messageLink);
    const confirm = customer.getByRole("button", { name: "Confirm my order" });
    await tapTarget(confirm);
    await confirm.click();
    await expect.poll(async () => plain(await customer.getByRole("status").filter({ hasText: "confirmed" }).first().textContent())).toBe(
      "Thank you, your order is confirmed. The shop will now prepare it.",
    );
    expect(await customer.getByRole("button", { name: "Confirm my order" }).count()).toBe(0);
    await fitsThePhone(customer);
    await customer.screenshot({ path: path.join(SHOTS, "selling-order-confirmed.png"), fullPage: true });
    // Back on her order's page later: it says she confirmed it.
    await customer.goto(orderUrl);
    await expect.poll(() => customer.locator("main").textContent()).toContain("You confirmed this order.");
    await customer.context().close();

    // 5. The seller: the customer with her one order, the discount on the dashboard and in the list, the order confirmed.
    await seller.goto(platformUrl(`/admin/${slug}/customers`));
    const her = seller.locator(".olist li", { hasText: CUSTOMER.name });
    expect(await her.count()).toBe(1);
    const herText = plain(await her.textContent());
    expect(herText).toContain("1 order");
    expect(herText).toContain(CUSTOMER.city);
    expect(herText).toContain(`Spent ${expectedTotal}`);
    await fitsThePhone(seller);
    await seller.screenshot({ path: path.join(SHOTS, "selling-customers.png"), fullPage: true });

    await seller.goto(platformUrl(`/admin/${slug}`));
    const line = seller.locator(`a[href="/admin/${slug}/discounts"]`).filter({ hasText: "Discounts, last 30 days" });
    expect(plain(await line.textContent())).toBe("Discounts, last 30 days: 1 order saved Rs 450");
    await tapTarget(line);
    await fitsThePhone(seller);
    await seller.screenshot({ path: path.join(SHOTS, "selling-dashboard.png"), fullPage: true });

    await seller.goto(platformUrl(`/admin/${slug}/discounts`));
    const used = plain(await seller.locator(".plist li", { hasText: "EID10" }).textContent());
    expect(used).toContain("Used: 1");
    expect(used).toContain(`Sales: ${expectedTotal} (1 order)`);

    await seller.goto(platformUrl(`/admin/${slug}/orders`));
    const row = seller.locator(".olist a", { hasText: `#${number}` });
    expect(plain(await row.locator(".cf").textContent())).toBe("Confirmed by the customer");
    await row.click();
    await seller.waitForURL(/\/orders\/\d+$/);
    expect(plain(await seller.getByRole("heading", { level: 1 }).textContent())).toContain("Confirmed by the customer");
    expect(plain(await seller.locator("main").textContent())).toContain("EID10");
    await seller.context().close();
  });
});
