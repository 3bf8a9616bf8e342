/** The staff invitation form and the shop's staff cap (declared here, read by domain and view). */
import { z } from "zod";
import { identityField } from "../platform/schemas";

/** Staff members and invitations (pending or declined) together, per shop; the owner is not counted. */
export const STAFF_CAP = 20;

export const inviteSchema = z.object({ contact: identityField });
