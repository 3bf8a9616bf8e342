/** The Urdu catalogue, one file an area, typed against the English one (a missing string fails the type-check). */
import type { en } from "../en";
import type { Mirror } from "../plural";
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

/** The Urdu catalogue: typed against English, so a missing string or plural form fails the type-check. */
export const ur: Mirror<typeof en> = { ...common, ...platform, ...admin, ...storefront, ...checkout, ...orders, ...pricing, ...customers, ...discounts, ...sections };
