/**
 * Proof of payment on the customer's order page: her screenshot is resized in the browser before
 * it is sent (at most 1280 px wide, WebP, or JPEG where the browser cannot encode WebP), so a
 * phone's 4 MB capture goes as a few hundred KB. The server checks the bytes whatever comes; when
 * the browser cannot resize (no canvas, no DataTransfer) the original is sent and the size cap
 * says why if it is too big. The chosen file's name is written beside the button.
 */
const form = document.querySelector("form[data-proof-form]") as HTMLFormElement | null;
const input = form?.elements.namedItem("screenshot") as HTMLInputElement | null;
const MAX_WIDTH = 1280;

function toBlob(canvas: HTMLCanvasElement, type: string): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, 0.85));
}

async function resized(file: File): Promise<File | null> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, MAX_WIDTH / img.naturalWidth);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    canvas.getContext("2d")?.drawImage(img, 0, 0, canvas.width, canvas.height);
    let blob = await toBlob(canvas, "image/webp");
    if (!blob || blob.type !== "image/webp") blob = await toBlob(canvas, "image/jpeg");
    if (!blob || blob.size >= file.size) return null;
    return new File([blob], blob.type === "image/webp" ? "screenshot.webp" : "screenshot.jpg", { type: blob.type });
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

// The chosen file's name beside the button (the browser's own line is hidden).
const names = form?.querySelector("[data-file-names]");
if (input && names) input.addEventListener("change", () => (names.textContent = input.files && input.files[0] ? input.files[0].name : ""));

if (form && input && "DataTransfer" in window && "toBlob" in HTMLCanvasElement.prototype) {
  let ready = false;
  form.addEventListener("submit", (e) => {
    const file = input.files && input.files[0];
    if (ready || !file) return;
    e.preventDefault();
    const button = form.querySelector("button[type=submit]") as HTMLButtonElement | null;
    if (button) button.disabled = true;
    void resized(file).then((small) => {
      if (small) {
        const dt = new DataTransfer();
        dt.items.add(small);
        input.files = dt.files;
      }
      ready = true;
      if (button) button.disabled = false;
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  });
}
