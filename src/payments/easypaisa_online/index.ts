/**
 * Easypaisa online: the customer pays on Easypaisa's hosted checkout (Easypay: her Easypaisa
 * account or a card) right after placing the order (src/gateways: the hand-off, the return, the
 * queue's transaction inquiry). Offered once the shop saved its Easypay store credentials.
 */
import { gatewayMethod } from "../method";

export default gatewayMethod("easypaisa_online", { position: 22, provider: "easypay", checkoutHint: "checkout.pay.easypaisaOnlineHint" });
