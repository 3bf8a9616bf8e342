import common from "./common";
import platform from "./platform";
import admin from "./admin";
import storefront from "./storefront";
import checkout from "./checkout";
import orders from "./orders";

/** The English catalogue: the reference every other locale is checked against. */
export const en = { ...common, ...platform, ...admin, ...storefront, ...checkout, ...orders };
export type MessageKey = keyof typeof en;
