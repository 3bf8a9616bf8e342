import type { Messages, MessageKey } from "../../i18n";
import type { MembershipView } from "../../platform/shops";
import type { PendingInvitation } from "../../staff/staff";
import { Document } from "../../ui/Document";
import { Form } from "../../ui/Form";
import { TopBar } from "../../ui/TopBar";
import { localPhone } from "../../lib/phone";

export interface ShopsPageProps {
  m: Messages;
  csrf: string;
  shops: MembershipView[];
  /** Invitations addressed to her, waiting for her answer. */
  invitations: PendingInvitation[];
  notice?: MessageKey;
}

const css = `
.invites{list-style:none;padding:0;margin:0}
.invites li{padding:12px 0;border-top:1px solid var(--line)}
.invites li:first-child{border-top:0}
.invites p{margin:4px 0 12px}
.shops .leave{margin:4px 0 0}
`;

/** "This invitation is for {phone}: confirm it is yours", the number left to right in Urdu. */
function ProveFirst({ m, phone }: { m: Messages; phone: string }) {
  const [before, after] = m.t("invitations.needsProof", { phone: "\u0000" }).split("\u0000");
  return (
    <p class="notice prove-first">
      {before}
      <bdi dir="ltr">{localPhone(phone)}</bdi>
      {after}
    </p>
  );
}

/** A seller's shops: switch between them, answer invitations, leave a shop, or create another. */
export function ShopsPage({ m, csrf, shops, invitations, notice }: ShopsPageProps) {
  const { t } = m;
  return (
    <Document m={m} title={t("shops.title")} robots="noindex" css={css}>
      <TopBar m={m} csrf={csrf} brand={t("app.name")} href="/admin" here="/admin/shops" />
      <main class="wrap">
        <h1>{t("shops.title")}</h1>
        {notice && (
          <p class="notice" role="status">
            {t(notice)}
          </p>
        )}
        {invitations.length > 0 && (
          <section class="card" aria-labelledby="invitations">
            <h2 id="invitations">{t("invitations.title")}</h2>
            <p class="muted">{t("invitations.hint")}</p>
            <ul class="invites">
              {invitations.map((i) => (
                <li key={i.id}>
                  <strong dir="auto">{i.shopName}</strong>
                  <p class="muted">{i.invitedBy ? t("invitations.by", { name: i.invitedBy }) : t("invitations.byShop")}</p>
                  {i.proveFirst && <ProveFirst m={m} phone={i.proveFirst} />}
                  <div class="row">
                    {i.proveFirst ? (
                      <Form action={`/admin/account/phone/send?next=${encodeURIComponent("/admin/shops")}`} csrf={csrf} class="inline">
                        <button class="btn" type="submit">
                          {t("invitations.prove")}
                        </button>
                      </Form>
                    ) : (
                      <Form action={`/admin/shops/invitations/${i.id}/accept`} csrf={csrf} class="inline">
                        <button class="btn" type="submit" aria-label={t("invitations.acceptShop", { shop: i.shopName })}>
                          {t("invitations.accept")}
                        </button>
                      </Form>
                    )}
                    <Form action={`/admin/shops/invitations/${i.id}/decline`} csrf={csrf} class="inline">
                      <button class="btn ghost" type="submit" aria-label={t("invitations.declineShop", { shop: i.shopName })}>
                        {t("invitations.decline")}
                      </button>
                    </Form>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
        <ul class="shops">
          {shops.map((s) => (
            <li key={s.shopId}>
              <a class="btn ghost block" href={`/admin/${s.slug}`}>
                <span>{s.name}</span>
                <span class="muted">{t(s.role === "owner" ? "shops.role.owner" : "shops.role.staff")}</span>
              </a>
              {s.role === "staff" && (
                <Form action={`/admin/${s.slug}/leave`} csrf={csrf} class="leave">
                  <button class="btn ghost small" type="submit" aria-label={t("shops.leaveShop", { shop: s.name })}>
                    {t("shops.leave")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        <div class="stack">
          <a class="btn block" href="/start">
            {t("shops.new")}
          </a>
          <a class="btn ghost block" href="/admin/account">
            {t("account.link")}
          </a>
        </div>
      </main>
    </Document>
  );
}
