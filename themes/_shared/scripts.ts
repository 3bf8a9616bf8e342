/** The storefront's browser islands, allowed by the CSP through their hashes. */
import cartCount from "../../src/client/cart-count.gen";
import variantPicker from "../../src/client/variant-picker.gen";
import { inlineScript } from "../../src/lib/csp";

export const cartCountScript = inlineScript(cartCount);
export const variantPickerScript = inlineScript(variantPicker);
