/**
 * The seller's custom domain page: the form to add one, or the domain with its status, the DNS
 * records to add at her domain company (the CNAME to the platform's fallback origin, the TXT
 * records Cloudflare asked for) and a Remove button.
 */
import type { AdminChrome } from "../admin/chrome";
import type { MessageKey } from "../i18n";
import type { FieldErrors } from "../lib/form";
import { AdminShell } from "../ui/AdminShell";
import { ActionButton, BackLink, FormNotes, err } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import type { DnsRecord } from "./cloudflare";
import type { Domain } from "./domains";
import { caps } from "../lib/form-fields";
import { domainSchema } from "./schema";

const cap = caps(domainSchema);
import { PENDING_DAYS } from "./sync";

const css = `${cmsCss}
.records{list-style:none;padding:0;margin:8px 0}
.records li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px;margin:8px 0}
.records dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}
.records dt{color:var(--muted)}
.records dd{margin:0;direction:ltr;text-align:start;overflow-wrap:anywhere;font-family:ui-monospace,monospace;user-select:all}
.dstatus{font-weight:700}`;

export interface DomainPageProps extends AdminChrome {
  domain: Domain | null;
  /** The hostname sellers' CNAME records point at. */
  fallback: string;
  /** The shop's address on the platform. */
  shopUrl: string;
  typed?: string;
  errors?: FieldErrors;
  notice?: string;
  alert?: string;
}

/** Why a domain failed, in her words. */
const REASONS: Record<string, MessageKey> = {
  duplicate: "domains.error.duplicate",
  invalid: "domains.error.invalid",
  gone: "domains.error.gone",
  not_found: "domains.error.gone",
};

function Records(p: { records: DnsRecord[]; t: AdminChrome["m"]["t"] }) {
  const { t } = p;
  return (
    <ul class="records">
      {p.records.map((r) => (
        <li key={r.type + r.name}>
          <dl>
            <dt>{t("domains.record.type")}</dt>
            <dd>{r.type}</dd>
            <dt>{t("domains.record.name")}</dt>
            <dd>{r.name}</dd>
            <dt>{t("domains.record.value")}</dt>
            <dd>{r.value}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function DomainPage(p: DomainPageProps) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/domain`;
  const d = p.domain;
  return (
    <AdminShell {...p} title={t("domains.title")} tab="shop" css={css}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
      <h1>{t("domains.title")}</h1>
      <FormNotes notice={p.notice} alert={p.alert} />
      {!d || d.status === "removing" ? (
        <>
          <p>{t("domains.intro", { shopUrl: p.shopUrl })}</p>
          {d && <p class="notice">{t("domains.beingRemoved", { hostname: d.hostname })}</p>}
          <Form action={b} csrf={p.csrf}>
            <Field
              name="hostname"
              label={t("domains.hostname")}
              value={p.typed ?? ""}
              error={err(t, p.errors, "hostname")}
              hint={t("domains.hostname.hint")}
              maxLength={cap.hostname}
              inputMode="url"
              autoComplete="off"
              dir="ltr"
              required
              attrs={{ autocapitalize: "off", spellcheck: false }}
            />
            <button class="btn block" type="submit">
              {t("domains.connect")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p class="linkbox">{d.hostname}</p>
          <p>
            {t("domains.status")}: <span class="dstatus">{t(`domains.status.${d.status}`)}</span>
          </p>
          {d.status === "active" && <p>{t("domains.live", { url: `https://${d.hostname}` })}</p>}
          {d.status === "failed" && <p class="alert">{t(REASONS[d.reason] ?? "domains.error.other", { days: String(PENDING_DAYS) })}</p>}
          {(d.status === "creating" || d.status === "pending") && (
            <>
              <p>{t("domains.records")}</p>
              <Records t={t} records={[{ type: "CNAME", name: d.hostname, value: p.fallback }, ...d.txt]} />
              <p class="hint">{t("domains.pendingHint", { days: String(PENDING_DAYS) })}</p>
            </>
          )}
          <div class="acts">
            <ActionButton action={`${b}/delete`} csrf={p.csrf} label={t("domains.remove")} danger />
          </div>
        </>
      )}
    </AdminShell>
  );
}
