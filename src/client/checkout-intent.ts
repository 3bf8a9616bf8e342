// Checkout: when the customer leaves the phone field (or the name field after it) with a whole
// mobile number, her number and name go to /checkout/intent in the background (sendBeacon, or
// fetch with keepalive), so the seller can remind her if she does not order (src/recovery).
// Without JavaScript, a checkout refused for another field records it instead.
const form = document.querySelector<HTMLFormElement>("form[data-checkout]");
if (form) {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  let sent = "";
  form.addEventListener("focusout", (e) => {
    const name = (e.target as HTMLInputElement).name;
    if (name !== "phone" && name !== "name") return;
    const phone = field("phone")?.value ?? "";
    // Urdu and Arabic-Indic digits as ASCII, then the shapes of a Pakistani mobile number.
    const digits = phone.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) & 15)).replace(/\D/g, "");
    if (!/^(?:0092|92|0)?3\d{9}$/.test(digits)) return;
    const body = new URLSearchParams({ phone, name: field("name")?.value ?? "" });
    if (body.toString() === sent) return;
    sent = body.toString();
    const url = `${form.getAttribute("action")}/intent`;
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) fetch(url, { method: "POST", body, keepalive: true }).catch(() => {});
  });
}
