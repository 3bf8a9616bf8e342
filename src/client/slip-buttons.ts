// The packing slip's buttons, hidden without JavaScript: Print, and Share (the phone's own share
// sheet, where the browser has the Web Share API; the WhatsApp link beside it works without).
document.querySelectorAll<HTMLButtonElement>("[data-print]").forEach((b) => {
  b.hidden = false;
  b.addEventListener("click", () => window.print());
});
if (typeof navigator.share === "function") {
  document.querySelectorAll<HTMLButtonElement>("[data-share]").forEach((b) => {
    b.hidden = false;
    b.addEventListener("click", () => {
      // A closed share sheet rejects: nothing to do.
      navigator.share({ title: document.title, text: b.dataset.text, url: b.dataset.share }).catch(() => undefined);
    });
  });
}
