/** Cash on delivery: the rider collects the total; nothing to fill in, on for a new shop. */
import { z } from "zod";
import type { PaymentMethodDef } from "../method";

const cod: PaymentMethodDef<"cod"> = {
  id: "cod",
  kind: "cod",
  position: 0,
  form: z.object({}),
  fields: {},
  enabledByDefault: true,
  takesProof: false,
  checkoutHint: "checkout.pay.codHint",
  account: () => [],
};
export default cod;
