/**
 * The seller admin on ROOT_DOMAIN/admin: where every admin feature is mounted. Every shop route
 * lives under /admin/:shop, whose middleware checks membership: another shop's slug or id is a
 * 404. Staff manage the catalogue and orders; theme, settings, staff and CSV are the owner's
 * alone (each of those sub-apps starts with requireOwner(): staff get a 404).
 */
import { Hono } from "hono";
import { requireUser } from "../auth/guard";
import type { AppEnv } from "../env";
import { messages } from "../i18n";
import { renderPage } from "../lib/render";
import { dashboardRead } from "./stats";
import { account } from "../account/routes";
import { membershipsOf } from "../platform/shops";
import { originFor } from "../tenancy/host";
import { orderAdmin } from "../orders/admin-routes";
import { courierRoutes, courierSettingsRoutes } from "../couriers/routes";
import { settlementRoutes } from "../settlements/routes";
import { abandonedAdmin } from "../recovery/admin-routes";
import { customerRoutes } from "../customers/routes";
import { invitationsFor, pendingInvitationCount } from "../staff/staff";
import { collectionRoutes } from "../collections/routes";
import { discountRoutes } from "../discounts/routes";
import { pageRoutes } from "../pages/routes";
import { csvRoutes } from "../csv/routes";
import { adminMedia, photoRoutes } from "../products/photo-routes";
import { productRoutes } from "../products/routes";
import { pendingRoutes } from "../products/pending-routes";
import { settingsRoutes } from "../settings/routes";
import { gatewayAdmin } from "../gateways/admin-routes";
import { domainRoutes } from "../domains/routes";
import { ShopHub } from "../settings/views";
import { staffRoutes } from "../staff/routes";
import { themeRoutes } from "../theme-editor/routes";
import { invitationRoutes, leaveRoutes } from "../staff/invitee-routes";
import { adminChrome } from "./chrome";
import { forgetShopAfterWrites, loadAdminShop, requireOwner } from "./load-shop";
import { adminPage } from "./page";
import { nothingToRead } from "../db/page-read";
import { readForm, validate, fieldMessage } from "../lib/form";
import { whatsappSchema } from "../settings/schema";
import { updateShopWhatsapp } from "../settings/shop";
import { Dashboard } from "./views/Dashboard";
import { pushConfig, pushRoutes } from "../push/routes";
import { shopShareText } from "../share/texts";
import { shareRoutes } from "../share/routes";
import { LivePage } from "./views/LivePage";
import { ShopsPage } from "./views/ShopsPage";

export const admin = new Hono<AppEnv>();

admin.use("*", requireUser());

admin.get("/", async (c) => {
  const user = c.get("user")!;
  const shops = await membershipsOf(c.get("dir"), user.id);
  const current = shops.find((s) => s.shopId === user.shopId) ?? shops[0];
  if (current) return c.redirect(`/admin/${current.slug}`, 303);
  // No shop yet: her invitations first, if she has any, else the wizard.
  return c.redirect((await pendingInvitationCount(c.get("dir"), user)) ? "/admin/shops" : "/start", 303);
});

const shopsNotices = { declined: "invitations.declined", left: "shops.left" } as const;

admin.get("/shops", async (c) => {
  const user = c.get("user")!;
  const [shops, invitations] = await Promise.all([membershipsOf(c.get("dir"), user.id), invitationsFor(c.get("dir"), user)]);
  const done = c.req.query("done");
  const notice = done === "declined" || done === "left" ? shopsNotices[done] : undefined;
  return renderPage(c, <ShopsPage m={messages(c.get("locale"))} csrf={c.get("csrfToken")} shops={shops} invitations={invitations} notice={notice} />);
});

admin.route("/shops/invitations", invitationRoutes);

admin.route("/account", account);

/**
 * Everything below acts on one shop: the seller's membership is checked first, and after any
 * write the isolate's cached shop record is dropped (so the storefront shows the change at once).
 */
const shopAdmin = new Hono<AppEnv>();
shopAdmin.use("*", loadAdminShop(), forgetShopAfterWrites());

/** Her phone while she has not proven it (the dashboard asks her to). */
const unprovenPhone = (u: { phone: string | null; phoneVerifiedAt: number | null }) => (u.phone && u.phoneVerifiedAt === null ? u.phone : undefined);

const shopUrl = (c: { req: { url: string }; env: { ROOT_DOMAIN: string }; var: { shop: { slug: string } } }) =>
  originFor(c.req.url, c.env.ROOT_DOMAIN, c.var.shop.slug);

shopAdmin.get(
  "/",
  adminPage(
    () => dashboardRead(),
    (c, data) =>
      renderPage(
        c,
        <Dashboard
          {...adminChrome(c)}
          shopUrl={shopUrl(c)}
          share={shopShareText(c.get("shop"), shopUrl(c))}
          data={data}
          currency={c.get("shop").currency}
          vapidKey={pushConfig(c.env)?.vapidPublicKey}
          provePhone={unprovenPhone(c.get("user")!)}
        />,
      ),
  ),
);

// Pages showing only the shop's record: the session check's batch is their one round trip.
const noRead = () => nothingToRead;

shopAdmin.get(
  "/live",
  adminPage(noRead, (c) => renderPage(c, <LivePage {...adminChrome(c)} shopUrl={shopUrl(c)} whatsapp={c.get("shop").whatsapp} saved={c.req.query("done") === "1"} />)),
);

// The live screen's "orders will reach you on WhatsApp at ...": the owner confirms or changes it.
shopAdmin.post("/live", requireOwner(), async (c) => {
  const values = await readForm(c);
  const r = validate(whatsappSchema, values);
  if (!r.ok) {
    const page = <LivePage {...adminChrome(c)} shopUrl={shopUrl(c)} whatsapp={c.get("shop").whatsapp} typed={values.whatsapp ?? ""} error={fieldMessage(c.get("t"), r.errors, "whatsapp")} />;
    return renderPage(c, page, 400);
  }
  await updateShopWhatsapp(c.get("db"), c.get("shop").id, r.data.whatsapp);
  return c.redirect(`/admin/${c.get("shop").slug}/live?done=1`, 303);
});

shopAdmin.route("/orders", orderAdmin);
shopAdmin.route("/couriers/settings", courierSettingsRoutes);
shopAdmin.route("/couriers", courierRoutes);
shopAdmin.route("/settlements", settlementRoutes);
shopAdmin.route("/abandoned", abandonedAdmin);
shopAdmin.route("/customers", customerRoutes);
shopAdmin.route("/", leaveRoutes);
shopAdmin.get("/shop", adminPage(noRead, (c) => renderPage(c, <ShopHub {...adminChrome(c)} shopUrl={shopUrl(c)} />)));
shopAdmin.route("/products/:id{[0-9]+}/photos", photoRoutes);
shopAdmin.route("/products/pending", pendingRoutes);
shopAdmin.route("/products", productRoutes);
shopAdmin.route("/media", adminMedia);
shopAdmin.route("/collections", collectionRoutes);
shopAdmin.route("/discounts", discountRoutes);
shopAdmin.route("/pages", pageRoutes);
shopAdmin.route("/csv", csvRoutes);
shopAdmin.route("/theme", themeRoutes);
shopAdmin.route("/settings", settingsRoutes);
shopAdmin.route("/staff", staffRoutes);
shopAdmin.route("/push", pushRoutes);
shopAdmin.route("/gateways", gatewayAdmin);
shopAdmin.route("/domain", domainRoutes);
shopAdmin.route("/", shareRoutes);

admin.route("/:shop", shopAdmin);
