// The dashboard's "Get order alerts on this phone" card. Without JavaScript it says that this
// browser cannot show alerts; here it shows one state: iPhone not installed (iOS 16.4+ delivers
// push only to a home-screen app), blocked (how to undo), off (the button), on (turn off).
// The subscription is posted as a form with the page's CSRF token; the answer is JSON.
const card = document.getElementById("push-alerts");
if (card) init(card);

type State = "unsupported" | "ios" | "denied" | "off" | "on";

function init(card: HTMLElement) {
  const form = card.querySelector("form")!;
  const csrf = (form.elements.namedItem("_csrf") as HTMLInputElement).value;
  const key = card.dataset.key ?? "";
  const base = form.action.replace(/\/subscribe$/, "");
  const failed = card.dataset.failed ?? "";
  const said = (err: unknown) => (err instanceof Refused ? err.message : failed);
  const error = card.querySelector<HTMLElement>("[data-push-error]")!;
  const on = card.querySelector<HTMLButtonElement>("[data-push-on]")!;
  const off = card.querySelector<HTMLButtonElement>("[data-push-off]")!;

  const show = (state: State, message = "") => {
    card.querySelectorAll<HTMLElement>("[data-push-state]").forEach((el) => {
      el.hidden = el.dataset.pushState !== state;
    });
    error.textContent = message;
    error.hidden = !message;
    on.disabled = false;
  };

  const post = async (path: string, fields: Record<string, string>) => {
    const res = await fetch(`${base}/${path}`, { method: "POST", body: new URLSearchParams({ _csrf: csrf, ...fields }), credentials: "same-origin" });
    const answer = (await res.json().catch(() => ({ ok: false }))) as { ok: boolean; error?: string };
    if (!answer.ok) throw new Refused(answer.error || failed);
  };
  const fieldsOf = (sub: PushSubscription) => {
    const json = sub.toJSON();
    return { endpoint: sub.endpoint, p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" };
  };

  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  const standalone = matchMedia("(display-mode: standalone)").matches || (navigator as { standalone?: boolean }).standalone === true;
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    show(ios && !standalone ? "ios" : "unsupported");
    return;
  }
  if (Notification.permission === "denied") {
    show("denied");
    return;
  }

  const ready = navigator.serviceWorker.register("/admin/sw.js", { scope: "/admin/" }).then(() => navigator.serviceWorker.ready);
  show("off");
  // A phone already subscribed is posted again: its keys renewed, and it is this member's now.
  ready
    .then((reg) => reg.pushManager.getSubscription())
    .then((sub) => (sub ? post("subscribe", fieldsOf(sub)).then(() => show("on")) : undefined))
    .catch((err: unknown) => show("off", said(err)));

  on.addEventListener("click", async () => {
    on.disabled = true;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        show(permission === "denied" ? "denied" : "off");
        return;
      }
      const reg = await ready;
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(key) });
      await post("subscribe", fieldsOf(sub));
      show("on");
    } catch (err) {
      show("off", said(err));
    }
  });
  off.addEventListener("click", async () => {
    try {
      const sub = await (await ready).pushManager.getSubscription();
      if (sub) {
        await post("unsubscribe", { endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      show("off");
    } catch (err) {
      show("on", said(err));
    }
  });
}

function bytes(b64url: string): Uint8Array<ArrayBuffer> {
  const b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** The server's refusal, with the message to show (the browser's own errors get the card's). */
class Refused extends Error {}
