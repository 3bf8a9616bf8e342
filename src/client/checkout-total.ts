// Checkout: when the customer picks another delivery zone, the summary's delivery line and
// total follow (the amounts are formatted by the server on each radio's data attributes).
// Without JavaScript each zone's label already shows its own total.
const form = document.querySelector<HTMLFormElement>("form[data-checkout]");
if (form) {
  const zoneLabel = document.getElementById("co-zone-label");
  const fee = document.getElementById("co-fee");
  const total = document.getElementById("co-total");
  form.addEventListener("change", (e) => {
    const input = e.target as HTMLInputElement;
    if (input.name !== "zone" || !input.checked) return;
    if (zoneLabel && input.dataset.label) zoneLabel.textContent = input.dataset.label;
    if (fee && input.dataset.fee) fee.textContent = input.dataset.fee;
    if (total && input.dataset.total) total.textContent = input.dataset.total;
  });
}
