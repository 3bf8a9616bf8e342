/** The English catalogue, one file an area: the reference every other language is typed against. */
import common from "./common";
import platform from "./platform";
import admin from "./admin";
import storefront from "./storefront";
import checkout from "./checkout";
import orders from "./orders";
import pricing from "./pricing";
import customers from "./customers";
import discounts from "./discounts";
import sections from "./sections";

export const en = { ...common, ...platform, ...admin, ...storefront, ...checkout, ...orders, ...pricing, ...customers, ...discounts, ...sections };
export type MessageKey = keyof typeof en;
