/**
 * The invitee's side of staff (src/staff/staff.ts). Her pending invitations are listed on
 * /admin/shops; under /admin/shops/invitations she accepts or declines one addressed to her,
 * and under /admin/:shop she leaves a shop she is staff of. Anything not hers is a 404.
 */
import { syncMembers } from "../db/members";
import { shopSource } from "../lib/meter";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { acceptInvitation, declineInvitation, leaveShop } from "./staff";
import { intParam } from "../lib/form-all";

export const invitationRoutes = new Hono<AppEnv>();

const idOf = (v: string | undefined) => {
  const id = intParam(v);
  if (id === null) throw new HTTPException(404);
  return id;
};

invitationRoutes.post("/:id{[0-9]+}/accept", async (c) => {
  const accepted = await acceptInvitation(c.get("dir"), c.get("user")!, idOf(c.req.param("id")));
  if (!accepted) throw new HTTPException(404);
  // To her phone, not proven yet: nothing changes; her invitations say how to prove it.
  if ("prove" in accepted) return c.redirect("/admin/shops", 303);
  await syncMembers(shopSource(c), accepted.slug);
  return c.redirect(`/admin/${accepted.slug}`, 303);
});

invitationRoutes.post("/:id{[0-9]+}/decline", async (c) => {
  if (!(await declineInvitation(c.get("dir"), c.get("user")!, idOf(c.req.param("id"))))) throw new HTTPException(404);
  return c.redirect("/admin/shops?done=declined", 303);
});

/** Mounted under /admin/:shop, after its membership check. */
export const leaveRoutes = new Hono<AppEnv>();

leaveRoutes.post("/leave", async (c) => {
  // An owner cannot leave her own shop: only a staff membership is removed.
  if (!(await leaveShop(c.get("dir"), c.get("shop").id, c.get("user")!.id))) throw new HTTPException(404);
  await syncMembers(shopSource(c), c.get("shop").id);
  return c.redirect("/admin/shops?done=left", 303);
});
