/**
 * Product page enhancement: turns the plain <select> of variants (what works without
 * JavaScript) into one row of choices per option (Size, Colour...), and keeps the price,
 * stock state and button in step with the chosen variant. The select stays in the form and
 * carries the chosen variant id.
 */
const select = document.getElementById("variant") as HTMLSelectElement | null;
const box = document.getElementById("picker");
if (select && box) {
  const names = JSON.parse(select.getAttribute("data-names") || "[]") as string[];
  const opts = Array.prototype.slice.call(select.options) as HTMLOptionElement[];
  const values = (o: HTMLOptionElement) => JSON.parse(o.getAttribute("data-o") || "[]") as string[];
  const chosen = values(opts[select.selectedIndex] || opts[0]!);
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
    const inputs = box.querySelectorAll("input");
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k] as HTMLInputElement;
      const i = Number(input.name.slice(1));
      const sold = !opts.some((o) => {
        const v = values(o);
        return !o.disabled && v[i] === input.value && v.every((x, j) => j === i || x === chosen[j]);
      });
      input.parentElement!.classList.toggle("na", sold);
    }
  };
  names.forEach((name, i) => {
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = name;
    set.appendChild(legend);
    const seen: string[] = [];
    opts.forEach((o) => {
      const v = values(o)[i];
      if (v === undefined || seen.indexOf(v) >= 0) return;
      seen.push(v);
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = `o${i}`;
      input.value = v;
      input.checked = chosen[i] === v;
      input.addEventListener("change", () => {
        chosen[i] = v;
        update();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(v));
      set.appendChild(label);
    });
    box.appendChild(set);
  });
  if (names.length) {
    const wrap = select.closest(".variant-select") as HTMLElement | null;
    if (wrap) wrap.hidden = true;
    update();
  }
}
