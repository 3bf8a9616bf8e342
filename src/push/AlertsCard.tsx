/**
 * The dashboard's "Get order alerts on this phone" card: what it does, and one state at a time,
 * chosen by its script (src/client/push-alerts.ts). Without JavaScript the "cannot show alerts"
 * state is the one shown.
 */
import type { Messages } from "../i18n";
import { subscribeSchema } from "./schema";

/** The subscription's fields, filled by the script from the browser's PushSubscription. */
const Hidden = ({ name }: { name: keyof typeof subscribeSchema.shape }) => (
  <input type="hidden" name={name} value="" maxLength={subscribeSchema.shape[name].maxLength ?? undefined} />
);

export const alertsCss = `#push-alerts [hidden]{display:none}#push-alerts .btn{margin-top:8px}#push-alerts .error{color:var(--err);font-weight:600}`;

export function AlertsCard({ m, csrf, slug, vapidKey }: { m: Messages; csrf: string; slug: string; vapidKey: string }) {
  const { t } = m;
  const base = `/admin/${slug}/push`;
  return (
    <section class="card" id="push-alerts" data-key={vapidKey} data-failed={t("push.failed")} aria-live="polite">
      <h2>{t("push.title")}</h2>
      <p>{t("push.body")}</p>
      <form method="post" action={`${base}/subscribe`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <Hidden name="endpoint" />
        <Hidden name="p256dh" />
        <Hidden name="auth" />
        <p data-push-state="unsupported" class="muted">
          {t("push.unsupported")}
        </p>
        <p data-push-state="ios" class="muted" hidden>
          {t("push.ios")}
        </p>
        <p data-push-state="denied" class="muted" hidden>
          {t("push.denied")}
        </p>
        <div data-push-state="off" hidden>
          <button type="button" class="btn block" data-push-on>
            {t("push.turnOn")}
          </button>
        </div>
        <p class="error" role="alert" data-push-error hidden></p>
      </form>
      <form method="post" action={`${base}/unsubscribe`} data-push-state="on" hidden>
        <input type="hidden" name="_csrf" value={csrf} />
        <Hidden name="endpoint" />
        <p class="notice">{t("push.on")}</p>
        <button type="button" class="btn ghost block" data-push-off>
          {t("push.turnOff")}
        </button>
      </form>
    </section>
  );
}
