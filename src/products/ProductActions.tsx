import type { TFunction } from "../i18n";
import { ActionButton } from "../ui/bits";

/** Duplicate, archive/restore, delete: separate one-button forms under the product form. */
export function ProductActions(p: { t: TFunction; csrf: string; base: string; status: string; viewUrl: string }) {
  const { t } = p;
  return (
    <section class="card">
      <h2>{t("products.more")}</h2>
      <div class="acts">
        {p.status === "active" && (
          <a class="btn small ghost" href={p.viewUrl}>
            {t("products.view")} ↗
          </a>
        )}
        <ActionButton action={`${p.base}/duplicate`} csrf={p.csrf} label={t("products.duplicate")} />
        {p.status === "archived" ? (
          <ActionButton action={`${p.base}/status`} csrf={p.csrf} name="status" value="active" label={t("products.unarchive")} />
        ) : (
          <ActionButton action={`${p.base}/status`} csrf={p.csrf} name="status" value="archived" label={t("products.archive")} />
        )}
        <ActionButton action={`${p.base}/delete`} csrf={p.csrf} label={t("products.delete")} danger />
      </div>
      <p class="hint muted">{t("products.deleteHint")}</p>
    </section>
  );
}
