// Each demo shop's home page: its theme settings' `sections` ([{ type, settings }], see
// docs/features.md "Home page sections"), written for the shop in its language. A photo is
// `{ scene }` (scripts/lib/demo-art-banners.mjs SCENES) until scripts/seed.mjs has drawn and
// stored it and put the stored photo in its place. Every shop opens with a banner photo, then
// its featured collection and newest products, then a mix of its own, so the ten shops show
// off the section registry between them. The featured collection is the catalogue's first, whose
// products the newest row never repeats (test/demo-shops.test.ts).

const banner = (scene, heading, text, button = "") => ({ type: "image-banner", settings: { image: { scene }, heading, text, button } });
const imageText = (scene, heading, text, button = "", link = "/pages/about") => ({ type: "image-text", settings: { image: { scene }, heading, text, button, link } });
const featured = (collection, heading = "", layout = "grid") => ({ type: "featured-collection", settings: { collection, heading, limit: 8, layout } });
const newest = (heading = "", layout = "grid") => ({ type: "newest", settings: { heading, limit: 12, layout } });
const testimonials = (heading, items) => ({ type: "testimonials", settings: { heading, items: items.map(([quote, name]) => ({ quote, name })) } });
const faq = (heading, items) => ({ type: "faq", settings: { heading, items: items.map(([question, answer]) => ({ question, answer })) } });
const badges = (delivery, heading = "") => ({ type: "badges", settings: { heading, delivery, payments: true } });
const whatsapp = (heading, text, button = "") => ({ type: "whatsapp", settings: { heading, text, button } });
const follow = (heading, pages) => ({ type: "follow", settings: { heading, ...pages } });

/** The sections of each demo shop's home page, by the shop's slug. */
export const HOMES = {
  demo: [
    banner("boutique", "Lawn for long summer days", "New embroidered lawn, kurtas and khussas, stitched at home in Lahore.", "Shop the new lawn"),
    featured("bestsellers"),
    newest("Just in"),
    testimonials("What our customers say", [
      ["The embroidery is even finer than in the photos, and the suit fitted perfectly.", "Sana, Karachi"],
      ["Ordered on Monday, wore it to a wedding on Thursday. Thank you!", "Hira, Islamabad"],
      ["Soft khussa, no blisters after a whole day. Ordering a second pair.", "Amna, Faisalabad"],
    ]),
    badges("Delivery all over Pakistan in 3 to 5 days"),
    follow("Follow us", { instagram: "https://instagram.com/ayeshascloset", facebook: "https://facebook.com/ayeshascloset" }),
  ],
  "demo-urdu": [
    banner("boutique", "گرمیوں کی نئی لان", "کڑھائی والی لان، کرتے اور کھسے، لاہور میں گھر پر سلے ہوئے۔", "نئی لان دیکھیں"),
    featured("bestsellers"),
    newest("نیا مال"),
    testimonials("ہمارے گاہک کیا کہتے ہیں", [
      ["کڑھائی تصویروں سے بھی زیادہ خوبصورت نکلی اور سوٹ بالکل فٹ آیا۔", "ثنا، کراچی"],
      ["پیر کو آرڈر کیا، جمعرات کو شادی میں پہنا۔ بہت شکریہ!", "حرا، اسلام آباد"],
    ]),
    whatsapp("واٹس ایپ پر پوچھیں", "سائز یا رنگ کا سوال ہو تو ہمیں پیغام بھیجیں، ہم فوراً جواب دیتے ہیں۔"),
    follow("انسٹاگرام پر نئی لان دیکھیں", { instagram: "https://instagram.com/zainabboutique" }),
  ],
  "demo-bazaar": [
    banner("kitchen", "Nani's recipes, in jars", "Achar, masalas and sweets made in small batches in our Lahore kitchen.", "Fill your pantry"),
    { type: "offer", settings: { text: "Free delivery in Lahore on orders over Rs 3,000", button: "", link: "/collections/all" } },
    featured("favourites", "", "row"),
    newest("Fresh from the kitchen"),
    imageText("pantry", "Made at home, never in a factory", "Every jar is filled by hand: mangoes from Multan, mustard oil pressed in Sargodha and spices we roast ourselves. No colours, no preservatives, just how Nani made it.", "Our story"),
    whatsapp("Order on WhatsApp", "Send us your list and we will pack it the same day."),
  ],
  "demo-bazaar-ur": [
    banner("kitchen", "نانی کے نسخے، مرتبان میں", "اچار، مصالحے اور مٹھائیاں، لاہور کے گھریلو کچن میں تھوڑی تھوڑی مقدار میں تیار۔", "ابھی خریدیں"),
    featured("favourites"),
    newest("کچن سے تازہ"),
    imageText("pantry", "گھر کا بنا، فیکٹری کا نہیں", "ہر مرتبان ہاتھ سے بھرا جاتا ہے: ملتان کے آم، سرگودھا کا سرسوں کا تیل اور خود بھونے ہوئے مصالحے۔ نہ رنگ، نہ کیمیکل، بالکل نانی کی طرح۔", "ہماری کہانی"),
    faq("سوالات", [
      ["اچار کتنے دن چلتا ہے؟", "بند مرتبان ایک سال تک، کھولنے کے بعد صاف چمچ سے نکالیں اور تین مہینے میں استعمال کریں۔"],
      ["کیا آپ پورے پاکستان میں بھیجتے ہیں؟", "جی ہاں، 3 سے 5 دن میں، کیش آن ڈیلیوری کے ساتھ۔"],
    ]),
    badges("لاہور میں اگلے دن، باقی پاکستان میں 3 سے 5 دن"),
  ],
  "demo-minimal": [
    banner("atelier", "Quiet colours, careful stitches", "Dupattas, scarves and kurtas in small runs from our studio.", "See the collection"),
    featured("bestsellers", "Our bestsellers"),
    newest("New in the studio", "row"),
    imageText("boutique", "Cut and finished by hand", "We stitch each piece in our studio in Gulberg, ten at a time, so every hem and neckline gets the same care.", "About the studio", "/pages/about"),
    follow("", { instagram: "https://instagram.com/studionoor", tiktok: "https://tiktok.com/@studionoor" }),
  ],
  "demo-minimal-ur": [
    banner("atelier", "ہلکے رنگ، باریک سلائی", "دوپٹے، اسکارف اور کرتے، ہمارے اسٹوڈیو سے تھوڑی تعداد میں۔", "مجموعہ دیکھیں"),
    featured("bestsellers"),
    newest("اسٹوڈیو میں نیا", "row"),
    faq("اکثر پوچھے گئے سوالات", [
      ["سائز کیسے چنوں؟", "ہر چیز کے صفحے پر ناپ لکھے ہیں؛ شک ہو تو واٹس ایپ پر اپنا ناپ بھیجیں۔"],
      ["کیا سائز بدل سکتے ہیں؟", "جی ہاں، 7 دن کے اندر بغیر استعمال کے واپس بھیجیں، ہم بدل دیں گے۔"],
      ["کپڑا دھونے کا طریقہ؟", "ٹھنڈے پانی میں ہاتھ سے دھوئیں اور چھاؤں میں سکھائیں۔"],
    ]),
    follow("ہمیں فالو کریں", { instagram: "https://instagram.com/studionoor", youtube: "https://youtube.com/@studionoor" }),
  ],
  "demo-bakery": [
    banner("bakery", "Baked this morning, for your table tonight", "Cakes, cupcakes and cookies made to order in our DHA home kitchen.", "Order a cake"),
    featured("bestsellers", "Most loved"),
    newest("Fresh from the oven"),
    imageText("oven", "Made at home, one order at a time", "Mahnoor bakes every order herself with real butter, free-range eggs and no premixes. Tell us the name and we pipe it on.", "Meet the baker"),
    testimonials("Sweet words", [
      ["The fudge cake was gone before the candles were out. Best in Lahore!", "Mehwish, DHA"],
      ["Ordered 48 samosas for a dawat, all crisp and still warm.", "Bilal, Johar Town"],
      ["My daughter still talks about her unicorn birthday cake.", "Fatima, Model Town"],
    ]),
    faq("Questions", [
      ["How early should I order a cake?", "A day ahead for our cakes, three days for a custom design."],
      ["Do you deliver outside Lahore?", "Cookies, rusks and nimko go all over Pakistan; cakes are for Lahore only."],
    ]),
  ],
  "demo-bakery-ur": [
    banner("bakery", "صبح کا بیک، شام کی دعوت کے لیے", "کیک، کپ کیک اور کوکیز، ڈی ایچ اے کے گھریلو کچن میں آرڈر پر تیار۔", "کیک آرڈر کریں"),
    featured("bestsellers"),
    newest("تندور سے تازہ", "row"),
    testimonials("میٹھی باتیں", [
      ["فج کیک موم بتیاں بجھنے سے پہلے ختم ہو گیا۔ لاہور کا بہترین!", "مہوش، ڈی ایچ اے"],
      ["دعوت کے لیے 48 سموسے منگوائے، سب کرکرے اور گرم۔", "بلال، جوہر ٹاؤن"],
    ]),
    whatsapp("اپنا کیک ڈیزائن کریں", "تصویر اور نام واٹس ایپ پر بھیجیں، ہم قیمت بتا دیں گے۔", "واٹس ایپ پر بھیجیں"),
    badges("کیک صرف لاہور میں، باقی چیزیں پورے پاکستان میں"),
  ],
  "demo-jewel": [
    banner("jewels", "Jewellery for the days you remember", "Kundan, polki and silver pieces, set by hand in our family workshop.", "View the collection"),
    featured("signature"),
    newest("New arrivals", "row"),
    imageText("workbench", "Set by hand in Anarkali", "Three generations of our family have set stones at the same bench. Each piece is finished, polished and boxed by hand before it reaches you.", "Our workshop"),
    testimonials("From our brides", [
      ["My bridal set looked like a family heirloom. Everyone asked where it was from.", "Zara, Lahore"],
      ["Beautiful jhumkas, and packed in a box I have kept for my rings.", "Maryam, Multan"],
    ]),
    badges("Insured delivery all over Pakistan"),
  ],
  "demo-jewel-ur": [
    banner("jewels", "یادگار دنوں کے زیورات", "کندن، پولکی اور چاندی کے زیور، ہمارے خاندانی کارخانے میں ہاتھ سے جڑے۔", "مجموعہ دیکھیں"),
    featured("signature"),
    newest("نئے زیورات"),
    imageText("workbench", "انارکلی میں ہاتھ سے جڑے", "ہمارے خاندان کی تین نسلیں ایک ہی میز پر نگینے جڑتی آئی ہیں۔ ہر زیور ہاتھ سے پالش اور پیک ہو کر آپ تک پہنچتا ہے۔", "ہمارا کارخانہ"),
    faq("سوالات", [
      ["کیا زیور پر پالش کی گارنٹی ہے؟", "جی ہاں، چھ مہینے میں رنگ اترے تو مفت دوبارہ پالش کرتے ہیں۔"],
      ["کیا دلہن کا سیٹ بنوا سکتے ہیں؟", "جی، ڈیزائن واٹس ایپ پر بھیجیں، تین ہفتے میں تیار۔"],
    ]),
    whatsapp("واٹس ایپ پر ویڈیو کال", "زیور خریدنے سے پہلے ویڈیو پر دیکھ لیں۔", "ابھی بات کریں"),
  ],
};

/**
 * Each demo shop's product page sections, below the buy box (theme setting `productSections`):
 * two or three short blocks that answer what a shopper asks before ordering (delivery, payment,
 * returns, a question on WhatsApp), in the shop's language. Types that need no D1 data only.
 */
export const PRODUCT_PAGES = {
  demo: [
    badges("Delivery all over Pakistan in 3 to 5 days"),
    faq("Delivery and returns", [
      ["When will my suit arrive?", "Orders placed before 2 pm leave the same day and reach most cities in 3 to 5 days."],
      ["Can I exchange the size?", "Yes: send it back unworn within 7 days and we will send the right size."],
    ]),
    whatsapp("Not sure about the size?", "Send us your measurements on WhatsApp and we will tell you which size fits."),
  ],
  "demo-urdu": [
    badges("پورے پاکستان میں 3 سے 5 دن میں ترسیل"),
    faq("ترسیل اور واپسی", [
      ["سوٹ کب تک پہنچے گا؟", "دوپہر 2 بجے سے پہلے کا آرڈر اسی دن روانہ ہوتا ہے اور 3 سے 5 دن میں پہنچ جاتا ہے۔"],
      ["کیا سائز بدل سکتے ہیں؟", "جی ہاں، 7 دن کے اندر بغیر پہنے واپس بھیجیں، ہم صحیح سائز بھیج دیں گے۔"],
    ]),
  ],
  "demo-bazaar": [
    badges("Packed the same day, delivered across Pakistan"),
    faq("Before you order", [
      ["How long does the achar keep?", "A sealed jar keeps for a year; once open, use a dry spoon and finish it within three months."],
      ["Will the jar leak on the way?", "Every jar is sealed, wrapped and boxed; if one arrives broken we send another free."],
    ]),
    whatsapp("Order on WhatsApp", "Send us your list and we will pack it the same day."),
  ],
  "demo-bazaar-ur": [
    badges("اسی دن پیک، پورے پاکستان میں ترسیل"),
    whatsapp("واٹس ایپ پر آرڈر کریں", "اپنی فہرست بھیجیں، ہم اسی دن پیک کر دیں گے۔"),
  ],
  "demo-minimal": [
    faq("Delivery and returns", [
      ["How soon will it ship?", "Pieces in stock leave the studio within two days; delivery takes 3 to 5 days more."],
      ["Can I return it?", "Unworn pieces can be returned within 7 days for an exchange or store credit."],
    ]),
    badges("Free delivery over Rs 5,000"),
  ],
  "demo-minimal-ur": [
    faq("ترسیل اور واپسی", [
      ["چیز کب روانہ ہوگی؟", "اسٹاک میں موجود چیز دو دن میں اسٹوڈیو سے نکلتی ہے، پھر 3 سے 5 دن میں پہنچتی ہے۔"],
      ["کیا واپس کر سکتے ہیں؟", "بغیر استعمال کی چیز 7 دن کے اندر بدلی جا سکتی ہے۔"],
    ]),
    badges("5,000 روپے سے زیادہ پر مفت ترسیل"),
  ],
  "demo-bakery": [
    badges("Cakes delivered in Lahore, cookies all over Pakistan"),
    faq("Good to know", [
      ["How early should I order?", "A day ahead for our cakes, three days for a custom design."],
      ["Can you write a name on it?", "Yes: add the name in the order note and we pipe it on for free."],
    ]),
    whatsapp("Planning a party?", "Tell us the date and the number of guests on WhatsApp and we will suggest a menu.", "Ask on WhatsApp"),
  ],
  "demo-bakery-ur": [
    badges("کیک صرف لاہور میں، باقی چیزیں پورے پاکستان میں"),
    whatsapp("دعوت کا منصوبہ ہے؟", "تاریخ اور مہمانوں کی تعداد واٹس ایپ پر بتائیں، ہم مینو تجویز کر دیں گے۔", "واٹس ایپ پر پوچھیں"),
  ],
  "demo-jewel": [
    badges("Insured delivery all over Pakistan"),
    faq("Care and delivery", [
      ["Does the polish come with a guarantee?", "Yes: if the colour fades within six months we polish it again for free."],
      ["How is it packed?", "In our velvet box, sealed and insured until it reaches your door."],
    ]),
    whatsapp("See it on a video call", "Ask us on WhatsApp and we will show you the piece before you order.", "Book a call"),
  ],
  "demo-jewel-ur": [
    badges("پورے پاکستان میں بیمہ شدہ ترسیل"),
    whatsapp("ویڈیو کال پر دیکھیں", "آرڈر سے پہلے زیور ویڈیو پر دیکھ لیں۔", "ابھی بات کریں"),
    faq("دیکھ بھال", [["زیور کو کیسے رکھیں؟", "پرفیوم اور پانی سے دور، اپنے ڈبے میں بند رکھیں۔"]]),
  ],
};

/** The scenes a home page draws, each once. */
export const scenesOf = (sections) => [...new Set(sections.map((s) => s.settings.image?.scene).filter(Boolean))];

/** The sections with each `{ scene }` replaced by its stored photo (`photos[scene]`). */
export const withPhotos = (sections, photos) =>
  sections.map((s) => (s.settings.image?.scene ? { ...s, settings: { ...s.settings, image: photos[s.settings.image.scene] } } : s));
