import cms from "./admin-cms";
import settings from "./admin-settings";

export default {
  ...cms,
  ...settings,
  "admin.nav.home": "Home",
  "admin.nav.orders": "Orders",
  "admin.nav.products": "Products",
  "admin.nav.shop": "Shop",
  "admin.nav.label": "Main",
  "admin.home.title": "Dashboard",
  "admin.home.viewShop": "View my shop",
  "admin.home.firstProduct.title": "Add your first product",
  "admin.home.firstProduct.body": "Take a photo, write a title and a price. It appears in your shop at once.",
  "admin.home.firstProduct.cta": "Add a product",
  "admin.home.shareTitle": "Your shop link",
  "admin.shop.title": "Shop",
  "theme.colourInvalid": "Use a colour like #1a2b3c.",
  "theme.contrast": "These two colours are too close: text would be hard to read. Pick a darker or lighter one.",
} as const;
