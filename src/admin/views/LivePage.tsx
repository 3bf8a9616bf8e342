import type { AdminChrome } from "../chrome";
import { localPhone } from "../../lib/phone";
import { caps } from "../../lib/form-fields";
import { whatsappSchema } from "../../settings/schema";
import { AdminShell } from "../../ui/AdminShell";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";

const cap = caps(whatsappSchema);

export interface LivePageProps extends AdminChrome {
  shopUrl: string;
  /** The shop's WhatsApp number (E.164), "" when none yet. */
  whatsapp: string;
  /** A number typed on this screen, kept when refused. */
  typed?: string;
  error?: string;
  saved?: boolean;
}

/** Wizard screen 4: the shop is live, and where its orders will reach her. */
export function LivePage(p: LivePageProps) {
  const { m, shop, shopUrl, whatsapp } = p;
  const { t } = m;
  const share = `https://wa.me/?text=${encodeURIComponent(t("wizard.live.shareText", { url: shopUrl }))}`;
  const form = (
    <Form action={`/admin/${shop.slug}/live`} csrf={p.csrf} id="whatsapp-form">
      <Field
        name="whatsapp"
        type="tel"
        label={t("settings.whatsapp")}
        value={p.typed ?? (whatsapp ? localPhone(whatsapp) : "")}
        error={p.error}
        hint={t("settings.phoneHint")}
        inputMode="tel"
        autoComplete="tel"
        dir="ltr"
        maxLength={cap.whatsapp}
        required
      />
      <button class="btn block" type="submit">
        {t("common.save")}
      </button>
    </Form>
  );
  // "Orders will reach you on WhatsApp at {phone}": the number kept left-to-right inside Urdu.
  const [before, after] = t("wizard.live.whatsapp", { phone: "\u0000" }).split("\u0000");
  return (
    <AdminShell {...p} title={t("wizard.live.title")} tab="home">
      <p class="step">{t("signup.step").replace("1", "4")}</p>
      <h1>{t("wizard.live.title")}</h1>
      <p>{t("wizard.live.body")}</p>
      <p class="linkbox" id="shop-link">
        {shopUrl.replace(/^https?:\/\//, "")}
      </p>
      {p.saved && (
        <p class="notice" role="status">
          {t("products.saved")}
        </p>
      )}
      <section class="card" id="whatsapp">
        {whatsapp ? (
          <>
            <p id="whatsapp-number">
              {before}
              <bdi dir="ltr">{localPhone(whatsapp)}</bdi>
              {after}
            </p>
            {p.role === "owner" && (
              <details open={!!p.error}>
                <summary class="btn ghost small">{t("wizard.live.whatsappChange")}</summary>
                {form}
              </details>
            )}
          </>
        ) : (
          <>
            <h2>{t("wizard.live.whatsappAsk")}</h2>
            <p class="muted">{t("wizard.live.whatsappWhy")}</p>
            {p.role === "owner" && form}
          </>
        )}
      </section>
      <div class="stack">
        <a class="btn block" href={shopUrl} id="open-shop">
          {t("wizard.live.open")}
        </a>
        <a class="btn ghost block" href={`/admin/${shop.slug}/products/new`}>
          {t("wizard.live.addProduct")}
        </a>
        <a class="btn ghost block" href={share}>
          {t("wizard.live.share")}
        </a>
        <a class="btn ghost block" href={`/admin/${shop.slug}`}>
          {t("wizard.live.dashboard")}
        </a>
      </div>
    </AdminShell>
  );
}
