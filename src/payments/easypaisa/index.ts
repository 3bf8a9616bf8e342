/** Easypaisa: the customer sends the total to the seller's Easypaisa account (its title and mobile number). */
import { accountMethod } from "../method";

export default accountMethod("easypaisa", { position: 20, numberLabel: "payments.accountNumber", mobile: true });
