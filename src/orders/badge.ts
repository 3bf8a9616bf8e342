import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { newOrderCount } from "./list";

/** Sets c.var.newOrders (the badge on the admin's Orders tab) for the shop being managed. */
export function newOrdersBadge(): MiddlewareHandler<AppEnv> {
  return async function ordersBadge(c, next) {
    c.set("newOrders", await newOrderCount(c.var.db, c.var.shop.id));
    await next();
  };
}
