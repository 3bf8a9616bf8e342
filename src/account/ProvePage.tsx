/**
 * Proving her phone number: the dashboard's card that offers it (ProvePhoneCard), and the page
 * where she types the code sent to it (ProvePage).
 */
import type { Messages } from "../i18n";
import { caps } from "../lib/form-fields";
import { localPhone } from "../lib/phone";
import { proveSchema } from "../platform/schemas";
import { CodeField } from "../ui/CodeField";
import { Document } from "../ui/Document";
import { Form } from "../ui/Form";
import { TopBar } from "../ui/TopBar";

const cap = caps(proveSchema);

/** Running text with her number as a left-to-right island (Urdu would reorder its digits). */
function WithPhone({ text, phone }: { text: string; phone: string }) {
  const [before, after] = text.split("\u0000");
  return (
    <>
      {before}
      <bdi dir="ltr">{localPhone(phone)}</bdi>
      {after}
    </>
  );
}

const sendAction = (next?: string) => `/admin/account/phone/send${next ? `?next=${encodeURIComponent(next)}` : ""}`;

/** The dashboard's "confirm your number" card: one tap sends the code; ignoring it skips it. */
export function ProvePhoneCard({ m, csrf, phone, next }: { m: Messages; csrf: string; phone: string; next: string }) {
  const { t } = m;
  return (
    <section class="card" id="prove-phone">
      <h2>{t("prove.title")}</h2>
      <p>
        <WithPhone text={t("prove.body", { phone: "\u0000" })} phone={phone} />
      </p>
      <Form action={sendAction(next)} csrf={csrf}>
        <button class="btn block" type="submit">
          {t("prove.send")}
        </button>
      </Form>
    </section>
  );
}

export interface ProvePageProps {
  m: Messages;
  csrf: string;
  phone: string;
  next?: string;
  code?: string;
  error?: string;
  alert?: string;
  /** Offer a new code (the code expired or took too many tries). */
  askNew?: boolean;
}

export function ProvePage(p: ProvePageProps) {
  const { t } = p.m;
  const q = p.next ? `?next=${encodeURIComponent(p.next)}` : "";
  return (
    <Document m={p.m} title={t("prove.codeTitle")} robots="noindex">
      <TopBar m={p.m} csrf={p.csrf} brand={t("app.name")} href="/admin" here={`/admin/account/phone${q}`} />
      <main class="wrap">
        <h1>{t("prove.codeTitle")}</h1>
        <p id="code-sent">
          <WithPhone text={t("prove.sent", { phone: "\u0000" })} phone={p.phone} />
        </p>
        {p.alert && (
          <p class="alert" role="alert">
            {p.alert}
          </p>
        )}
        <Form action={`/admin/account/phone${q}`} csrf={p.csrf} id="prove-form">
          <CodeField t={t} value={p.code} error={p.error} maxLength={cap.code} />
          <button class="btn block" type="submit">
            {t("prove.submit")}
          </button>
        </Form>
        <Form action={sendAction(p.next)} csrf={p.csrf} id="new-code">
          <button class={p.askNew ? "btn block" : "btn ghost block"} type="submit">
            {t("code.askNew")}
          </button>
        </Form>
      </main>
    </Document>
  );
}
