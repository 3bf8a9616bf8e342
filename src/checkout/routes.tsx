/**
 * Customer cart, checkout and order status routes on the storefront host
 * (/cart, /checkout, /orders/{token}). Mounted by src/storefront/routes.tsx.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";

export const checkoutRoutes = new Hono<AppEnv>();
