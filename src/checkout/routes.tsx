/**
 * Customer cart, checkout and order status routes on the storefront host
 * (/cart, /checkout, /orders/{token}). Mounted by src/storefront/routes.tsx.
 * These pages are personal: never cached, never indexed.
 */
import { shopQueue } from "../lib/meter";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { clientIp } from "../auth/rate-limit";
import type { AppEnv } from "../env";
import { messages, type MessageKey } from "../i18n";
import { randomToken } from "../lib/bytes";
import { readForm, validate, type FieldErrors, type FormValues } from "../lib/form";
import { renderPage } from "../lib/render";
import { cancelByCustomer, customerMayCancel } from "../orders/actions";
import { CONFIRM_OUTCOMES, confirmByCustomer, customerMayConfirm } from "../orders/confirmation";
import { orderByToken, publicEvents } from "../orders/read";
import { PackingSlip, slipSize } from "../orders/views/PackingSlip";
import { resolveTheme } from "../storefront/context";
import { addLine, cartCount, removeLine, setLine, type CartLine } from "./cart";
import { checkoutReads } from "./checkout-reads";
import { readCart, readCode, writeCart, writeCode } from "./cookie";
import { sellerWaLink } from "../orders/whatsapp";
import { afterPlace, paymentOptions, takesProof } from "../payments";
import { checkProof, PROOF_REFERENCE_MAX, proofResponse, proofSchema, putProof } from "../payments/proof";
import { mayMove } from "../payments/states";
import { sendProof } from "../orders/payment";
import { placeFast } from "./place-fast";
import { enqueueGathered } from "../messages/outbox";
import { placeOrder } from "./place-order";
import { forgetMovingShop, isShopMoving } from "../shards/frozen";
import { quoteCart, quoteFromBasis, type FactQuote } from "../pricing/facts";
import { orderable, type Quote } from "../pricing/price";
import { reviewCheckout, type Refusal, type Review, type Shown } from "../pricing/review";
import { normalizeCode } from "../pricing/code";
import { addSchema, checkoutSchema, codeSchema, IDEMPOTENCY_RE, removeSchema, updateSchema } from "./schemas";
import { recordIntent } from "../recovery/intents";
import { CartPage } from "./views/CartPage";
import { CheckoutPage } from "./views/CheckoutPage";
import { codeSentence } from "./views/Discounts";
import { personalContext } from "./views/frame";
import { OrderStatusPage } from "./views/OrderStatusPage";
import { payNowFor } from "../gateways/pay-now";
import type { ProofForm } from "./views/PaymentBlock";

export const checkoutRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

/** Personal pages: `Cache-Control: private, no-store` on every response, errors included. */
function noStore(): MiddlewareHandler<AppEnv> {
  return async function personalNoStore(c, next) {
    await next();
    c.res.headers.set("cache-control", "private, no-store");
  };
}
for (const p of ["/cart", "/cart/*", "/checkout", "/orders/*"]) checkoutRoutes.use(p, noStore());

const itemList = (lines: Quote["lines"]) => lines.map((l) => (l.variantTitle !== "Default" ? `${l.title} (${l.variantTitle})` : l.title)).join(", ");

function showCart(c: C, lines: CartLine[], quote: Quote, alert?: string, status: ContentfulStatusCode = 200, refusal?: Refusal, codeError?: string) {
  const ctx = personalContext(c.get("shop"), c.req.url, cartCount(lines));
  const page = <CartPage shop={c.get("shop")} ctx={ctx} quote={quote} now={Date.now()} alert={alert} refusal={refusal} codeError={codeError} />;
  return renderPage(c, page, status);
}

interface CheckoutView {
  lines: CartLine[];
  quote: FactQuote;
  key: string;
  values?: FormValues;
  errors?: FieldErrors;
  alert?: string;
  refusal?: Refusal;
}
function showCheckout(c: C, v: CheckoutView, status: ContentfulStatusCode = 200) {
  const shop = c.get("shop");
  const ctx = personalContext(shop, c.req.url, cartCount(v.lines));
  const page = (
    <CheckoutPage shop={shop} ctx={ctx} quote={v.quote} now={Date.now()} payments={paymentOptions(shop.payments, shop.providers)} idemKey={v.key} values={v.values} errors={v.errors} alert={v.alert} refusal={v.refusal} />
  );
  return renderPage(c, page, status);
}

/** Drops lines whose variant is gone (or belongs to another shop) from the cookie. */
function sanitise(c: C, parsed: { lines: CartLine[]; changed: boolean }, quote: Quote): CartLine[] {
  if (!parsed.changed && quote.missing.length === 0) return parsed.lines;
  const gone = new Set(quote.missing.map((m) => m.variantId));
  const kept = parsed.lines.filter((l) => !gone.has(l.variantId));
  writeCart(c, kept);
  return kept;
}

checkoutRoutes.get("/cart", async (c) => {
  const parsed = readCart(c);
  const quote = await quoteCart(c.get("db"), c.get("shop").id, parsed.lines, { code: readCode(c) });
  return showCart(c, sanitise(c, parsed, quote), quote);
});

checkoutRoutes.post("/cart/add", async (c) => {
  const { lines } = readCart(c);
  const form = validate(addSchema, await readForm(c));
  const candidate = form.ok ? addLine(lines, form.data.variant, form.data.quantity) : null;
  const quote = await quoteCart(c.get("db"), c.get("shop").id, candidate?.ok ? candidate.lines : lines, { code: readCode(c) });
  const t = c.get("t");
  if (!form.ok) return showCart(c, lines, quote, t((form.errors.quantity ?? form.errors.variant) as MessageKey), 400);
  if (!candidate!.ok) return showCart(c, lines, quote, t("checkout.cart.full", { max: lines.length }), 400);
  if (quote.missing.some((m) => m.variantId === form.data.variant)) {
    const current = await quoteCart(c.get("db"), c.get("shop").id, lines, { code: readCode(c) });
    return showCart(c, lines, current, t("checkout.error.variant"), 400);
  }
  writeCart(c, candidate!.lines);
  return c.redirect("/cart", 303);
});

checkoutRoutes.post("/cart/update", async (c) => {
  const { lines } = readCart(c);
  const form = validate(updateSchema, await readForm(c));
  if (!form.ok) {
    const quote = await quoteCart(c.get("db"), c.get("shop").id, lines, { code: readCode(c) });
    return showCart(c, lines, quote, c.get("t")((form.errors.quantity ?? form.errors.variant) as MessageKey), 400);
  }
  writeCart(c, setLine(lines, form.data.variant, form.data.quantity));
  return c.redirect("/cart", 303);
});

checkoutRoutes.post("/cart/remove", async (c) => {
  const { lines } = readCart(c);
  const form = validate(removeSchema, await readForm(c));
  if (form.ok) writeCart(c, removeLine(lines, form.data.variant));
  return c.redirect("/cart", 303);
});

/** The cart's discount code: applied (kept in a cookie, priced on every cart and checkout), or removed when empty. */
checkoutRoutes.post("/cart/code", async (c) => {
  const values = await readForm(c);
  const form = validate(codeSchema, values);
  if (!form.ok) {
    const parsed = readCart(c);
    const quote = await quoteCart(c.get("db"), c.get("shop").id, parsed.lines, { code: readCode(c) });
    const ctx = personalContext(c.get("shop"), c.req.url, cartCount(parsed.lines));
    const page = <CartPage shop={c.get("shop")} ctx={ctx} quote={quote} now={Date.now()} codeError={c.get("t")(form.errors.code as MessageKey)} codeValue={values.code} />;
    return renderPage(c, page, 400);
  }
  writeCode(c, normalizeCode(form.data.code));
  return c.redirect(values.back === "checkout" ? "/checkout" : "/cart", 303);
});

checkoutRoutes.get("/checkout", async (c) => {
  const parsed = readCart(c);
  const quote = await quoteCart(c.get("db"), c.get("shop").id, parsed.lines, { code: readCode(c) });
  const lines = sanitise(c, parsed, quote);
  if (orderable(quote).length === 0) return c.redirect("/cart", 303);
  return showCheckout(c, { lines, quote, key: randomToken(16) });
});

checkoutRoutes.post("/checkout", async (c) => {
  const { db, shop, t } = c.var;
  const values = await readForm(c);
  const posted = IDEMPOTENCY_RE.test(values.key ?? "") ? values.key! : null;
  const key = posted ?? randomToken(16);
  const { lines } = readCart(c);
  const code = readCode(c);
  const ip = clientIp(c.req);
  const now = Date.now();
  const payments = paymentOptions(shop.payments, shop.providers);
  // The usual case first, in ONE round trip: a valid form whose page's facts still hold (or a
  // retry of an order placed). Anything else writes nothing (but the rate-limit hit) and takes
  // the way below, which finds out what is wrong and says so.
  const form = lines.length ? validate(checkoutSchema, { ...values, key }) : null;
  let counted = null;
  if (form?.ok && payments.some((p) => p.method === form.data.payment)) {
    const fast = await placeFast(db, shop, lines, form.data, code, ip, now);
    if (fast && "placed" in fast) return placed(c, fast.placed.token, fast.placed.messages, form.data.payment);
    counted = fast?.limit ?? null;
  }
  // One round trip reads it all; placing the order is the second.
  const who = { code, phone: form?.ok ? form.data.phone : undefined };
  const { existing, limit, quote } = await checkoutReads(db, shop.id, lines, posted, ip, who, counted, now);
  // A retry of an order already placed (double tap, flaky network) lands on that order.
  if (existing) return placed(c, existing.token, [], values.payment);
  const view = { lines, quote, key, values };
  if (limit.limited) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterMs / 60_000));
    return showCheckout(c, { ...view, alert: t("error.rateLimited", { minutes }), refusal: "rate-limit" }, 429);
  }
  // What her page showed her: the order is never placed at another price.
  const shown: Shown = values.basis ? (quoteFromBasis(values.basis, lines, { code }) ?? "unknown") : null;
  const review = reviewCheckout(quote, { ...values, key }, payments, shown, now);
  if (review.kind === "invalid") await recordIntent({ db, shopId: shop.id }, { phone: values.phone, name: values.name, lines, locale: shop.locale });
  if (review.kind !== "ready") return refuse(c, view, review);

  const order = { shopId: shop.id, currency: shop.currency, locale: shop.locale, quote, zone: review.zone, priced: review.priced, form: review.form };
  let result;
  try {
    result = await placeOrder(db, order);
  } catch (err) {
    // The shop is being moved to another shard: nothing was written; her form is kept.
    if (isShopMoving(err)) {
      forgetMovingShop(shop.slug);
      return showCheckout(c, { ...view, alert: t("checkout.error.moving"), refusal: "moving" }, 503);
    }
    throw err;
  }
  if (result) return placed(c, result.token, result.messages, review.form.payment);
  // A fact changed between the two round trips (a price, the zone, stock, a discount's last
  // use): read again and say what, against the quote she was about to pay.
  const fresh = await quoteCart(db, shop.id, lines, who);
  const again = reviewCheckout(fresh, { ...values, key }, payments, { ...quote, at: now }, now);
  if (again.kind !== "ready") return refuse(c, { ...view, quote: fresh }, again);
  // Someone else bought the last units meanwhile: say which item ran short, keep the form.
  const ran = fresh.lines.filter((l) => l.state !== "ok");
  return showCheckout(c, { ...view, quote: fresh, alert: t("checkout.error.soldOutNow", { items: itemList(ran.length ? ran : review.lines) }), refusal: "sold-out" }, 409);
});

/** The answer to a checkout the review refused. */
function refuse(c: C, view: CheckoutView, review: Exclude<Review, { kind: "ready" }>) {
  const t = c.get("t");
  switch (review.kind) {
    case "empty": {
      const gone = review.gone.filter((l) => l.state !== "ok");
      if (gone.length) return showCart(c, view.lines, view.quote, t("checkout.error.soldOutNow", { items: itemList(gone) }), 400, "sold-out");
      return showCart(c, view.lines, view.quote, t("checkout.error.empty"), 400, "empty");
    }
    case "invalid":
      return showCheckout(c, { ...view, errors: review.errors, refusal: "invalid" }, 400);
    case "short":
      return showCheckout(c, { ...view, alert: t("checkout.error.short", { items: itemList(review.lines) }), refusal: "short" }, 409);
    case "priceChanged": {
      // A code that no longer applies says why; anything else is a price the seller changed.
      const code = review.priced.code;
      const ctx = personalContext(c.get("shop"), c.req.url, cartCount(view.lines));
      const alert = code && code.status !== "applied" ? t("pricing.error.codeChanged", { reason: codeSentence(ctx, code) }) : t("checkout.error.priceChanged");
      return showCheckout(c, { ...view, alert, refusal: "price-changed" }, 409);
    }
  }
}

/**
 * The order's page; the messages the order wrote go on the queue after the answer. Paid through a
 * gateway, the gateway's start route instead: a 307 keeps it a same-origin POST, which starts the
 * payment and hands her to the gateway's page (src/gateways/routes.tsx).
 */
function placed(c: C, token: string, messages: number[] = [], method?: string) {
  if (messages.length) c.executionCtx.waitUntil(enqueueGathered(shopQueue(c), messages));
  writeCart(c, []);
  const next = method ? afterPlace(method, token) : null;
  return next ? c.redirect(next, 307) : c.redirect(`/orders/${token}?placed=1`, 303);
}

/** The order behind an unguessable token, within this shop only; null for a malformed, unknown or another shop's token. */
const orderOfToken = (c: C, token: string) => (/^[A-Za-z0-9_-]{20,64}$/.test(token) ? orderByToken(c.get("db"), c.get("shop").id, token) : null);

/** Unknown or another shop's token: the shop's own "not found" page, never a hint it exists. */
const orderNotFound = (c: C) => renderPage(c, resolveTheme(c.get("shop")).theme.pages.notFound(personalContext(c.get("shop"), c.req.url, cartCount(readCart(c).lines))), 404);

/** The order page, and after a refused proof the same page with her typed ID and the messages beside the fields. */
async function showOrderPage(c: C, token: string, form?: ProofForm) {
  const { shop } = c.var;
  const ctx = personalContext(shop, c.req.url, cartCount(readCart(c).lines));
  const detail = await orderOfToken(c, token);
  if (!detail) return orderNotFound(c);
  const whatsappUrl = sellerWaLink(detail, shop, `${new URL(c.req.url).origin}/orders/${token}`);
  const payment = paymentOptions(shop.payments, shop.providers).find((p) => p.method === detail.order.paymentMethod) ?? null;
  const pay = payNowFor(c, detail);
  const proofNotice = c.req.query("proof");
  const page = (
    <OrderStatusPage
      shop={shop}
      ctx={ctx}
      detail={{ ...detail, events: publicEvents(detail.events) }}
      payment={payment}
      whatsappUrl={whatsappUrl}
      placed={c.req.query("placed") === "1"}
      cancel={customerMayCancel(detail.order.status) ? `/orders/${token}/cancel` : null}
      cancelled={cancelNotice(c.req.query("cancel"))}
      confirm={customerMayConfirm(detail.order) ? `/orders/${token}/confirm` : null}
      confirmed={CONFIRM_OUTCOMES.find((o) => o === c.req.query("confirm")) ?? null}
      pay={pay}
      proof={{
        takesProof: takesProof(detail.order.paymentMethod),
        action: `/orders/${token}/proof`,
        form,
        referenceMax: PROOF_REFERENCE_MAX,
        notice: proofNotice === "sent" || proofNotice === "late" ? proofNotice : null,
      }}
    />
  );
  return renderPage(c, page, form ? 400 : 200);
}

checkoutRoutes.get("/orders/:token", (c) => showOrderPage(c, c.req.param("token")));

/**
 * Her proof of a transfer (src/payments/proof.ts): the transaction ID (zod) and the screenshot
 * (checked by its bytes) are both checked before anything is stored; then the screenshot goes to
 * R2 and the state, its event and the seller's alert are one batch (src/orders/payment.ts). A
 * proof after the seller settled the payment changes nothing and the page says so.
 */
checkoutRoutes.post("/orders/:token/proof", async (c) => {
  const token = c.req.param("token");
  const detail = await orderOfToken(c, token);
  if (!detail) return orderNotFound(c);
  const { order } = detail;
  if (!takesProof(order.paymentMethod)) return orderNotFound(c);
  if (!mayMove("proofSent", order.paymentState)) return c.redirect(`/orders/${token}?proof=late#payment`, 303);
  const body = await c.req.parseBody();
  const reference = typeof body.reference === "string" ? body.reference : "";
  const parsed = proofSchema.safeParse({ reference, screenshot: body.screenshot });
  // Her screenshot's bytes are checked even when the ID is refused: both messages at once.
  const shot = proofSchema.shape.screenshot.safeParse(body.screenshot);
  const checked = shot.success ? await checkProof(shot.data) : null;
  if (!parsed.success || !checked || "error" in checked) {
    const issue = (f: string) => (parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === f)?.message);
    return showOrderPage(c, token, { reference, errors: { reference: issue("reference"), screenshot: issue("screenshot") ?? (checked && "error" in checked ? checked.error : undefined) } });
  }
  const key = await putProof(c.env.MEDIA, c.get("shop").id, checked);
  const r = await sendProof({ db: c.get("db"), shopId: c.get("shop").id }, order.id, { key, reference: parsed.data.reference });
  if (!r.ok) return c.redirect(`/orders/${token}?proof=late#payment`, 303);
  if (r.messages.length) c.executionCtx.waitUntil(enqueueGathered(shopQueue(c), r.messages));
  return c.redirect(`/orders/${token}?proof=sent#payment`, 303);
});

/** Her screenshot, to the holder of the order's token only: private, never cached. */
checkoutRoutes.get("/orders/:token/proof", async (c) => {
  const detail = await orderOfToken(c, c.req.param("token"));
  const res = detail?.order.paymentProof ? await proofResponse(c.env.MEDIA, c.get("shop").id, detail.order.paymentProof) : null;
  return res ?? orderNotFound(c);
});

const cancelNotice = (q: string | undefined) => (q === "done" || q === "late" ? q : null);

/**
 * The customer cancels her order from its page, while the seller has not confirmed it yet: the
 * stock goes back and the seller is told (one batch). A seller who confirmed meanwhile wins, and
 * the page says to ask her on WhatsApp instead.
 */
checkoutRoutes.post("/orders/:token/cancel", async (c) => {
  const token = c.req.param("token");
  const detail = await orderOfToken(c, token);
  if (!detail) return orderNotFound(c);
  const r = await cancelByCustomer({ db: c.get("db"), shopId: c.get("shop").id }, detail);
  if (r.ok && r.messages?.length) c.executionCtx.waitUntil(enqueueGathered(shopQueue(c), r.messages));
  return c.redirect(`/orders/${token}?cancel=${r.ok ? "done" : "late"}`, 303);
});

/**
 * The customer confirms her cash-on-delivery order from its page (src/orders/confirmation.ts): a
 * second tap, or one after the seller cancelled or confirmed it, changes nothing and the page says so.
 */
checkoutRoutes.post("/orders/:token/confirm", async (c) => {
  const token = c.req.param("token");
  const detail = await orderOfToken(c, token);
  if (!detail) return orderNotFound(c);
  const outcome = await confirmByCustomer({ db: c.get("db"), shopId: c.get("shop").id }, detail.order.id);
  return c.redirect(`/orders/${token}?confirm=${outcome}`, 303);
});

/**
 * The packing slip the seller sends her rider (from her order page, on WhatsApp): the order's
 * unguessable token is the key, in the shop's language, personal (no-store) and never indexed.
 */
checkoutRoutes.get("/orders/:token/slip", async (c) => {
  const { shop } = c.var;
  const token = c.req.param("token");
  const detail = await orderOfToken(c, token);
  if (!detail) return orderNotFound(c);
  c.header("x-robots-tag", "noindex");
  const slip = <PackingSlip m={messages(shop.locale)} shop={shop} detail={detail} size={slipSize(c.req.query("size"))} self={`/orders/${token}/slip`} />;
  return renderPage(c, slip);
});
