import cms from "./admin-cms";
import settings from "./admin-settings";

export default {
  ...cms,
  ...settings,
  "admin.nav.home": "ہوم",
  "admin.nav.orders": "آرڈر",
  "admin.nav.products": "مصنوعات",
  "admin.nav.shop": "دکان",
  "admin.nav.label": "مینو",
  "admin.home.title": "ڈیش بورڈ",
  "admin.home.viewShop": "میری دکان دیکھیں",
  "admin.home.firstProduct.title": "اپنی پہلی چیز شامل کریں",
  "admin.home.firstProduct.body": "تصویر لیں، نام اور قیمت لکھیں۔ یہ فوراً آپ کی دکان میں نظر آئے گی۔",
  "admin.home.firstProduct.cta": "چیز شامل کریں",
  "admin.home.shareTitle": "آپ کی دکان کا لنک",
  "admin.shop.title": "دکان",
  "theme.colourInvalid": "#1a2b3c جیسا رنگ استعمال کریں۔",
  "theme.contrast": "یہ دو رنگ بہت ملتے جلتے ہیں: لکھائی پڑھنا مشکل ہوگا۔ کوئی گہرا یا ہلکا رنگ چنیں۔",
} as const;
