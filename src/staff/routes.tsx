/**
 * /admin/:shop/staff (owner only): invite by phone or email, list and remove staff, cancel
 * invitations. An invitation is pending until the invitee accepts it (src/staff/staff.ts);
 * until then this page shows only the contact typed here.
 */
import { syncMembers } from "../db/members";
import { shopSource } from "../lib/meter";
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import type { MessageKey } from "../i18n";
import { readForm, validate, type FieldErrors } from "../lib/form";
import { renderPage } from "../lib/render";
import { cancelInvitation, inviteStaff, listStaff, removeStaff, staffRead, type StaffList } from "./staff";
import { adminPage } from "../admin/page";
import { AdminShell } from "../ui/AdminShell";
import { IdentityField } from "../ui/IdentityField";
import { Form } from "../ui/Form";
import { adminChrome, type AdminChrome } from "../admin/chrome";
import { intParam } from "../lib/form-all";
import { requireOwner } from "../admin/load-shop";
import { inviteSchema, STAFF_CAP } from "./schema";
import { IDENTITY_MAX } from "../platform/schemas";
import { ActionButton, BackLink } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";

export const staffRoutes = new Hono<AppEnv>();
staffRoutes.use("*", requireOwner());
type C = Context<AppEnv>;

const notices = { invited: "staff.invited", already: "staff.already", removed: "staff.removed" } as const;

function StaffPage(p: AdminChrome & { list: StaffList; contact?: string; errors?: FieldErrors; notice?: keyof typeof notices; email?: boolean }) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/staff`;
  const contactError = p.errors?.contact ? t(p.errors.contact as MessageKey, { max: STAFF_CAP }) : undefined;
  return (
    <AdminShell {...p} title={t("staff.title")} tab="shop" css={cmsCss}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
      <h1>{t("staff.title")}</h1>
      <p class="muted">{t("staff.hint")}</p>
      {p.notice && <p class="notice" role="status">{t(notices[p.notice])}</p>}
      <ul class="plist">
        {p.list.members.map((m) => (
          <li key={m.userId}>
            <div class="phead">
              <strong dir={m.name ? "auto" : "ltr"}>{m.name || m.phone || m.email}</strong>
              <span class="tag">{m.role === "owner" ? t("staff.owner") : t("staff.staff")}</span>
            </div>
            <p class="muted" dir="ltr">{m.phone ?? m.email}</p>
            {m.role === "staff" && <ActionButton action={`${b}/${m.userId}/remove`} csrf={p.csrf} label={t("staff.remove")} danger />}
          </li>
        ))}
        {p.list.pending.map((i) => (
          <li key={`i${i.id}`}>
            <div class="phead">
              <strong dir="ltr">{i.contact}</strong>
              <span class="tag">{t("staff.pending")}</span>
            </div>
            <ActionButton action={`${b}/invitations/${i.id}/cancel`} csrf={p.csrf} label={t("staff.cancel")} danger />
          </li>
        ))}
      </ul>
      <section class="card">
        <h2>{t("staff.invite")}</h2>
        <Form action={b} csrf={p.csrf}>
          <IdentityField t={t} email={p.email} switchTo={(e) => (e ? `${b}?with=email` : b)} autoComplete="off" name="contact" label={t("staff.contact")} value={p.contact} error={contactError} hint={t("staff.contactHint")} maxLength={IDENTITY_MAX} />
          <button class="btn block" type="submit">
            {t("staff.inviteButton")}
          </button>
        </Form>
      </section>
    </AdminShell>
  );
}

type Extra = { contact?: string; errors?: FieldErrors; notice?: keyof typeof notices; email?: boolean };
const page = async (c: C, extra: Extra = {}, status: 200 | 400 = 200) => shown(c, await listStaff(c.get("dir"), c.get("shop").id), extra, status);
const shown = (c: C, list: StaffList, extra: Extra = {}, status: 200 | 400 = 200) => renderPage(c, <StaffPage {...adminChrome(c)} list={list} {...extra} />, status);

staffRoutes.get(
  "/",
  adminPage(
    () => staffRead,
    (c, list) => {
      const n = c.req.query("done");
      return shown(c, list, { notice: n && n in notices ? (n as keyof typeof notices) : undefined, email: c.req.query("with") === "email" });
    },
  ),
);

staffRoutes.post("/", async (c) => {
  const values = await readForm(c);
  const r = validate(inviteSchema, values);
  if (!r.ok) return page(c, { contact: values.contact, errors: r.errors }, 400);
  const result = await inviteStaff(c.get("dir"), c.get("shop").id, r.data.contact, c.get("user")!.id);
  if (result === "full") return page(c, { contact: values.contact, errors: { contact: "staff.full" } }, 400);
  return c.redirect(`/admin/${c.get("shop").slug}/staff?done=${result}`, 303);
});

staffRoutes.post("/:userId{[0-9]+}/remove", async (c) => {
  if (!(await removeStaff(c.get("dir"), c.get("shop").id, intParam(c.req.param("userId"))!))) throw new HTTPException(404);
  await syncMembers(shopSource(c), c.get("shop").id);
  return c.redirect(`/admin/${c.get("shop").slug}/staff?done=removed`, 303);
});

staffRoutes.post("/invitations/:id{[0-9]+}/cancel", async (c) => {
  if (!(await cancelInvitation(c.get("dir"), c.get("shop").id, intParam(c.req.param("id"))!))) throw new HTTPException(404);
  return c.redirect(`/admin/${c.get("shop").slug}/staff`, 303);
});
