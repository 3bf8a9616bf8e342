/**
 * The one way text becomes a URL slug: accents dropped, apostrophes removed, anything else that
 * is not a-z or 0-9 becomes a single hyphen, trimmed to `max` characters. Text with no Latin
 * letters (Urdu) gives "" and the caller picks a fallback. Pure: the browser islands use it too.
 */
export function latinSlug(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/**
 * Urdu words whose spelling in Latin letters is fixed by use, not by their letters: the little
 * words of shop names, English words written in Urdu, and names whose letters alone read oddly.
 */
const WORDS: Readonly<Record<string, string>> = {
  کے: "ke", کی: "ki", کا: "ka", اور: "aur", میں: "main", دی: "di", دا: "da", دے: "de",
  عائشہ: "ayesha", زینب: "zainab", محمد: "muhammad", مہندی: "mehndi", ہاتھ: "hath",
  بوتیک: "boutique", کرافٹ: "craft", کرافٹس: "crafts", شاپ: "shop", اسٹور: "store", سٹور: "store",
  کلیکشن: "collection", ڈیزائن: "design", ڈیزائنز: "designs", ہاؤس: "house", کچن: "kitchen",
  بینک: "bank", واٹس: "whats", ایپ: "app", جاز: "jazz", کیش: "cash", ایزی: "easy", پیسہ: "paisa", ہٹی: "hatti",
  سپورٹ: "support", ایڈمن: "admin", لاگ: "log", ان: "in",
  فیشن: "fashion", بیوٹی: "beauty", ہوم: "home", آرٹ: "art", آرٹس: "arts", کیک: "cake", کیکس: "cakes",
};

/** Consonants: one Latin spelling each (the Arabic letters Urdu shares are read the Urdu way). */
const CONSONANTS: Readonly<Record<string, string>> = {
  ب: "b", پ: "p", ت: "t", ٹ: "t", ث: "s", ج: "j", چ: "ch", ح: "h", خ: "kh", د: "d", ڈ: "d", ذ: "z",
  ر: "r", ڑ: "r", ز: "z", ژ: "zh", س: "s", ش: "sh", ص: "s", ض: "z", ط: "t", ظ: "z", غ: "gh",
  ف: "f", ق: "q", ک: "k", گ: "g", ل: "l", م: "m", ن: "n", ں: "n",
};

/** Letters typed from Arabic keyboards, and Arabic-Indic and Urdu digits, as Urdu writes them. */
const SAME: Readonly<Record<string, string>> = { ك: "ک", ي: "ی", ى: "ی", ه: "ہ", ة: "ہ", ۃ: "ہ", ۂ: "ہ", أ: "ا", إ: "ا", ٱ: "ا", ۓ: "ے" };
const DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** Short-vowel marks (rarely written, read when they are). */
const MARKS: Readonly<Record<string, string>> = { "\u064e": "a", "\u0650": "i", "\u064f": "u", "\u064b": "an" };
const VOWELS = new Set(["ا", "آ", "و", "ی", "ے", "ئ", "ؤ"]);

/**
 * One Urdu word in Latin letters. Urdu writes long vowels and leaves most short ones out, so
 * the short "a" after a word's first consonant is put back ("کپڑے" kapre, "کراچی" karachi);
 * و and ی are consonants (w, y) before a vowel and vowels (o, e or i) elsewhere; a final ہ
 * after a consonant is "a" ("فاطمہ" fatma). Readable, not a scholarly transliteration.
 */
function urduWord(word: string): string {
  if (WORDS[word]) return WORDS[word];
  const ch = [...word];
  let out = "";
  const last = ch.length - 1;
  // و is w before a vowel or a final ہ ("حلوہ" halwa); ی is y before alif.
  const wa = (i: number) => VOWELS.has(ch[i + 1] ?? "") || (ch[i + 1] === "ہ" && i + 1 === last);
  const isCons = (c: string | undefined, i: number) => !!c && (c in CONSONANTS || (c === "ہ" && i < last) || (c === "و" && wa(i)));
  for (let i = 0; i < ch.length; i++) {
    const c = ch[i]!;
    const next = ch[i + 1];
    const first = i === 0;
    if (c in MARKS) out += MARKS[c];
    else if (c in CONSONANTS || c === "ھ") {
      out += CONSONANTS[c] ?? "h";
      if (next === "ھ") (out += "h"), i++;
      // The short vowel after the first consonant, which Urdu does not write.
      if (first && isCons(ch[i + 1], i + 1)) out += "a";
    } else if (c === "ا" || c === "آ") {
      if (first && next === "ی") (out += "e"), i++;
      else if (first && next === "و") (out += "o"), i++;
      else out += "a";
    } else if (c === "و") {
      out += first || wa(i) || VOWELS.has(ch[i - 1] ?? "") ? "w" : "o";
    } else if (c === "ی") {
      if (first) out += "y";
      else if (next === undefined) out += "i";
      else if (next === "ا" || next === "آ") out += VOWELS.has(ch[i - 1]!) ? "y" : "iy";
      else out += "e";
    } else if (c === "ے") out += "e";
    else if (c === "ئ") out += next === "ی" || next === "ے" ? "" : "i";
    else if (c === "ؤ") out += "u";
    else if (c === "ہ") out += i === last && i > 0 && ch[i - 1] !== "ا" && ch[i - 1] !== "آ" ? "a" : "h";
    else if (c === "ع") out += first && !VOWELS.has(next ?? "") ? "a" : "";
  }
  return out;
}

/**
 * Urdu text in Latin letters, word by word ("عائشہ کے کپڑے" -> "ayesha ke kapre"); Latin letters,
 * digits and everything else are left as they are, so mixed names keep their English.
 */
function transliterate(text: string): string {
  const same = text.normalize("NFKC").replace(/[كيىهةۃۂأإٱۓ]/g, (c) => SAME[c]!).replace(DIGIT, (d) => String(d.charCodeAt(0) & 0xf));
  return same.replace(/[\u0600-\u06ff]+/g, (w) => ` ${urduWord(w)} `);
}

/**
 * A name as a slug, Urdu read in Latin letters ("عائشہ کے کپڑے" -> "ayesha-ke-kapre"): the shop
 * address the wizard suggests, in the browser (src/client/slug-check.ts) and on the server alike.
 */
export const nameSlug = (name: string, max: number) => latinSlug(transliterate(name), max);
