/**
 * Product page enhancement: shows the option choices drawn by the server (#picker: one row of
 * radio chips per option, Size, Colour...) in place of the plain <select> of variants (what works
 * without JavaScript), and keeps the select, price, stock state and button in step with the
 * chosen values. The select stays in the form and carries the chosen variant id.
 */
const select = document.getElementById("variant") as HTMLSelectElement | null;
const box = document.getElementById("picker");
if (select && box) {
  const opts = Array.prototype.slice.call(select.options) as HTMLOptionElement[];
  const values = (o: HTMLOptionElement) => JSON.parse(o.getAttribute("data-o") || "[]") as string[];
  const chosen = values(opts[select.selectedIndex] || opts[0]!);
  const inputs = Array.prototype.slice.call(box.querySelectorAll("input")) as HTMLInputElement[];
  const setText = (id: string, text: string) => {
    const el = document.getElementById(id);
    if (el) {
      el.textContent = text;
      el.hidden = !text;
    }
  };
  const update = () => {
    const match = opts.find((o) => values(o).every((v, i) => v === chosen[i]));
    const buy = document.getElementById("buy") as HTMLButtonElement | null;
    if (match) select.value = match.value;
    const ok = !!match && !match.disabled;
    setText("price", match ? match.getAttribute("data-p") || "" : "");
    setText("was", match ? match.getAttribute("data-c") || "" : "");
    setText("stock", match ? match.getAttribute("data-s") || "" : box.getAttribute("data-none") || "");
    if (buy) {
      buy.disabled = !ok;
      buy.textContent = (ok ? buy.getAttribute("data-add") : buy.getAttribute("data-out")) || "";
    }
    // A value no available variant has with the other choices is struck through.
    for (const input of inputs) {
      const i = Number(input.name.slice(1));
      const sold = !opts.some((o) => {
        const v = values(o);
        return !o.disabled && v[i] === input.value && v.every((x, j) => j === i || x === chosen[j]);
      });
      input.classList.toggle("na", sold);
    }
  };
  for (const input of inputs) {
    input.addEventListener("change", () => {
      chosen[Number(input.name.slice(1))] = input.value;
      update();
    });
  }
  if (inputs.length) {
    box.hidden = false;
    const wrap = select.closest(".variant-select") as HTMLElement | null;
    if (wrap) wrap.hidden = true;
    update();
  }
}
