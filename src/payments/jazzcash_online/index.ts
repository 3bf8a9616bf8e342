/**
 * JazzCash online: the customer pays on JazzCash's hosted checkout (her wallet or a card) right
 * after placing the order (src/gateways: the hand-off, the signed return, the cron's inquiry).
 * Offered once the shop saved its JazzCash merchant credentials.
 */
import { gatewayMethod } from "../method";

export default gatewayMethod("jazzcash_online", { position: 12, provider: "jazzcash", checkoutHint: "checkout.pay.jazzcashOnlineHint" });
