/** Bank transfer: the customer sends the total to the seller's bank account (its bank, title and IBAN). */
import { accountMethod } from "../method";

export default accountMethod("bank", { position: 30, numberLabel: "payments.iban", bank: true });
