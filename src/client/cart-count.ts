/**
 * Shows the number of items in the cart in the header. Storefront pages are shared (cached),
 * so the server never renders it: it is read here from the hatti_cart cookie, whose value is
 * "variantId x quantity" pairs joined by ".", e.g. "12x2.40x1" -> 3.
 */
const m = /(?:^|;\s*)hatti_cart=([^;]*)/.exec(document.cookie);
let n = 0;
if (m) {
  for (const part of decodeURIComponent(m[1] || "").split(".")) {
    const q = Number(part.split("x")[1]);
    if (q > 0 && q < 1000) n += Math.floor(q);
  }
}
if (n > 0) {
  const els = document.querySelectorAll("[data-cart-count]");
  for (let i = 0; i < els.length; i++) {
    els[i]!.textContent = String(n);
    // The cart link's label says the count too ("Cart, items: {count}" from the page's language).
    const link = els[i]!.closest("[data-label]");
    if (link) link.setAttribute("aria-label", link.getAttribute("data-label")!.replace("{count}", String(n)));
  }
}

// A code link's notice (src/checkout/code-link.ts), shown once at the top of the page.
const note = /(?:^|;\s*)hatti_note=([^;]*)/.exec(document.cookie);
if (note) {
  document.cookie = "hatti_note=; path=/; max-age=0";
  const p = document.createElement("p");
  p.setAttribute("role", "status");
  p.textContent = decodeURIComponent(note[1] || "");
  p.style.cssText = "margin:0;padding:12px 16px;background:var(--soft);color:var(--ink);border-bottom:2px solid var(--primary);text-align:center;font-weight:600";
  document.body.insertBefore(p, document.body.firstChild);
}
