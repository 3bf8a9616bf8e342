// The share card's and the slip's buttons that need JavaScript, hidden without it: "Copy link"
// (the clipboard where the browser allows it, else the selected field and the browser's copy
// command; the field stays selectable either way), and the phone's share sheet (Web Share API).
const copy = async (input: HTMLInputElement): Promise<boolean> => {
  input.focus();
  input.select();
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(input.value);
      return true;
    }
  } catch {
    // Refused (permissions): the browser's own copy command below.
  }
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
};

document.querySelectorAll<HTMLButtonElement>("[data-copy]").forEach((b) => {
  const input = document.getElementById(b.dataset.copy ?? "");
  if (!(input instanceof HTMLInputElement)) return;
  const status = document.getElementById(`${input.id}-status`);
  input.addEventListener("focus", () => input.select());
  b.hidden = false;
  b.addEventListener("click", () => {
    void copy(input).then((ok) => {
      if (status) status.textContent = ok ? (b.dataset.copied ?? "") : "";
    });
  });
});

if (typeof navigator.share === "function") {
  document.querySelectorAll<HTMLButtonElement>("[data-web-share]").forEach((b) => {
    b.hidden = false;
    b.addEventListener("click", () => {
      // A closed share sheet rejects: nothing to do.
      navigator.share({ title: b.dataset.title, text: b.dataset.text, url: b.dataset.webShare }).catch(() => undefined);
    });
  });
}
