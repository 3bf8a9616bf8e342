/** The English catalogue, one file an area: the reference every other language is typed against. */
import common from "./common";
import platform from "./platform";
import admin from "./admin";
import storefront from "./storefront";
import checkout from "./checkout";
import orders from "./orders";
import discounts from "./discounts";

export const en = { ...common, ...platform, ...admin, ...storefront, ...checkout, ...orders, ...discounts };
export type MessageKey = keyof typeof en;
