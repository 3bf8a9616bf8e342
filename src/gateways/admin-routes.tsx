/**
 * /admin/:shop/gateways (owner only): the shop's JazzCash merchant credentials and its sandbox
 * or live choice. Saved sealed (src/credentials); the page shows hints, never a value, and a
 * refused post keeps the merchant ID typed but never the secrets.
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { adminChrome, type AdminChrome } from "../admin/chrome";
import { requireOwner } from "../admin/load-shop";
import { credentialsKey } from "../credentials/seal";
import { credentialHints, deleteCredentials, readCredentials, saveCredentials } from "../credentials/store";
import { fieldMessage, readForm, validate, type FieldErrors, type FormValues } from "../lib/form";
import { renderPage } from "../lib/render";
import { AdminShell } from "../ui/AdminShell";
import { ActionButton, BackLink, FormNotes, Select } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import { jazzcashSchema, MODES, type GatewayBindings, type Mode } from "./config";
import { PROVIDER } from "./jazzcash/fields";

export const gatewayAdmin = new Hono<AppEnv>();
gatewayAdmin.use("*", requireOwner());
type C = Context<AppEnv>;

const SECRETS = ["merchantId", "password", "salt"] as const;
const shape = jazzcashSchema.shape;

interface PageProps extends AdminChrome {
  hints: Record<string, string>;
  mode: Mode;
  values?: FormValues;
  errors?: FieldErrors;
  notice?: string;
  alert?: string;
}

function GatewaysPage(p: PageProps) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/gateways`;
  const e = (f: string) => fieldMessage(t, p.errors, f);
  const keep = (f: (typeof SECRETS)[number]) => (p.hints[f] ? t("gateways.secret.keep", { hint: p.hints[f]! }) : undefined);
  return (
    <AdminShell {...p} title={t("gateways.title")} tab="shop" css={cmsCss}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
      <h1>{t("gateways.title")}</h1>
      <FormNotes notice={p.notice} alert={p.alert} />
      <p>{t("gateways.intro")}</p>
      <Form action={b} csrf={p.csrf}>
        <Field name="merchantId" label={t("gateways.merchantId")} value={p.values?.merchantId ?? ""} error={e("merchantId")} hint={keep("merchantId")} maxLength={shape.merchantId.maxLength ?? undefined} autoComplete="off" dir="ltr" attrs={{ autocapitalize: "off", spellcheck: false }} />
        <Field name="password" type="password" label={t("gateways.password")} error={e("password")} hint={keep("password")} maxLength={shape.password.maxLength ?? undefined} autoComplete="new-password" dir="ltr" />
        <Field name="salt" type="password" label={t("gateways.salt")} error={e("salt")} hint={keep("salt")} maxLength={shape.salt.maxLength ?? undefined} autoComplete="new-password" dir="ltr" />
        <Select name="mode" label={t("gateways.mode")} value={p.values?.mode ?? p.mode} options={MODES.map((m) => [m, t(`gateways.mode.${m}`)])} error={e("mode")} />
        <button class="btn block" type="submit">
          {t("common.save")}
        </button>
      </Form>
      {p.hints.password && (
        <div class="acts">
          <ActionButton action={`${b}/delete`} csrf={p.csrf} label={t("gateways.remove")} danger />
        </div>
      )}
    </AdminShell>
  );
}

const scope = (c: C) => ({ db: c.var.db, shopId: c.var.shop.id });

/** The saved mode (read with the key: the hints mask it like a secret). */
async function savedMode(c: C): Promise<Mode> {
  const key = await credentialsKey(c.env as GatewayBindings);
  const saved = key ? await readCredentials(scope(c), key, PROVIDER) : null;
  return saved?.mode === "live" ? "live" : "sandbox";
}

gatewayAdmin.get("/", async (c) => {
  const { t } = c.var;
  const notice = c.req.query("saved") === "1" ? t("gateways.saved") : c.req.query("removed") === "1" ? t("gateways.removed") : undefined;
  return renderPage(c, <GatewaysPage {...adminChrome(c)} hints={await credentialHints(scope(c), PROVIDER)} mode={await savedMode(c)} notice={notice} />);
});

gatewayAdmin.post("/", async (c) => {
  const values = await readForm(c);
  const hints = await credentialHints(scope(c), PROVIDER);
  const refuse = (errors: FieldErrors | undefined, alert?: string) =>
    renderPage(c, <GatewaysPage {...adminChrome(c)} hints={hints} mode="sandbox" values={{ merchantId: values.merchantId ?? "", mode: values.mode ?? "" }} errors={errors} alert={alert ?? c.var.t("common.fixErrors")} />, 400);
  const r = validate(jazzcashSchema, values);
  if (!r.ok) return refuse(r.errors);
  // The first save needs every field; later an empty one keeps what was saved.
  const missing = SECRETS.filter((f) => r.data[f] === "" && !hints[f]);
  if (missing.length) return refuse(Object.fromEntries(missing.map((f) => [f, "gateways.secret.required"])));
  const key = await credentialsKey(c.env as GatewayBindings);
  if (!key) return refuse(undefined, c.var.t("gateways.noKey"));
  await saveCredentials(scope(c), key, PROVIDER, { merchantId: r.data.merchantId, password: r.data.password, salt: r.data.salt, mode: r.data.mode });
  return c.redirect(`/admin/${c.var.shop.slug}/gateways?saved=1`, 303);
});

gatewayAdmin.post("/delete", async (c) => {
  await deleteCredentials(scope(c), PROVIDER);
  return c.redirect(`/admin/${c.var.shop.slug}/gateways?removed=1`, 303);
});
