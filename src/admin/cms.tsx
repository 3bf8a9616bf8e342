/**
 * The catalogue and shop management under /admin/:shop: products, photos, collections,
 * pages, theme, settings, staff, CSV. Mounted by src/admin/routes.tsx.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";

export const cms = new Hono<AppEnv>();
