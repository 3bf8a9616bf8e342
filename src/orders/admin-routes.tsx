/** Seller order management under /admin/:shop/orders. Mounted by src/admin/routes.tsx. */
import { Hono } from "hono";
import type { AppEnv } from "../env";

export const orderAdmin = new Hono<AppEnv>();
