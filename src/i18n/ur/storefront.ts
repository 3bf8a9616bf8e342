export default {
  "store.home": "ہوم",
  "store.products": "مصنوعات",
  "store.allProducts": "تمام مصنوعات",
  "store.empty.title": "نئی چیزیں جلد آ رہی ہیں",
  "store.empty.body": "یہ دکان ابھی تیار ہو رہی ہے۔ براہ کرم تھوڑی دیر بعد دوبارہ دیکھیں۔",
  "store.soldOut": "ختم ہو گیا",
  "store.poweredBy": "یہ دکان ہٹی پر بنی ہے",
  "store.notFound.title": "ہمیں یہ صفحہ نہیں ملا",
  "store.notFound.body": "شاید یہ منتقل ہو گیا ہے یا ختم ہو گیا ہے۔",
  "store.notFound.cta": "خریداری جاری رکھیں",
} as const;
