/** JazzCash: the customer sends the total to the seller's JazzCash account (its title and mobile number). */
import { accountMethod } from "../method";

export default accountMethod("jazzcash", { position: 10, numberLabel: "payments.accountNumber", mobile: true });
