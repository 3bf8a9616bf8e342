/**
 * Product page enhancement (the page works without it): the gallery's dots follow the swipe and
 * its links scroll the gallery only (not the page); the phone's buy bar (#buybar, sticky in CSS)
 * is kept away until the buy form has scrolled off the top; adding to the cart pulses the button
 * and the header's count (CSS animates only without prefers-reduced-motion).
 */
const slides = document.getElementById("slides");
const dots = document.querySelectorAll(".dots a");
if (slides && dots.length) {
  slides.addEventListener(
    "scroll",
    () => {
      // Right to left, scrollLeft runs from 0 down to negative values.
      const at = Math.round(Math.abs(slides.scrollLeft) / slides.clientWidth);
      for (let i = 0; i < dots.length; i++) {
        if (i === at) dots[i]!.setAttribute("aria-current", "true");
        else dots[i]!.removeAttribute("aria-current");
      }
    },
    { passive: true },
  );
  document.addEventListener("click", (e) => {
    const a = (e.target as Element).closest(".gallery a[href^='#p']");
    const photo = a && document.getElementById(a.getAttribute("href")!.slice(1));
    if (photo) {
      e.preventDefault();
      photo.scrollIntoView({ block: "nearest", inline: "start" });
    }
  });
}

const form = document.getElementById("buy-form") as HTMLFormElement | null;
const bar = document.getElementById("buybar");
if (form && bar && "IntersectionObserver" in window) {
  bar.classList.add("off");
  new IntersectionObserver((entries) => {
    const e = entries[entries.length - 1]!;
    bar.classList.toggle("off", e.isIntersecting || e.boundingClientRect.top > 0);
  }).observe(form);
}
if (form) {
  // After the picker's own handlers: the bar shows the chosen variant and its price.
  form.addEventListener("change", () => {
    const select = document.getElementById("variant") as HTMLSelectElement | null;
    const price = document.getElementById("bb-price");
    const variant = document.getElementById("bb-variant");
    // The chosen variant: the select's option, or the checked chip of a one-option product.
    const o = select ? select.options[select.selectedIndex] : form.querySelector("input[name=variant]:checked");
    if (price) price.textContent = document.getElementById("price")!.textContent;
    if (variant && o) variant.textContent = (JSON.parse(o.getAttribute("data-o") || "[]") as string[]).join(" / ");
  });
  form.addEventListener("submit", () => {
    const q = Math.max(1, Math.floor(Number((document.getElementById("quantity") as HTMLInputElement).value) || 1));
    const counts = document.querySelectorAll("[data-cart-count]");
    for (let i = 0; i < counts.length; i++) {
      counts[i]!.textContent = String((Number(counts[i]!.textContent) || 0) + q);
      counts[i]!.classList.add("pulse");
    }
    document.getElementById("buy")!.classList.add("pulse");
  });
}
