// On every admin page: registers the admin's service worker (offline pages, order alerts), and
// at log-out deletes the orders it kept on this phone before the form goes (the log-out answer's
// Clear-Site-Data does it too, where the browser honours it).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/admin/sw.js", { scope: "/admin/" }).catch(() => undefined);
}

function clearKept(): Promise<unknown> {
  navigator.serviceWorker?.controller?.postMessage({ type: "clear" });
  if (typeof caches === "undefined") return Promise.resolve();
  const cleared = caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith("hatti-pages")).map((n) => caches.delete(n))));
  // Never hold up the log-out for long.
  return Promise.race([cleared, new Promise((r) => setTimeout(r, 1000))]);
}

document.querySelectorAll<HTMLFormElement>('form[action="/logout"]').forEach((form) => {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearKept().catch(() => undefined).then(() => form.submit());
  });
});
