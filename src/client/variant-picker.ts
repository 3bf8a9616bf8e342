/**
 * Product page enhancement: keeps the price, stock state and button in step with the chosen
 * variant. One option: its radio chips are the variants (they work without JavaScript). Two or
 * three: shows the option chips drawn by the server (#picker, one row per option) in place of the
 * plain <select> of variants (what works without JavaScript), and sets the select to the variant
 * the chosen values make; the select stays in the form and carries its id.
 */
const select = document.getElementById("variant") as HTMLSelectElement | null;
const box = document.getElementById("picker");
if (box) {
  const inputs = Array.prototype.slice.call(box.querySelectorAll("input")) as HTMLInputElement[];
  const setText = (id: string, text: string) => {
    const el = document.getElementById(id);
    if (el) {
      el.textContent = text;
      el.hidden = !text;
    }
  };
  /** Shows a variant (an <option> or a radio carrying its data), or "not available" for none. */
  const show = (v: Element | undefined) => {
    const buy = document.getElementById("buy") as HTMLButtonElement | null;
    const ok = !!v && !(v as HTMLInputElement).disabled;
    setText("price", v ? v.getAttribute("data-p") || "" : "");
    setText("was", v ? v.getAttribute("data-c") || "" : "");
    setText("stock", v ? v.getAttribute("data-s") || "" : box.getAttribute("data-none") || "");
    if (buy) {
      buy.disabled = !ok;
      buy.textContent = (ok ? buy.getAttribute("data-add") : buy.getAttribute("data-out")) || "";
    }
  };
  if (!select) {
    for (const input of inputs) input.addEventListener("change", () => show(input));
  } else if (inputs.length) {
    const opts = Array.prototype.slice.call(select.options) as HTMLOptionElement[];
    const values = (o: HTMLOptionElement) => JSON.parse(o.getAttribute("data-o") || "[]") as string[];
    const chosen = values(opts[select.selectedIndex] || opts[0]!);
    const update = () => {
      const match = opts.find((o) => values(o).every((v, i) => v === chosen[i]));
      if (match) select.value = match.value;
      show(match);
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
    box.hidden = false;
    const wrap = select.closest(".variant-select") as HTMLElement | null;
    if (wrap) wrap.hidden = true;
    update();
  }
}
