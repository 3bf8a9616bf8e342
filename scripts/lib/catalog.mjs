// The demo catalogues: a clothing boutique and a home-food bazaar, each product in English and Urdu.
const P = (rupees) => rupees * 100;

export const fashion = {
  collections: [
    { slug: "new-arrivals", en: "New arrivals", ur: "نئی آمد" },
    { slug: "lawn", en: "Lawn suits", ur: "لان سوٹ" },
    { slug: "accessories", en: "Accessories", ur: "لوازمات" },
  ],
  products: [
    { slug: "embroidered-lawn-suit", en: "Embroidered lawn suit", ur: "کڑھائی والا لان سوٹ", price: 4500, compare: 5500, colours: ["#fdf2e9", "#9d174d", "#f9a8d4"], motif: "arch", options: { Size: ["S", "M", "L"], Colour: ["Rose", "Mint"] }, cols: ["new-arrivals", "lawn"] },
    { slug: "printed-kurta", en: "Printed cotton kurta", ur: "پرنٹڈ کاٹن کرتا", price: 2200, colours: ["#eef6f3", "#115e59", "#99f6e4"], motif: "arch", options: { Size: ["S", "M", "L", "XL"] }, cols: ["new-arrivals"] },
    { slug: "chiffon-dupatta", en: "Chiffon dupatta", ur: "شیفون دوپٹہ", price: 1200, colours: ["#fff7ed", "#c2410c", "#fed7aa"], motif: "diamond", options: { Colour: ["Peach", "Ivory", "Black"] }, cols: ["accessories"] },
    { slug: "three-piece-lawn", en: "Three-piece lawn", ur: "تھری پیس لان", price: 6800, compare: 7500, colours: ["#f0f9ff", "#1d4ed8", "#bfdbfe"], motif: "arch", options: { Size: ["S", "M", "L"] }, cols: ["lawn"] },
    { slug: "glass-bangles", en: "Glass bangles (set of 12)", ur: "کانچ کی چوڑیاں (12 کا سیٹ)", price: 650, colours: ["#fefce8", "#a16207", "#fde047"], motif: "circle", options: { Size: ["2.4", "2.6", "2.8"] }, cols: ["accessories", "new-arrivals"] },
    { slug: "khussa", en: "Hand-made khussa", ur: "ہاتھ سے بنا کھسہ", price: 3200, colours: ["#fdf4ff", "#86198f", "#f0abfc"], motif: "diamond", options: { Size: ["37", "38", "39", "40"] }, cols: ["accessories"] },
    { slug: "jhumka-earrings", en: "Jhumka earrings", ur: "جھمکے", price: 950, compare: 1200, colours: ["#fffbeb", "#b45309", "#fcd34d"], motif: "circle", cols: ["accessories"] },
    { slug: "silk-shawl", en: "Silk shawl", ur: "ریشمی شال", price: 5400, colours: ["#f5f3ff", "#5b21b6", "#c4b5fd"], motif: "diamond", cols: ["new-arrivals"] },
    { slug: "kids-frock", en: "Kids' frock", ur: "بچوں کا فراک", price: 1800, colours: ["#fdf2f8", "#be185d", "#fbcfe8"], motif: "arch", options: { Age: ["2-3", "4-5", "6-7"] }, cols: [] },
    { slug: "lawn-trousers", en: "Cotton trousers", ur: "کاٹن ٹراؤزر", price: 1500, colours: ["#f8fafc", "#334155", "#cbd5e1"], motif: "arch", options: { Size: ["S", "M", "L"] }, cols: ["lawn"] },
    { slug: "clutch-bag", en: "Beaded clutch", ur: "موتیوں والا کلچ", price: 2600, colours: ["#ecfdf5", "#047857", "#6ee7b7"], motif: "circle", soldOut: true, cols: ["accessories"] },
    { slug: "block-print-scarf", en: "Block-print scarf", ur: "بلاک پرنٹ اسکارف", price: 890, colours: ["#fff1f2", "#9f1239", "#fda4af"], motif: "diamond", cols: [] },
  ],
};

export const food = {
  collections: [
    { slug: "achar", en: "Achar & chutney", ur: "اچار اور چٹنی" },
    { slug: "sweets", en: "Sweets & biscuits", ur: "مٹھائی اور بسکٹ" },
    { slug: "spices", en: "Spice mixes", ur: "مصالحے" },
  ],
  products: [
    { slug: "mango-achar", en: "Mango achar", ur: "آم کا اچار", price: 850, colours: ["#fffbeb", "#b45309", "#fbbf24"], motif: "circle", options: { Size: ["500 g", "1 kg"] }, cols: ["achar"] },
    { slug: "mixed-achar", en: "Mixed vegetable achar", ur: "مکس سبزی اچار", price: 780, colours: ["#f7fee7", "#4d7c0f", "#bef264"], motif: "circle", options: { Size: ["500 g", "1 kg"] }, cols: ["achar"] },
    { slug: "imli-chutney", en: "Imli chutney", ur: "املی کی چٹنی", price: 450, colours: ["#fef2f2", "#7f1d1d", "#fca5a5"], motif: "circle", cols: ["achar"] },
    { slug: "nankhatai", en: "Nankhatai (1 dozen)", ur: "نان خطائی (ایک درجن)", price: 600, compare: 700, colours: ["#fefce8", "#854d0e", "#fde68a"], motif: "diamond", cols: ["sweets"] },
    { slug: "pinni", en: "Desi ghee pinni", ur: "دیسی گھی پنی", price: 1400, colours: ["#fff7ed", "#9a3412", "#fdba74"], motif: "circle", options: { Size: ["500 g", "1 kg"] }, cols: ["sweets"] },
    { slug: "gajar-halwa", en: "Gajar halwa", ur: "گاجر کا حلوہ", price: 1100, colours: ["#fff1f2", "#c2410c", "#fb923c"], motif: "arch", cols: ["sweets"] },
    { slug: "biryani-masala", en: "Biryani masala", ur: "بریانی مصالحہ", price: 350, colours: ["#fef2f2", "#991b1b", "#f87171"], motif: "diamond", cols: ["spices"] },
    { slug: "chaat-masala", en: "Chaat masala", ur: "چاٹ مصالحہ", price: 300, colours: ["#fdf4ff", "#701a75", "#e879f9"], motif: "diamond", cols: ["spices"] },
    { slug: "garam-masala", en: "Garam masala", ur: "گرم مصالحہ", price: 400, colours: ["#f5f5f4", "#44403c", "#a8a29e"], motif: "diamond", cols: ["spices"] },
    { slug: "honey", en: "Sidr honey", ur: "بیری کا شہد", price: 2500, compare: 2800, colours: ["#fffbeb", "#92400e", "#fcd34d"], motif: "arch", options: { Size: ["250 g", "500 g"] }, cols: [] },
    { slug: "papad", en: "Homemade papad", ur: "گھر کے پاپڑ", price: 250, colours: ["#fefce8", "#a16207", "#fef08a"], motif: "circle", soldOut: true, cols: [] },
    { slug: "ghee", en: "Desi ghee", ur: "دیسی گھی", price: 2200, colours: ["#fefce8", "#ca8a04", "#fde047"], motif: "arch", options: { Size: ["500 g", "1 kg"] }, cols: [] },
  ],
};

export const rupees = P;
