/**
 * Phone numbers, as sellers and customers type them: Pakistani mobiles normalised to E.164
 * (+92...), from 03001234567, 0300-1234567, 0300 1234567, 3001234567, 923001234567,
 * +92 300 1234567, 0092300...; Urdu/Arabic-Indic digits too; and the digits of a wa.me link.
 */

/** Converts Urdu (Extended Arabic-Indic) and Arabic-Indic digits to ASCII. */
export function asciiDigits(s: string): string {
  return s
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** +923001234567 for a Pakistani mobile number, else null. */
export function normalizePakPhone(input: string): string | null {
  let s = asciiDigits(input).trim().replace(/[\s\-().]/g, "");
  if (s.startsWith("00")) s = `+${s.slice(2)}`;
  if (s.startsWith("+92")) s = s.slice(3);
  else if (s.startsWith("92") && s.length === 12) s = s.slice(2);
  else if (s.startsWith("0")) s = s.slice(1);
  // Mobile numbers: 3xx followed by 7 digits.
  return /^3\d{9}$/.test(s) ? `+92${s}` : null;
}

/** Digits for a wa.me link: a Pakistani number as 92..., any other number as its digits. */
export function waDigits(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.startsWith("0") && digits.length === 11) return `92${digits.slice(1)}`;
  return digits.replace(/^00/, "");
}

/** A stored number as she would say it: +923001234567 -> "0300 1234567"; any other number as stored. */
export function localPhone(phone: string): string {
  const m = /^\+92(3\d{2})(\d{7})$/.exec(phone);
  return m ? `0${m[1]} ${m[2]}` : phone;
}
