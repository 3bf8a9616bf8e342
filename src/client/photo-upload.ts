/**
 * Photo upload island. Each chosen photo (camera or gallery) is resized in the browser to
 * 320, 640 and 1280 px wide (never wider than the original) as WebP, or JPEG where the browser
 * cannot encode WebP, then sent with fetch, one request per photo, with per-photo progress.
 * A failed upload keeps its resized files and offers Retry; the rest of the page is untouched.
 * Without JavaScript the plain multipart form uploads the original instead.
 */
const input = document.getElementById("photo-input") as HTMLInputElement | null;
const list = document.getElementById("uploads");
const photos = document.getElementById("photo-list");
const submit = document.getElementById("photo-submit");
const WIDTHS = [320, 640, 1280];
const canResize = "toBlob" in HTMLCanvasElement.prototype;
const d: DOMStringMap = input ? input.dataset : {};

if (input && list && "fetch" in window && "FormData" in window && canResize) {
  if (submit) submit.hidden = true;
  input.form?.addEventListener("submit", (e) => e.preventDefault());
  input.addEventListener("change", () => {
    const files = Array.prototype.slice.call(input.files || []) as File[];
    input.value = "";
    files.forEach((f) => start(f));
  });

  function load(file: File): Promise<HTMLImageElement> {
    return new Promise((resolve, reject) => {
      const img = new Image();
      const url = URL.createObjectURL(file);
      img.onload = () => {
        URL.revokeObjectURL(url);
        resolve(img);
      };
      img.onerror = () => {
        URL.revokeObjectURL(url);
        reject(new Error(d.mFailed || "failed"));
      };
      img.src = url;
    });
  }

  function encode(canvas: HTMLCanvasElement, type: string): Promise<Blob | null> {
    return new Promise((resolve) => canvas.toBlob(resolve, type, 0.82));
  }

  async function resize(file: File, step: (n: number) => void): Promise<{ width: number; blob: Blob }[]> {
    const img = await load(file);
    const w0 = img.naturalWidth;
    const h0 = img.naturalHeight;
    const widths = WIDTHS.map((w) => Math.min(w, w0)).filter((w, i, a) => a.indexOf(w) === i);
    const out: { width: number; blob: Blob }[] = [];
    let type = "image/webp";
    for (let i = 0; i < widths.length; i++) {
      const width = widths[i]!;
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = Math.max(1, Math.round((h0 * width) / w0));
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error(d.mFailed || "failed");
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      let blob = await encode(canvas, type);
      if (!blob || blob.type !== type) {
        type = "image/jpeg";
        blob = await encode(canvas, type);
        // Widths already made as WebP are redone in JPEG: one photo has one format.
        if (out.length) return resizeAs(img, widths, type);
      }
      if (!blob) throw new Error(d.mFailed || "failed");
      out.push({ width, blob });
      step((i + 1) / widths.length);
    }
    return out;
  }

  async function resizeAs(img: HTMLImageElement, widths: number[], type: string) {
    const out: { width: number; blob: Blob }[] = [];
    for (const width of widths) {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = Math.max(1, Math.round((img.naturalHeight * width) / img.naturalWidth));
      canvas.getContext("2d")!.drawImage(img, 0, 0, canvas.width, canvas.height);
      const blob = await encode(canvas, type);
      if (blob) out.push({ width, blob });
    }
    return out;
  }

  async function send(files: { width: number; blob: Blob }[]): Promise<{ src: string }> {
    const fd = new FormData();
    files.forEach((f) => fd.append(`w${f.width}`, f.blob, `${f.width}.${f.blob.type === "image/webp" ? "webp" : "jpg"}`));
    const res = await fetch(d.action || "", {
      method: "POST",
      body: fd,
      credentials: "same-origin",
      headers: { "x-csrf-token": d.csrf || "", accept: "application/json" },
    });
    let body: { ok?: boolean; error?: string; photos?: { src: string }[] } = {};
    try {
      body = await res.json();
    } catch (e) {
      /* not JSON: a proxy or network error page */
    }
    if (!res.ok || !body.ok || !body.photos || !body.photos[0]) throw new Error(body.error || d.mFailed || "failed");
    return body.photos[0];
  }

  function start(file: File) {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 1;
    bar.value = 0;
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    li.append(name, bar, status);
    list!.appendChild(li);
    let resized: { width: number; blob: Blob }[] | null = null;

    const run = async () => {
      const old = li.querySelector("button");
      if (old) old.remove();
      try {
        if (!resized) {
          status.textContent = d.mResizing || "";
          resized = await resize(file, (n) => (bar.value = n * 0.5));
        }
        status.textContent = d.mUploading || "";
        bar.value = 0.6;
        const photo = await send(resized);
        bar.value = 1;
        status.textContent = d.mDone || "";
        if (photos) {
          const item = document.createElement("li");
          const img = document.createElement("img");
          img.src = photo.src;
          img.alt = file.name;
          item.appendChild(img);
          photos.appendChild(item);
        }
      } catch (e) {
        status.textContent = (e as Error).message || d.mFailed || "";
        const retry = document.createElement("button");
        retry.type = "button";
        retry.className = "btn small";
        retry.textContent = d.mRetry || "Retry";
        retry.addEventListener("click", run);
        li.appendChild(retry);
      }
    };
    run();
  }
}

/**
 * Theme images (logo, banner) go with the theme form: where the browser can, the chosen photo
 * is replaced by a copy at most 1280 px wide in WebP before the form is sent.
 */
const shrink = Array.prototype.slice.call(document.querySelectorAll("input[data-shrink]")) as HTMLInputElement[];
if (shrink.length && canResize && typeof DataTransfer !== "undefined") {
  let pending = 0;
  const buttons = () => Array.prototype.slice.call(document.querySelectorAll("#theme-form button")) as HTMLButtonElement[];
  shrink.forEach((el) => {
    el.addEventListener("change", () => {
      const file = el.files && el.files[0];
      if (!file || /\.webp$/.test(file.name)) return;
      pending++;
      buttons().forEach((b) => (b.disabled = true));
      const img = new Image();
      const url = URL.createObjectURL(file);
      const done = () => {
        URL.revokeObjectURL(url);
        if (--pending === 0) buttons().forEach((b) => (b.disabled = false));
      };
      img.onerror = done;
      img.onload = () => {
        const width = Math.min(1280, img.naturalWidth);
        const canvas = document.createElement("canvas");
        canvas.width = width;
        canvas.height = Math.max(1, Math.round((img.naturalHeight * width) / img.naturalWidth));
        const ctx = canvas.getContext("2d");
        if (!ctx) return done();
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(
          (blob) => {
            if (blob && blob.type === "image/webp") {
              const dt = new DataTransfer();
              dt.items.add(new File([blob], file.name.replace(/\.[^.]*$/, "") + ".webp", { type: "image/webp" }));
              el.files = dt.files;
            }
            done();
          },
          "image/webp",
          0.85,
        );
      };
      img.src = url;
    });
  });
}

/** Colour pickers show their value beside them as it changes. */
Array.prototype.slice.call(document.querySelectorAll('#theme-form input[type="color"]')).forEach((el: HTMLInputElement) => {
  const label = el.nextElementSibling;
  if (label) el.addEventListener("input", () => (label.textContent = el.value));
});

/** A file picker whose input is hidden (src/ui/Field.tsx FileField): the chosen names beside its button. */
Array.prototype.slice.call(document.querySelectorAll("[data-file-names]")).forEach((out: HTMLElement) => {
  const el = document.getElementById(out.dataset.fileNames || "") as HTMLInputElement | null;
  if (!el || el === input) return;
  el.addEventListener("change", () => {
    out.textContent = Array.prototype.slice.call(el.files || []).map((f: File) => f.name).join(", ");
  });
});
