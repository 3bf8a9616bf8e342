import type { MessageKey } from "../en";
import common from "./common";
import platform from "./platform";
import admin from "./admin";
import storefront from "./storefront";
import checkout from "./checkout";
import orders from "./orders";

/** The Urdu catalogue: typed against English, so a missing string fails the type-check. */
export const ur: Record<MessageKey, string> = { ...common, ...platform, ...admin, ...storefront, ...checkout, ...orders };
