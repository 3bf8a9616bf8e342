/**
 * Drag to reorder a list by its items' handles (`.handle`), with Pointer Events: a finger, a mouse
 * or a pen. The handle has `touch-action:none`, so the page does not scroll under a finger on it;
 * near the screen's top or bottom edge the page scrolls by itself. The dragged item is never taken
 * out of the list (that would end the pointer's capture): its neighbours are moved past it as the
 * pointer passes their middle. `moved(item, from, to)` is called when the drop changed its place.
 */
export function dragToReorder(list: HTMLElement, moved: (item: HTMLElement, from: number, to: number) => void): void {
  const indexOf = (el: Element) => Array.prototype.indexOf.call(list.children, el) as number;
  list.addEventListener("pointerdown", (e) => {
    const handle = (e.target as Element).closest ? ((e.target as Element).closest(".handle") as HTMLElement | null) : null;
    const item = handle && (handle.closest("li") as HTMLElement | null);
    if (!handle || !item || item.parentElement !== list || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.preventDefault();
    try {
      handle.setPointerCapture(e.pointerId);
    } catch (err) {
      /* capture is a nicety: the document still hears the pointer */
    }
    const from = indexOf(item);
    item.classList.add("dragging");
    const mid = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.top + r.height / 2;
    };
    const move = (ev: PointerEvent) => {
      if (ev.pointerId !== e.pointerId) return;
      const y = ev.clientY;
      let next = item.nextElementSibling;
      while (next && y > mid(next)) {
        list.insertBefore(next, item);
        next = item.nextElementSibling;
      }
      let prev = item.previousElementSibling;
      while (prev && y < mid(prev)) {
        list.insertBefore(prev, item.nextElementSibling);
        prev = item.previousElementSibling;
      }
      if (y < 56) window.scrollBy(0, -16);
      else if (y > window.innerHeight - 56) window.scrollBy(0, 16);
    };
    const end = (ev: PointerEvent) => {
      if (ev.pointerId !== e.pointerId) return;
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", end);
      document.removeEventListener("pointercancel", end);
      item.classList.remove("dragging");
      const to = indexOf(item);
      if (to !== from) moved(item, from, to);
    };
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", end);
    document.addEventListener("pointercancel", end);
  });
}
