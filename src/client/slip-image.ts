// The packing slip's "Share as image" (hidden without JavaScript or a canvas): draws the slip's
// rows (made by the server in the slip's language, in the button's data-slip-image) onto a
// canvas, where the browser shapes Urdu, and hands the PNG to the phone's share sheet (Web Share
// API level 2, files) or, where it cannot share files, downloads it.
import type { SlipImageRow as Row } from "./slip-rows";

interface Line {
  text: string;
  end?: string;
  font: string;
  y: number;
  rule?: boolean;
}

const WIDTH = 720;
const PAD = 36;
const BASE = 26;
/** Past this the canvas is cut (browsers refuse very tall canvases). */
const MAX_HEIGHT = 16_000;

function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (ctx.measureText(next).width <= max || !line) line = next;
      else {
        out.push(line);
        line = word;
      }
      // A word wider than the line (an address, a long SKU): cut it.
      while (ctx.measureText(line).width > max && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > max) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line);
  }
  return out;
}

function draw(rows: Row[], rtl: boolean, family: string, lineHeight: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d")!;
  const lines: Line[] = [];
  let y = PAD;
  for (const r of rows) {
    if (r.gap) {
      y += BASE * 0.6;
      continue;
    }
    if (r.rule) {
      lines.push({ text: "", font: "", y: y + 6, rule: true });
      y += 16;
      continue;
    }
    const size = Math.round(BASE * (r.s ?? 1));
    const font = `${r.b ? 700 : 400} ${size}px ${family}`;
    ctx.font = font;
    const endWidth = r.e ? ctx.measureText(r.e).width + 24 : 0;
    wrap(ctx, r.t ?? "", WIDTH - PAD * 2 - endWidth).forEach((text, i) => {
      y += size * lineHeight;
      lines.push({ text, end: i === 0 ? r.e : undefined, font, y: y - size * (lineHeight - 1) * 0.5 });
    });
  }
  canvas.width = WIDTH;
  canvas.height = Math.min(MAX_HEIGHT, Math.ceil(y + PAD));
  const c = canvas.getContext("2d")!;
  c.fillStyle = "#fff";
  c.fillRect(0, 0, canvas.width, canvas.height);
  c.fillStyle = "#000";
  c.direction = rtl ? "rtl" : "ltr";
  c.textBaseline = "alphabetic";
  const start = rtl ? WIDTH - PAD : PAD;
  const end = rtl ? PAD : WIDTH - PAD;
  for (const l of lines) {
    if (l.rule) {
      c.fillRect(PAD, l.y, WIDTH - PAD * 2, 2);
      continue;
    }
    c.font = l.font;
    c.textAlign = "start";
    c.fillText(l.text, start, l.y);
    if (l.end) {
      c.textAlign = "end";
      c.fillText(l.end, end, l.y);
    }
  }
  return canvas;
}

/** The canvas's PNG, made at once (a share must start inside the tap that asked for it). */
function pngOf(canvas: HTMLCanvasElement): Blob {
  const data = atob(canvas.toDataURL("image/png").split(",")[1] ?? "");
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
  return new Blob([bytes], { type: "image/png" });
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const probe = document.createElement("canvas");
if (probe.getContext && probe.getContext("2d")) {
  document.querySelectorAll<HTMLButtonElement>("[data-slip-image]").forEach((b) => {
    b.hidden = false;
    b.addEventListener("click", () => {
      const rows = JSON.parse(b.dataset.slipImage ?? "[]") as Row[];
      const root = document.documentElement;
      const family = getComputedStyle(document.body).fontFamily || "sans-serif";
      // Right-to-left here is Urdu's Nastaliq, which needs room above and below its letters.
      const rtl = root.dir === "rtl";
      const canvas = draw(rows, rtl, family, rtl ? 2.1 : 1.45);
      const name = b.dataset.file || "slip.png";
      const blob = pngOf(canvas);
      const file = new File([blob], name, { type: "image/png" });
      if (typeof navigator.canShare === "function" && navigator.canShare({ files: [file] })) {
        // A closed share sheet rejects: nothing to do.
        navigator.share({ files: [file], title: document.title }).catch(() => undefined);
      } else download(blob, name);
    });
  });
}
