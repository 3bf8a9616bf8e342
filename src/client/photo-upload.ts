/**
 * Photo upload and order island, on the new-product form and on the product page. Each chosen
 * photo (camera or gallery) takes its place in the list at once, in the order she chose, and is
 * resized in the browser to 320, 640 and 1280 px wide (never wider than the original) as WebP,
 * or JPEG where the browser cannot encode WebP, then sent with fetch, one request per photo, with
 * its progress in its place. Uploads run side by side and finish in any order; each keeps its
 * place: on the new form the place is the order of the hidden `pending` inputs the form posts,
 * on the product page the position sent with the photo (`pos`). A failed upload keeps its resized
 * files and offers Retry.
 *
 * The first photo is the main one (its badge moves with it). The order changes by dragging the
 * handle (Pointer Events: a finger, a mouse or a pen; the page does not scroll under the handle)
 * or with the buttons (make main, earlier, later); on the product page the whole order is then
 * saved with one POST. Without JavaScript the plain forms do all of this with a page load each.
 */
import { dragToReorder } from "./lib/drag";

const input = document.getElementById("photo-input") as HTMLInputElement | null;
const list = document.getElementById("photo-list");
const statusLine = document.getElementById("photo-status");
const submit = document.getElementById("photo-submit");
const WIDTHS = [320, 640, 1280];
const canResize = "toBlob" in HTMLCanvasElement.prototype;
const d: DOMStringMap = input ? input.dataset : {};

if (input && list && "fetch" in window && "FormData" in window && canResize) {
  const photoList = list;
  /** The new form: photos wait for the product; the product page: photos are saved at once. */
  const pendingUrl = d.pending || "";
  const uploadUrl = d.action || "";
  const orderUrl = photoList.dataset.order || "";
  const productForm = pendingUrl ? input.form : null;
  if (submit) submit.hidden = true;
  if (uploadUrl) input.form?.addEventListener("submit", (e) => e.preventDefault());
  const items = () => Array.prototype.slice.call(photoList.children) as HTMLLIElement[];
  let nextPos = items().reduce((m, li) => Math.max(m, Number(li.dataset.pos) + 1 || 0), items().length);
  let inFlight = 0;
  let unsaved = false;

  const say = (text: string) => {
    if (statusLine) statusLine.textContent = text;
  };
  const setBusy = (n: number) => {
    inFlight += n;
    if (productForm) {
      Array.prototype.slice.call(productForm.querySelectorAll('button[type="submit"]')).forEach((b: HTMLButtonElement) => (b.disabled = inFlight > 0));
      say(inFlight > 0 ? d.mWait || "" : "");
    }
    if (!inFlight && unsaved) saveOrder();
  };

  input.addEventListener("change", () => {
    const files = Array.prototype.slice.call(input.files || []) as File[];
    input.value = "";
    files.forEach((f) => start(f));
  });

  /** The badge on the first photo only. */
  function refresh() {
    const first = photoList.firstElementChild;
    let badge = photoList.querySelector(".main-badge");
    if (!first) return;
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "main-badge";
      badge.textContent = d.mMain || "";
    }
    const box = first.querySelector(".ph-img");
    if (box && badge.parentElement !== box) box.appendChild(badge);
  }

  /** Her order changed: on the product page it is saved whole (once every upload has its id). */
  function changed() {
    refresh();
    if (!orderUrl) return;
    unsaved = true;
    if (!inFlight) saveOrder();
  }

  async function saveOrder() {
    unsaved = false;
    const body = new URLSearchParams();
    items().forEach((li) => li.dataset.id && body.append("order", li.dataset.id));
    try {
      const res = await fetch(orderUrl, { method: "POST", body, credentials: "same-origin", headers: { "x-csrf-token": d.csrf || "", accept: "application/json" } });
      const r: { ok?: boolean; error?: string } = await res.json();
      say(r.ok ? d.mSaved || "" : r.error || d.mFailed || "");
    } catch (e) {
      say(d.mFailed || "");
    }
  }

  function button(label: string, attr: string, value: string): HTMLButtonElement {
    const b = document.createElement("button");
    b.type = "button";
    b.className = attr === "data-remove" ? "btn small ghost danger" : "btn small ghost";
    b.setAttribute(attr, value);
    b.textContent = label;
    return b;
  }

  /** The controls of a photo sent from this page: the handle, the order buttons, remove. */
  function controls(li: HTMLLIElement, acts: HTMLElement) {
    const handle = button("⠿", "aria-label", d.mDrag || "");
    handle.classList.add("handle");
    acts.append(handle, button(d.mMakeMain || "", "data-move", "first"), button(d.mEarlier || "", "data-move", "up"), button(d.mLater || "", "data-move", "down"));
    if (pendingUrl) acts.appendChild(button(d.mRemove || "", "data-remove", ""));
    li.classList.remove("uploading");
  }

  // The server drew these: show their handles and JavaScript-only buttons.
  Array.prototype.slice.call(photoList.querySelectorAll(".handle,[data-move],[data-remove]")).forEach((el: HTMLElement) => (el.hidden = false));

  photoList.addEventListener("click", (e) => {
    const b = (e.target as Element).closest ? ((e.target as Element).closest("button[data-move],button[data-remove]") as HTMLButtonElement | null) : null;
    const li = b && (b.closest("li") as HTMLLIElement | null);
    if (!b || !li) return;
    e.preventDefault();
    if (b.hasAttribute("data-remove")) {
      if (li.dataset.id && pendingUrl) fetch(`${pendingUrl}/${li.dataset.id}/delete`, { method: "POST", credentials: "same-origin", headers: { "x-csrf-token": d.csrf || "" } }).catch(() => undefined);
      li.remove();
      refresh();
      return;
    }
    const dir = b.getAttribute("data-move");
    const prev = li.previousElementSibling;
    const next = li.nextElementSibling;
    if (dir === "first" && prev) photoList.insertBefore(li, photoList.firstElementChild);
    else if (dir === "up" && prev) photoList.insertBefore(li, prev);
    else if (dir === "down" && next) photoList.insertBefore(next, li);
    else return;
    changed();
    const stay = li.querySelector(`[data-move="${dir}"]`) as HTMLElement | null;
    (stay && stay.offsetParent ? stay : (li.querySelector(".handle") as HTMLElement | null))?.focus();
  });

  // Drag by the handle (src/client/lib/drag.ts).
  dragToReorder(photoList, () => changed());

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

  async function send(files: { width: number; blob: Blob }[], pos: number): Promise<{ id: number; src: string }> {
    const fd = new FormData();
    files.forEach((f) => fd.append(`w${f.width}`, f.blob, `${f.width}.${f.blob.type === "image/webp" ? "webp" : "jpg"}`));
    if (pendingUrl) fd.append("photoForm", (productForm?.elements.namedItem("photoForm") as HTMLInputElement | null)?.value || "");
    else fd.append("pos", String(pos));
    const res = await fetch(pendingUrl || uploadUrl, {
      method: "POST",
      body: fd,
      credentials: "same-origin",
      headers: { "x-csrf-token": d.csrf || "", accept: "application/json" },
    });
    let body: { ok?: boolean; error?: string; id?: number; photos?: { id: number; src: string }[]; src?: string } = {};
    try {
      body = await res.json();
    } catch (e) {
      /* not JSON: a proxy or network error page */
    }
    const photo = body.photos ? body.photos[0] : body.id && body.src ? { id: body.id, src: body.src } : undefined;
    if (!res.ok || !body.ok || !photo) throw new Error(body.error || d.mFailed || "failed");
    return photo;
  }

  let tmp = 0;
  /** A chosen photo takes its place now (her order), and fills it when it is sent. */
  function start(file: File) {
    const pos = nextPos++;
    const li = document.createElement("li");
    li.className = "uploading";
    li.dataset.tmp = `t${++tmp}`;
    const box = document.createElement("div");
    box.className = "ph-img";
    const ph = document.createElement("span");
    ph.className = "ph";
    box.appendChild(ph);
    const acts = document.createElement("div");
    acts.className = "acts";
    const name = document.createElement("span");
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 1;
    bar.value = 0;
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    acts.append(name, bar, status);
    li.append(box, acts);
    photoList.appendChild(li);
    refresh();
    let resized: { width: number; blob: Blob }[] | null = null;

    const run = async () => {
      Array.prototype.slice.call(acts.querySelectorAll("button")).forEach((b: HTMLElement) => b.remove());
      setBusy(1);
      try {
        if (!resized) {
          status.textContent = d.mResizing || "";
          resized = await resize(file, (n) => (bar.value = n * 0.5));
        }
        status.textContent = d.mUploading || "";
        bar.value = 0.6;
        const photo = await send(resized, pos);
        li.dataset.id = String(photo.id);
        li.dataset.pos = String(pos);
        const img = document.createElement("img");
        img.src = photo.src;
        img.alt = file.name;
        box.replaceChild(img, ph);
        if (pendingUrl) {
          const hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = "pending";
          hidden.value = String(photo.id);
          li.insertBefore(hidden, acts);
        }
        bar.remove();
        status.textContent = d.mDone || "";
        controls(li, acts);
      } catch (e) {
        status.textContent = (e as Error).message || d.mFailed || "";
        acts.append(button(d.mRetry || "Retry", "data-retry", ""), button(d.mRemove || "", "data-remove", ""));
        (acts.querySelector("[data-retry]") as HTMLElement).addEventListener("click", run);
      }
      setBusy(-1);
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
