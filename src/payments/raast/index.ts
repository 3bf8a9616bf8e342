/**
 * Raast, the State Bank's instant payments: the customer sends the total to the seller's Raast ID
 * (her mobile number) or her IBAN, from any bank's or wallet's app.
 */
import { accountMethod } from "../method";

export default accountMethod("raast", {
  position: 40,
  numberLabel: "payments.raastId",
  checkoutLabel: "checkout.account.raast",
  // Her bank app's Raast QR code, optional: the customer scans it instead of typing the ID.
  image: { key: "qr", label: "payments.raastQr", alt: "checkout.account.raastQr" },
});
