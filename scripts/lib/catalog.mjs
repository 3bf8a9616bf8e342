// The demo catalogues, each product in English and Urdu with its own description and drawing
// (scripts/lib/demo-art.mjs): a clothing boutique and a home kitchen here, a home baker and a
// jeweller beside (demo-catalog-*.mjs). Twenty products each, oldest first: the first
// collection (the home page's featured one) holds the oldest eight, so the home page's newest
// twelve never repeat them.
const P = (rupees) => rupees * 100;

/** A drawing: the kind of product and its colours (backdrop, body, trim). */
export const art = (kind, bg, main, accent, extra = {}) => ({ kind, bg, main, accent, ...extra });

export const fashion = {
  about: { en: "Lawn, kurtas and the little things that finish an outfit, chosen and stitched at home in Lahore.", ur: "لان، کرتے اور وہ چھوٹی چیزیں جو لباس مکمل کرتی ہیں، لاہور میں گھر پر چنی اور سلی ہوئی۔" },
  tail: { en: "Cash on delivery anywhere in Pakistan. Not the right size? We exchange within 7 days.", ur: "پورے پاکستان میں کیش آن ڈیلیوری۔ سائز ٹھیک نہیں؟ 7 دن میں تبدیل کریں۔" },
  collections: [
    { slug: "bestsellers", en: "Bestsellers", ur: "سب سے زیادہ پسندیدہ" },
    { slug: "lawn", en: "Lawn suits", ur: "لان سوٹ" },
    { slug: "accessories", en: "Accessories", ur: "لوازمات" },
  ],
  products: [
    { slug: "embroidered-lawn-suit", en: "Embroidered lawn suit", ur: "کڑھائی والا لان سوٹ", price: 4500, compare: 5500, options: { Size: ["S", "M", "L"], Colour: ["Rose", "Mint"] }, cols: ["bestsellers", "lawn"], art: art("suit", "#f6e4dc", "#9d174d", "#f4c27a"), d: ["Soft summer lawn with a hand-embroidered neckline and a chiffon dupatta.", "نرم گرمیوں کی لان، ہاتھ کی کڑھائی والا گلا اور شیفون دوپٹہ۔"] },
    { slug: "printed-kurta", en: "Printed cotton kurta", ur: "پرنٹڈ کاٹن کرتا", price: 2200, options: { Size: ["S", "M", "L", "XL"] }, cols: ["bestsellers"], art: art("kurta", "#e3efe9", "#115e59", "#f2c14e"), d: ["Breathable cotton with a small floral print, straight cut, side slits.", "ہوا دار کاٹن پر چھوٹے پھولوں کا پرنٹ، سیدھی کٹ، سائیڈ چاک۔"] },
    { slug: "chiffon-dupatta", en: "Chiffon dupatta", ur: "شیفون دوپٹہ", price: 1200, options: { Colour: ["Peach", "Ivory", "Black"] }, cols: ["bestsellers", "accessories"], art: art("dupatta", "#fbeee4", "#e8916b", "#fff1d6"), d: ["Light as air, with a woven border and little tassels at both ends.", "ہوا جیسا ہلکا، بُنے ہوئے بارڈر اور دونوں طرف چھوٹے پھندنوں کے ساتھ۔"] },
    { slug: "three-piece-lawn", en: "Three-piece lawn", ur: "تھری پیس لان", price: 6800, compare: 7500, options: { Size: ["S", "M", "L"] }, cols: ["bestsellers", "lawn"], art: art("suit", "#e6edf8", "#1d4ed8", "#fbcfe8"), d: ["Shirt, trousers and a printed dupatta in cool indigo, ready to wear.", "قمیض، شلوار اور پرنٹڈ دوپٹہ ٹھنڈے نیلے رنگ میں، سلا ہوا تیار۔"] },
    { slug: "glass-bangles", en: "Glass bangles (set of 12)", ur: "کانچ کی چوڑیاں (12 کا سیٹ)", price: 650, options: { Size: ["2.4", "2.6", "2.8"] }, cols: ["bestsellers", "accessories"], art: art("bangles", "#fbf1dc", "#c2185b", "#f59e0b"), d: ["Hyderabadi glass bangles in ruby and marigold with gold-tone spacers.", "حیدرآبادی کانچ کی چوڑیاں، یاقوتی اور گیندے کے رنگ میں سنہری چوڑیوں کے ساتھ۔"] },
    { slug: "khussa", en: "Hand-made khussa", ur: "ہاتھ سے بنا کھسہ", price: 3200, options: { Size: ["37", "38", "39", "40"] }, cols: ["bestsellers", "accessories"], art: art("khussa", "#f5e9f7", "#86198f", "#f4b740"), d: ["Soft leather khussa from Multan with zari work on the toe.", "ملتان کا نرم چمڑے کا کھسہ، پنجے پر زری کا کام۔"] },
    { slug: "jhumka-earrings", en: "Jhumka earrings", ur: "جھمکے", price: 950, compare: 1200, cols: ["bestsellers", "accessories"], art: art("earrings", "#f3ece2", "#0f766e", "#be123c"), d: ["Gold-tone bells with a fringe of little pearls that sway as you walk.", "سنہری گھنٹیاں، موتیوں کی جھالر کے ساتھ جو چلتے ہوئے جھومتی ہے۔"] },
    { slug: "silk-shawl", en: "Silk shawl", ur: "ریشمی شال", price: 5400, cols: ["bestsellers"], art: art("shawl", "#efeaf7", "#5b21b6", "#f4c27a"), d: ["A wide silk shawl with a paisley border, warm enough for winter evenings.", "چوڑی ریشمی شال، کیری کے بارڈر کے ساتھ، سردیوں کی شاموں کے لیے۔"] },
    { slug: "kids-frock", en: "Kids' frock", ur: "بچوں کا فراک", price: 1800, options: { Age: ["2-3", "4-5", "6-7"] }, cols: [], art: art("frock", "#fdf0f4", "#db2777", "#fde68a"), d: ["A twirly cotton frock with a bow at the waist, for parties and Eid.", "گھومنے والا کاٹن فراک، کمر پر بو کے ساتھ، دعوتوں اور عید کے لیے۔"] },
    { slug: "lawn-trousers", en: "Cotton trousers", ur: "کاٹن ٹراؤزر", price: 1500, options: { Size: ["S", "M", "L"] }, cols: ["lawn"], art: art("trousers", "#eef1f5", "#334155", "#e2c290"), d: ["Straight cotton trousers with a lace hem, to go with any kurta.", "سیدھا کاٹن ٹراؤزر، لیس والے پائنچوں کے ساتھ، ہر کرتے کے ساتھ۔"] },
    { slug: "clutch-bag", en: "Beaded clutch", ur: "موتیوں والا کلچ", price: 2600, soldOut: true, cols: ["accessories"], art: art("clutch", "#e5f3ec", "#047857", "#fef3c7"), d: ["Hand-beaded clutch with a gold clasp and a slim chain.", "ہاتھ سے موتی ٹکا کلچ، سنہری کلپ اور پتلی زنجیر کے ساتھ۔"] },
    { slug: "block-print-scarf", en: "Block-print scarf", ur: "بلاک پرنٹ اسکارف", price: 890, cols: [], art: art("scarf", "#fbece9", "#9f1239", "#fcd9a8"), d: ["Cotton scarf block-printed by hand in Hala, with a paisley hem.", "ہالہ میں ہاتھ سے بلاک پرنٹ کیا گیا کاٹن اسکارف، کیری والے کنارے کے ساتھ۔"] },
    { slug: "chikankari-kurta", en: "Chikankari kurta", ur: "چکن کاری کرتا", price: 3400, options: { Size: ["S", "M", "L"] }, cols: ["lawn"], art: art("kurta", "#f4f1ea", "#e7dcc8", "#b08d57"), d: ["White-on-ivory shadow work, stitched by hand over three weeks.", "آئیوری پر سفید سایہ کڑھائی، تین ہفتے ہاتھ سے سلائی۔"] },
    { slug: "velvet-shawl", en: "Velvet shawl", ur: "مخملی شال", price: 7200, cols: [], art: art("shawl", "#f1e6e6", "#7f1d1d", "#e9b949"), d: ["Deep maroon velvet with a gold paisley border, for weddings.", "گہرے عنابی مخمل پر سنہری کیری کا بارڈر، شادیوں کے لیے۔"] },
    { slug: "gota-dupatta", en: "Gota dupatta", ur: "گوٹے والا دوپٹہ", price: 1600, cols: ["accessories"], art: art("dupatta", "#fdf5e1", "#d97706", "#fef3c7"), d: ["Marigold net dupatta edged with gota, for mehndi nights.", "گیندے رنگ کا نیٹ دوپٹہ، گوٹے کی کنی کے ساتھ، مہندی کی راتوں کے لیے۔"] },
    { slug: "golden-khussa", en: "Golden zari khussa", ur: "سنہری زری کھسہ", price: 3900, options: { Size: ["37", "38", "39", "40"] }, cols: ["accessories"], art: art("khussa", "#f7efe0", "#b7791f", "#7f1d1d"), d: ["Bridal khussa covered in gold zari, cushioned for a long day.", "دلہن کا کھسہ، سنہری زری سے ڈھکا، لمبے دن کے لیے نرم تلا۔"] },
    { slug: "party-frock", en: "Party frock", ur: "پارٹی فراک", price: 2400, options: { Age: ["2-3", "4-5", "6-7"] }, cols: [], art: art("frock", "#eaf2fb", "#2563eb", "#fbcfe8"), d: ["Printed chiffon over cotton lining, with a frilled hem.", "کاٹن استر پر پرنٹڈ شیفون، جھالر دار گھیر کے ساتھ۔"] },
    { slug: "pearl-clutch", en: "Pearl clutch", ur: "موتی کلچ", price: 3100, cols: ["accessories"], art: art("clutch", "#f5efe6", "#e7d3b5", "#9a3412"), d: ["Ivory clutch sewn with seed pearls, room for a phone and keys.", "آئیوری کلچ، ننھے موتیوں سے سلا، فون اور چابیوں کی جگہ۔"] },
    { slug: "silver-bangles", en: "Silver bangles (set of 6)", ur: "چاندی کی چوڑیاں (6 کا سیٹ)", price: 1400, options: { Size: ["2.4", "2.6", "2.8"] }, cols: ["accessories"], art: art("bangles", "#eceff3", "#475569", "#0e7490", { silver: true }), d: ["Silver-tone bangles with teal enamel, light enough for every day.", "چاندی رنگ کی چوڑیاں، فیروزی مینا کاری کے ساتھ، روزانہ پہننے کو ہلکی۔"] },
    { slug: "eid-lawn-suit", en: "Eid lawn suit", ur: "عید لان سوٹ", price: 5200, options: { Size: ["S", "M", "L"] }, cols: ["lawn"], art: art("suit", "#eef6e8", "#3f6212", "#f9a8d4"), d: ["Fresh green lawn with pink blossoms, new for this Eid.", "ہری لان پر گلابی پھول، اس عید کے لیے نیا۔"] },
  ],
};

export const food = {
  about: { en: "Nani's recipes, made in small batches in our Lahore kitchen: achar, sweets and snacks.", ur: "نانی کی ترکیبیں، لاہور کے باورچی خانے میں تھوڑا تھوڑا بنایا: اچار، مٹھائی اور نمکین۔" },
  tail: { en: "Made fresh after you order and packed airtight. Cash on delivery across Pakistan.", ur: "آرڈر کے بعد تازہ بنایا اور ہوا بند پیک کیا جاتا ہے۔ پورے پاکستان میں کیش آن ڈیلیوری۔" },
  collections: [
    { slug: "favourites", en: "Family favourites", ur: "گھر کے پسندیدہ" },
    { slug: "achar", en: "Achar & chutney", ur: "اچار اور چٹنی" },
    { slug: "sweets", en: "Sweets & biscuits", ur: "مٹھائی اور بسکٹ" },
    { slug: "snacks", en: "Snacks", ur: "نمکین" },
  ],
  products: [
    { slug: "mango-achar", en: "Mango achar", ur: "آم کا اچار", price: 850, options: { Size: ["500 g", "1 kg"] }, cols: ["favourites", "achar"], art: art("achar", "#fbf1dc", "#d97706", "#b91c1c"), d: ["Raw mango in mustard oil with fennel and nigella, sun-cured for a month.", "کچا آم سرسوں کے تیل میں سونف اور کلونجی کے ساتھ، مہینہ بھر دھوپ میں۔"] },
    { slug: "mixed-achar", en: "Mixed vegetable achar", ur: "مکس سبزی اچار", price: 780, options: { Size: ["500 g", "1 kg"] }, cols: ["favourites", "achar"], art: art("achar", "#eef5e3", "#65a30d", "#c2410c"), d: ["Carrot, lotus stem, chilli and lime, the way Nani made it.", "گاجر، کمل ککڑی، مرچ اور لیموں، جیسے نانی بناتی تھیں۔"] },
    { slug: "imli-chutney", en: "Imli chutney", ur: "املی کی چٹنی", price: 450, cols: ["favourites", "achar"], art: art("spice", "#f7e9e4", "#7f1d1d", "#f59e0b"), d: ["Sweet and sour tamarind with dates and roasted cumin.", "کھٹی میٹھی املی، کھجور اور بھنے زیرے کے ساتھ۔"] },
    { slug: "nimko-mix", en: "Lahori nimko mix", ur: "لاہوری نمکو مکس", price: 550, options: { Size: ["250 g", "500 g"] }, cols: ["favourites", "snacks"], art: art("nimko", "#fdf6e3", "#ca8a04", "#15803d"), d: ["Crunchy sev, peanuts, lentils and curry leaves, fried fresh every week.", "کرکری سیو، مونگ پھلی، دالیں اور کڑی پتہ، ہر ہفتے تازہ تلا۔"] },
    { slug: "besan-ladoo", en: "Besan ladoo", ur: "بیسن کے لڈو", price: 1200, options: { Size: ["500 g", "1 kg"] }, cols: ["favourites", "sweets"], art: art("ladoo", "#fdf3e1", "#e59e2d", "#fbbf24"), d: ["Gram flour roasted slowly in desi ghee, with cardamom and almonds.", "بیسن دیسی گھی میں آہستہ بھونا، الائچی اور بادام کے ساتھ۔"] },
    { slug: "honey", en: "Sidr honey", ur: "بیری کا شہد", price: 2500, compare: 2800, options: { Size: ["250 g", "500 g"] }, cols: ["favourites"], art: art("honey", "#fdf5df", "#d89b17", "#92400e"), d: ["Raw sidr honey from Karak, thick and floral.", "کرک کا خالص بیری کا شہد، گاڑھا اور خوشبودار۔"] },
    { slug: "samosa-box", en: "Frozen samosas", ur: "فروزن سموسے", price: 900, options: { Pieces: ["12", "24"] }, cols: ["favourites", "snacks"], art: art("samosas", "#f7f0e4", "#d4a043", "#15803d"), d: ["Spiced potato and peas in a crisp pastry, fry from frozen in 6 minutes.", "مصالحے دار آلو اور مٹر کرکری پٹی میں، فریزر سے نکال کر 6 منٹ میں تلیں۔"] },
    { slug: "biryani-masala", en: "Biryani masala", ur: "بریانی مصالحہ", price: 350, cols: ["favourites"], art: art("spice", "#f8e9e6", "#b91c1c", "#fcd34d"), d: ["Whole spices roasted and ground by hand for one big family pot.", "ثابت مصالحے ہاتھ سے بھون کر پیسے، ایک بڑی دیگچی کے لیے۔"] },
    { slug: "nankhatai", en: "Nankhatai (1 dozen)", ur: "نان خطائی (ایک درجن)", price: 600, compare: 700, cols: ["sweets"], art: art("biscuits", "#fbf3e3", "#e8c07d", "#a16207"), d: ["Melt-in-the-mouth ghee biscuits with a pistachio on top.", "منہ میں گھل جانے والے گھی کے بسکٹ، اوپر پستے کے ساتھ۔"] },
    { slug: "pinni", en: "Desi ghee pinni", ur: "دیسی گھی پنی", price: 1400, options: { Size: ["500 g", "1 kg"] }, cols: ["sweets"], art: art("ladoo", "#f6eadf", "#a0522d", "#d6a25b"), d: ["Wheat, jaggery and dry fruit, the winter sweet of every Punjabi home.", "گندم، گڑ اور خشک میوہ، ہر پنجابی گھر کی سردیوں کی مٹھائی۔"] },
    { slug: "milk-barfi", en: "Milk barfi", ur: "دودھ کی برفی", price: 1300, cols: ["sweets"], art: art("squares", "#f5f1e8", "#f1e4c8", "#16a34a"), d: ["Soft khoya barfi with crushed pistachio, made the morning it ships.", "نرم کھوئے کی برفی، پسے پستے کے ساتھ، بھیجنے کی صبح بنی۔"] },
    { slug: "chaat-masala", en: "Chaat masala", ur: "چاٹ مصالحہ", price: 300, cols: [], art: art("spice", "#f3ebf5", "#6b2d6b", "#f59e0b"), d: ["Tangy black salt and dried mango, for fruit chaat and fries.", "کالا نمک اور امچور، فروٹ چاٹ اور فرائز کے لیے۔"] },
    { slug: "garam-masala", en: "Garam masala", ur: "گرم مصالحہ", price: 400, cols: [], art: art("spice", "#f1ece6", "#57392a", "#d97706"), d: ["Cinnamon, clove, cardamom and black pepper, roasted in small batches.", "دار چینی، لونگ، الائچی اور کالی مرچ، تھوڑا تھوڑا بھونا۔"] },
    { slug: "lemon-achar", en: "Lemon achar", ur: "لیموں کا اچار", price: 650, cols: ["achar"], art: art("achar", "#fbf8dc", "#ca8a04", "#15803d"), d: ["Whole lemons cured in salt and spice until soft and golden.", "ثابت لیموں نمک اور مصالحے میں، نرم اور سنہری ہونے تک۔"] },
    { slug: "daal-moth", en: "Daal moth", ur: "دال موٹھ", price: 480, cols: ["snacks"], art: art("nimko", "#f8f1e2", "#a16207", "#65a30d"), d: ["Crisp fried lentils with a squeeze of lime and chilli.", "کرکری تلی دالیں، لیموں اور مرچ کے ساتھ۔"] },
    { slug: "papad", en: "Homemade papad", ur: "گھر کے پاپڑ", price: 250, soldOut: true, cols: ["snacks"], art: art("biscuits", "#f7f3e6", "#f0dca8", "#b45309"), d: ["Sun-dried lentil papad, roast or fry in seconds.", "دھوپ میں سوکھے دال کے پاپڑ، سیکنڈوں میں سینکیں یا تلیں۔"] },
    { slug: "ghee", en: "Desi ghee", ur: "دیسی گھی", price: 2200, options: { Size: ["500 g", "1 kg"] }, cols: [], art: art("honey", "#fbf7e4", "#e9c46a", "#7c5a10"), d: ["Slow-cooked from cow's milk butter, grainy and fragrant.", "گائے کے دودھ کے مکھن سے آہستہ پکا، دانے دار اور خوشبودار۔"] },
    { slug: "chicken-samosa", en: "Chicken samosas", ur: "چکن سموسے", price: 1100, options: { Pieces: ["12", "24"] }, cols: ["snacks"], art: art("samosas", "#f6eee6", "#c98a3a", "#b91c1c"), d: ["Minced chicken with onion and coriander, ready to fry.", "قیمہ چکن، پیاز اور دھنیے کے ساتھ، تلنے کو تیار۔"] },
    { slug: "gur-ladoo", en: "Gur til ladoo", ur: "گڑ تل کے لڈو", price: 1000, cols: ["sweets"], art: art("ladoo", "#f5ece1", "#8b5a2b", "#e9d5a8"), d: ["Sesame and jaggery ladoo, a warm winter treat.", "تل اور گڑ کے لڈو، سردیوں کی گرم سوغات۔"] },
    { slug: "green-chilli-achar", en: "Green chilli achar", ur: "ہری مرچ کا اچار", price: 600, cols: ["achar"], art: art("achar", "#eaf4e4", "#3f7d20", "#b45309"), d: ["Stuffed green chillies in mustard oil, hot and sour.", "بھری ہوئی ہری مرچیں سرسوں کے تیل میں، تیز اور کھٹی۔"] },
  ],
};

export const rupees = P;
