export default {
  "store.home": "Home",
  "store.products": "Products",
  "store.allProducts": "All products",
  "store.empty.title": "New products are coming soon",
  "store.empty.body": "This shop is just getting ready. Please check back shortly.",
  "store.soldOut": "Sold out",
  "store.poweredBy": "Shop made with Hatti",
  "store.notFound.title": "We could not find that page",
  "store.notFound.body": "It may have been moved or sold out.",
  "store.notFound.cta": "Continue shopping",
} as const;
