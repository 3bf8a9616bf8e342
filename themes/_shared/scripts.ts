/** The storefront's browser islands, allowed by the CSP through their hashes. */
import cartCount from "../../src/client/cart-count.gen";
import variantPicker from "../../src/client/variant-picker.gen";
import productPage from "../../src/client/product-page.gen";
import type { HashedScript } from "../../src/lib/csp";

export const cartCountScript: HashedScript = cartCount;
export const variantPickerScript: HashedScript = variantPicker;
export const productPageScript: HashedScript = productPage;
