/**
 * The payment methods, one line each: a method is its folder (src/payments/<id>/index.ts) and its
 * line here (docs/payments.md). Everything else (settings, checkout, orders, CSV) reads the list
 * from src/payments/index.ts.
 */
export { default as cod } from "./cod";
export { default as jazzcash } from "./jazzcash";
export { default as jazzcash_online } from "./jazzcash_online";
export { default as easypaisa } from "./easypaisa";
export { default as easypaisa_online } from "./easypaisa_online";
export { default as bank } from "./bank";
export { default as raast } from "./raast";
