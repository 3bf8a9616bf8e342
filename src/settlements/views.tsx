/** The settlements page (import form, what each courier owes, the last imports) and a file's preview. */
import type { AdminChrome } from "../admin/chrome";
import { formatDate, formatMoney, type MessageKey } from "../i18n";
import type { FieldErrors } from "../lib/form";
import { AdminShell } from "../ui/AdminShell";
import { FileField } from "../ui/Field";
import { Form } from "../ui/Form";
import { BackLink, err, FormNotes, Select } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { SETTLEMENT_COURIERS, SETTLEMENT_FORMATS, type SettlementCourier } from "./formats";
import { SETTLEMENT_MAX_ROWS } from "./schema";
import type { Owed, Preview, PreviewRow } from "./settle";

type Page = AdminChrome & { currency: string };

const base = (p: AdminChrome) => `/admin/${p.shop.slug}/settlements`;
const courierName = (p: AdminChrome, id: string) => p.m.t(`couriers.name.${id}` as MessageKey);

function Frame(p: Page & { children: preact.ComponentChildren }) {
  const { t } = p.m;
  return (
    <AdminShell {...p} title={t("settlements.title")} tab="shop" css={cmsCss}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
      <h1>{t("settlements.title")}</h1>
      {p.children}
    </AdminShell>
  );
}

export function SettlementsPage(p: Page & Owed & { courier?: string; errors?: FieldErrors; fileError?: string; notice?: string; alert?: string }) {
  const { t } = p.m;
  const money = (n: number) => formatMoney(n, p.currency, p.m.locale);
  const e = (f: string) => err(t, p.errors, f);
  const picked = (SETTLEMENT_COURIERS as readonly string[]).includes(p.courier ?? "") ? (p.courier as SettlementCourier) : SETTLEMENT_COURIERS[0];
  return (
    <Frame {...p}>
      <FormNotes notice={p.notice} alert={p.alert} />
      <section class="card">
        <p class="muted">{t("settlements.intro")}</p>
        <Form action={`${base(p)}/preview`} csrf={p.csrf} enctype="multipart/form-data">
          <Select name="courier" label={t("settlements.courier")} value={picked} error={e("courier")} options={SETTLEMENT_COURIERS.map((id) => [id, courierName(p, id)])} />
          <FileField id="settlement-file" name="file" label={t("settlements.file")} accept=".csv,text/csv" required hint={t("settlements.fileHint", { rows: SETTLEMENT_MAX_ROWS })} error={p.fileError ?? e("file")} />
          <button class="btn block" type="submit">
            {t("settlements.check")}
          </button>
        </Form>
      </section>
      <section class="card">
        <h2>{t("settlements.owed")}</h2>
        <p class="muted">{t("settlements.owedHint")}</p>
        {p.owed.length ? (
          <ul class="owed">
            {p.owed.map((o) => (
              <li key={o.courier} data-courier={o.courier}>
                <strong>{courierName(p, o.courier)}</strong>: {t("settlements.owedRow", { count: o.orders, amount: money(o.amount) })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("settlements.owedNone")}</p>
        )}
      </section>
      <section class="card">
        <h2>{t("settlements.recent")}</h2>
        {p.recent.length ? (
          <ul class="recent">
            {p.recent.map((s) => (
              <li key={s.id}>
                <strong>{courierName(p, s.courier)}</strong> · {formatDate(s.createdAt, p.m.locale)} · <span dir="auto">{s.fileName}</span>
                <br />
                {t("settlements.recentRow", { marked: s.marked, rows: s.rows, amount: money(s.amount) })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("settlements.recentNone")}</p>
        )}
      </section>
    </Frame>
  );
}

/** At most this many rows of each kind are listed (the counts say the rest). */
const LISTED = 200;

function Rows(p: Page & { rows: PreviewRow[]; title: string; hint?: string }) {
  const { t } = p.m;
  if (!p.rows.length) return null;
  const money = (n: number | null | undefined) => (n === null || n === undefined ? "—" : formatMoney(n, p.currency, p.m.locale));
  return (
    <section class="card">
      <h2>
        {p.title} ({p.rows.length})
      </h2>
      {p.hint && <p class="muted">{p.hint}</p>}
      <table class="report">
        <thead>
          <tr>
            <th>{t("settlements.col.line")}</th>
            <th>{t("settlements.col.tracking")}</th>
            <th>{t("settlements.col.order")}</th>
            <th>{t("settlements.col.file")}</th>
            <th>{t("settlements.col.expected")}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.slice(0, LISTED).map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td dir="ltr">{r.tracking}</td>
              <td>{r.orderId ? <a href={`/admin/${p.shop.slug}/orders/${r.orderId}`}>#{r.number}</a> : "—"}</td>
              <td>{money(r.amount)}</td>
              <td>{money(r.expected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.rows.length > LISTED && <p class="muted">{t("settlements.more", { count: p.rows.length - LISTED })}</p>}
    </section>
  );
}

export function PreviewPage(p: Page & { courier: SettlementCourier; hash: string; fileName: string; preview: Preview }) {
  const { t } = p.m;
  const { preview } = p;
  const money = (n: number) => formatMoney(n, p.currency, p.m.locale);
  const of = (o: PreviewRow["outcome"]) => preview.rows.filter((r) => r.outcome === o);
  const f = SETTLEMENT_FORMATS[p.courier];
  return (
    <Frame {...p}>
      <h2>{t("settlements.previewTitle")}</h2>
      <p>
        <strong>{courierName(p, p.courier)}</strong> · <span dir="auto">{p.fileName}</span>
      </p>
      <p class="muted">{t("settlements.columnsHint", { tracking: f.tracking[0], amount: f.amount[0] })}</p>
      {preview.imported && (
        <p class="alert" role="alert">
          {t("settlements.imported", { date: formatDate(preview.imported.createdAt, p.m.locale), marked: preview.imported.marked })}
        </p>
      )}
      <ul class="counts">
        {(["matched", "paid", "differs", "unknown"] as const).map((o) => (
          <li key={o} data-outcome={o}>
            {t(`settlements.outcome.${o}`)}: <strong>{preview.counts[o]}</strong>
          </li>
        ))}
      </ul>
      {!preview.imported && preview.counts.matched > 0 ? (
        <section class="card">
          <p>{t("settlements.toMark", { count: preview.counts.matched, amount: money(preview.amount) })}</p>
          <Form action={`${base(p)}/apply`} csrf={p.csrf}>
            <input type="hidden" name="courier" value={p.courier} />
            <input type="hidden" name="file" value={p.hash} />
            <button class="btn block" type="submit">
              {t("settlements.apply", { count: preview.counts.matched })}
            </button>
          </Form>
        </section>
      ) : (
        !preview.imported && <p class="notice">{t("settlements.nothing")}</p>
      )}
      <Rows {...p} rows={of("differs")} title={t("settlements.outcome.differs")} hint={t("settlements.differsHint")} />
      <Rows {...p} rows={of("unknown")} title={t("settlements.outcome.unknown")} hint={t("settlements.unknownHint")} />
      <Rows {...p} rows={of("matched")} title={t("settlements.outcome.matched")} />
      <Rows {...p} rows={of("paid")} title={t("settlements.outcome.paid")} />
      <a class="btn ghost block" href={base(p)}>
        {t("settlements.again")}
      </a>
    </Frame>
  );
}
