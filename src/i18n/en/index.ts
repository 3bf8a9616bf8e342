/** The English catalogue, one file an area: the reference every other language is typed against. */
import common from "./common";
import platform from "./platform";
import admin from "./admin";
import storefront from "./storefront";
import checkout from "./checkout";
import orders from "./orders";
import pricing from "./pricing";

export const en = { ...common, ...platform, ...admin, ...storefront, ...checkout, ...orders, ...pricing };
export type MessageKey = keyof typeof en;
