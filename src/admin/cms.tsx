/**
 * The catalogue and shop management under /admin/:shop: products, photos, collections,
 * pages, theme, settings, staff, CSV. Mounted by src/admin/routes.tsx after the shop and the
 * seller's membership are loaded. Staff manage the catalogue; the rest is the owner's alone
 * (each of those sub-apps starts with requireOwner(): staff get a 404).
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderPage } from "../lib/render";
import { originFor } from "../tenancy/host";
import { adminChrome } from "./chrome";
import { collectionRoutes } from "./content/collections";
import { pageRoutes } from "./content/pages";
import { csvRoutes } from "./csv/routes";
import { adminMedia, photoRoutes } from "./products/photo-routes";
import { productRoutes } from "./products/routes";
import { settingsRoutes } from "./settings/routes";
import { ShopHub } from "./settings/views";
import { staffRoutes } from "./staff/routes";
import { themeRoutes } from "./theme/routes";

export const cms = new Hono<AppEnv>();

cms.get("/shop", (c) => renderPage(c, <ShopHub {...adminChrome(c)} shopUrl={originFor(c.req.url, c.env.ROOT_DOMAIN, c.var.shop.slug)} />));
cms.route("/products/:id{[0-9]+}/photos", photoRoutes);
cms.route("/products", productRoutes);
cms.route("/media", adminMedia);
cms.route("/collections", collectionRoutes);
cms.route("/pages", pageRoutes);
cms.route("/csv", csvRoutes);
cms.route("/theme", themeRoutes);
cms.route("/settings", settingsRoutes);
cms.route("/staff", staffRoutes);
