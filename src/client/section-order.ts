/**
 * Drag to reorder the theme editor's section lists (src/theme-editor/SectionsEditor.tsx), on a
 * phone by a finger on the handle. A list is `<ol data-move-op="…">`; a drop moves the section in
 * place at once and posts the form with `op=<data-move-op>:<from>:<to>`, as the Move up and Move
 * down buttons do: the page comes back with the sections in their new order, their fields named
 * for their new places, and says the change is not saved yet. Without JavaScript the handles stay
 * hidden and the buttons do the same, one step a page.
 */
import { dragToReorder } from "./lib/drag";

Array.prototype.slice.call(document.querySelectorAll("ol[data-move-op]")).forEach((list: HTMLOListElement) => {
  const form = list.closest("form");
  if (!form) return;
  Array.prototype.slice.call(list.querySelectorAll(".handle")).forEach((h: HTMLElement) => (h.hidden = false));
  dragToReorder(list, (_item, from, to) => {
    const op = document.createElement("input");
    op.type = "hidden";
    op.name = "op";
    op.value = `${list.dataset.moveOp}:${from}:${to}`;
    form.appendChild(op);
    list.setAttribute("aria-busy", "true");
    form.submit();
  });
});
