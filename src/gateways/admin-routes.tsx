/**
 * /admin/:shop/gateways (owner only): the shop's JazzCash merchant credentials, and beside it
 * /admin/:shop/gateways/easypay: its Easypaisa (Easypay) store's; each with its sandbox or live
 * choice. Saved sealed (src/credentials); the pages show hints, never a value, and a refused post
 * keeps the non-secret fields typed but never the secrets.
 */
import { Hono, type Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../env";
import type { MessageKey } from "../i18n";
import { adminChrome, type AdminChrome } from "../admin/chrome";
import { requireOwner } from "../admin/load-shop";
import { credentialsKey } from "../credentials/seal";
import { credentialHints, deleteCredentials, openSaved, saveCredentials, savedCredentialsRead, type SavedCredentials } from "../credentials/store";
import { adminPage } from "../admin/page";
import { fieldMessage, readForm, validate, type FieldErrors, type FormValues } from "../lib/form";
import { renderPage } from "../lib/render";
import { AdminShell } from "../ui/AdminShell";
import { ActionButton, BackLink, FormNotes, Select } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import { easypaySchema, jazzcashSchema, MODES, type GatewayBindings, type Mode } from "./config";
import { PROVIDER as JAZZCASH } from "./jazzcash/fields";
import { PROVIDER as EASYPAY } from "./easypay/fields";

export const gatewayAdmin = new Hono<AppEnv>();
gatewayAdmin.use("*", requireOwner());
type C = Context<AppEnv>;

/** One credential field: its label, whether it is a secret (a password input, never kept in a refused form), and what the phone types. */
interface CredentialField {
  name: string;
  label: MessageKey;
  secret: boolean;
  numeric?: boolean;
}

/** A gateway's credentials page: its provider, its schema (the caps), its fields (every one required the first time) and texts. */
interface GatewaySpec {
  provider: string;
  path: string;
  schema: z.ZodObject<Record<string, z.ZodType<string, string | undefined>>>;
  fields: CredentialField[];
  texts: { title: MessageKey; intro: MessageKey; mode: MessageKey; saved: MessageKey; remove: MessageKey; removed: MessageKey };
}

const SPECS: GatewaySpec[] = [
  {
    provider: JAZZCASH,
    path: "",
    schema: jazzcashSchema as unknown as GatewaySpec["schema"],
    fields: [
      { name: "merchantId", label: "gateways.merchantId", secret: false },
      { name: "password", label: "gateways.password", secret: true },
      { name: "salt", label: "gateways.salt", secret: true },
    ],
    texts: { title: "gateways.title", intro: "gateways.intro", mode: "gateways.mode", saved: "gateways.saved", remove: "gateways.remove", removed: "gateways.removed" },
  },
  {
    provider: EASYPAY,
    path: "/easypay",
    schema: easypaySchema as unknown as GatewaySpec["schema"],
    fields: [
      { name: "storeId", label: "gateways.storeId", secret: false, numeric: true },
      { name: "hashKey", label: "gateways.hashKey", secret: true },
      { name: "username", label: "gateways.apiUsername", secret: false },
      { name: "password", label: "gateways.apiPassword", secret: true },
      { name: "accountNum", label: "gateways.accountNum", secret: false, numeric: true },
    ],
    texts: {
      title: "gateways.easypay.title",
      intro: "gateways.easypay.intro",
      mode: "gateways.easypay.mode",
      saved: "gateways.easypay.saved",
      remove: "gateways.easypay.remove",
      removed: "gateways.easypay.removed",
    },
  },
];

interface PageProps extends AdminChrome {
  spec: GatewaySpec;
  hints: Record<string, string>;
  mode: Mode;
  values?: FormValues;
  errors?: FieldErrors;
  notice?: string;
  alert?: string;
}

const capOf = (spec: GatewaySpec, name: string) => (spec.schema.shape[name] as unknown as { maxLength?: number | null }).maxLength ?? undefined;

function GatewaysPage(p: PageProps) {
  const { t } = p.m;
  const { spec } = p;
  const home = `/admin/${p.shop.slug}/gateways`;
  const b = `${home}${spec.path}`;
  const e = (f: string) => fieldMessage(t, p.errors, f);
  const keep = (f: string) => (p.hints[f] ? t("gateways.secret.keep", { hint: p.hints[f]! }) : undefined);
  return (
    <AdminShell {...p} title={t(spec.texts.title)} tab="shop" css={cmsCss}>
      {spec.path ? <BackLink m={p.m} href={home} label={t("gateways.title")} /> : <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />}
      <h1>{t(spec.texts.title)}</h1>
      <FormNotes notice={p.notice} alert={p.alert} />
      <p>{t(spec.texts.intro)}</p>
      <Form action={b} csrf={p.csrf}>
        {spec.fields.map((f) =>
          f.secret ? (
            <Field key={f.name} name={f.name} type="password" label={t(f.label)} error={e(f.name)} hint={keep(f.name)} maxLength={capOf(spec, f.name)} autoComplete="new-password" dir="ltr" />
          ) : (
            <Field
              key={f.name}
              name={f.name}
              label={t(f.label)}
              value={p.values?.[f.name] ?? ""}
              error={e(f.name)}
              hint={keep(f.name)}
              maxLength={capOf(spec, f.name)}
              autoComplete="off"
              dir="ltr"
              inputMode={f.numeric ? "numeric" : undefined}
              attrs={{ autocapitalize: "off", spellcheck: false }}
            />
          ),
        )}
        <Select name="mode" label={t(spec.texts.mode)} value={p.values?.mode ?? p.mode} options={MODES.map((m) => [m, t(`gateways.mode.${m}`)])} error={e("mode")} />
        <button class="btn block" type="submit">
          {t("common.save")}
        </button>
      </Form>
      {Object.keys(p.hints).length > 0 && (
        <div class="acts">
          <ActionButton action={`${b}/delete`} csrf={p.csrf} label={t(spec.texts.remove)} danger />
        </div>
      )}
      {!spec.path && (
        <p>
          <a href={`${home}/easypay`}>{t("gateways.easypay.link")}</a>
        </p>
      )}
    </AdminShell>
  );
}

const scope = (c: C) => ({ db: c.get("db"), shopId: c.get("shop").id });

for (const spec of SPECS) {
  const at = spec.path || "/";
  const secrets = spec.fields.map((f) => f.name);

  /** The saved mode (opened with the key: the hints mask it like a secret; WebCrypto, no D1 trip). */
  const savedMode = async (c: C, saved: SavedCredentials | undefined): Promise<Mode> => {
    const key = saved ? await credentialsKey(c.env as GatewayBindings) : null;
    const fields = key && saved ? await openSaved(key, c.get("shop").id, spec.provider, saved) : null;
    return fields?.mode === "live" ? "live" : "sandbox";
  };

  gatewayAdmin.get(
    at,
    adminPage(
      () => savedCredentialsRead([spec.provider]),
      async (c, found) => {
        const { t } = c.var;
        const saved = found.get(spec.provider);
        const notice = c.req.query("saved") === "1" ? t(spec.texts.saved) : c.req.query("removed") === "1" ? t(spec.texts.removed) : undefined;
        return renderPage(c, <GatewaysPage {...adminChrome(c)} spec={spec} hints={saved?.hints ?? {}} mode={await savedMode(c, saved)} notice={notice} />);
      },
    ),
  );

  gatewayAdmin.post(at, async (c) => {
    const values = await readForm(c);
    const hints = await credentialHints(scope(c), spec.provider);
    // A refused form keeps what she typed, but never a secret.
    const kept = Object.fromEntries([...spec.fields.filter((f) => !f.secret).map((f) => f.name), "mode"].map((k) => [k, values[k] ?? ""]));
    const refuse = (errors: FieldErrors | undefined, alert?: string) =>
      renderPage(c, <GatewaysPage {...adminChrome(c)} spec={spec} hints={hints} mode="sandbox" values={kept} errors={errors} alert={alert ?? c.get("t")("common.fixErrors")} />, 400);
    const r = validate(spec.schema, values);
    if (!r.ok) return refuse(r.errors);
    const data = r.data as Record<string, string>;
    // The first save needs every field; later an empty one keeps what was saved.
    const missing = secrets.filter((f) => data[f] === "" && !hints[f]);
    if (missing.length) return refuse(Object.fromEntries(missing.map((f) => [f, "gateways.secret.required"])));
    const key = await credentialsKey(c.env as GatewayBindings);
    if (!key) return refuse(undefined, c.get("t")("gateways.noKey"));
    await saveCredentials(scope(c), key, spec.provider, Object.fromEntries([...secrets, "mode"].map((k) => [k, data[k] ?? ""])));
    return c.redirect(`/admin/${c.get("shop").slug}/gateways${spec.path}?saved=1`, 303);
  });

  gatewayAdmin.post(`${spec.path}/delete`, async (c) => {
    await deleteCredentials(scope(c), spec.provider);
    return c.redirect(`/admin/${c.get("shop").slug}/gateways${spec.path}?removed=1`, 303);
  });
}
