/**
 * A 6-digit code to an account holder: proving a phone number, resetting a password. On WhatsApp
 * this is an "authentication" template: Meta presets its body ("{{1}} is your verification code.",
 * with the security line and the expiry footer chosen when it is created) and its copy-code
 * button, whose parameter is the code again.
 */
import { defineTemplate } from "./define";

export const verificationCode = defineTemplate({
  id: "verification_code",
  audience: "account",
  params: ["code"],
  text: {
    en: {
      title: "Your Hatti code: {code}",
      body: "Your Hatti verification code is {code}. It expires in 10 minutes. Do not share it with anyone.",
    },
    ur: {
      title: "آپ کا ہٹی کوڈ: {code}",
      body: "آپ کا ہٹی تصدیقی کوڈ {code} ہے۔ یہ 10 منٹ میں ختم ہو جائے گا۔ یہ کوڈ کسی کو نہ بتائیں۔",
    },
  },
  whatsapp: {
    name: "hatti_verification_code",
    category: "authentication",
    language: { en: "en", ur: "ur" },
    body: ["code"],
    buttons: [{ subType: "url", index: 0, param: "code" }],
  },
  // A code is useless after 10 minutes: do not let a push service deliver it later.
  push: { ttlSeconds: 600, urgency: "high" },
});
