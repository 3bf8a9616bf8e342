/**
 * The catalogue and shop management under /admin/:shop: products, photos, collections,
 * pages, theme, settings, staff, CSV. Mounted by src/admin/routes.tsx after the shop and the
 * seller's membership are loaded. Staff manage the catalogue; the rest is the owner's alone.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { adminMedia, photoRoutes } from "./products/photo-routes";
import { productRoutes } from "./products/routes";

export const cms = new Hono<AppEnv>();

cms.route("/products/:id{[0-9]+}/photos", photoRoutes);
cms.route("/products", productRoutes);
cms.route("/media", adminMedia);
