/** Who did something, and from where: recorded on every audit event and told in emails. */
export type Actor =
  | {
      type: "developer";
      id: string;
      email: string;
      ipAddress: string | null;
      userAgent: string | null;
    }
  | { type: "system" };

export function actorColumns(actor: Actor) {
  if (actor.type === "system") {
    return { actorType: "system" as const, actorId: null, actorEmail: null };
  }
  return {
    actorType: "developer" as const,
    actorId: actor.id,
    actorEmail: actor.email,
    ipAddress: actor.ipAddress,
    userAgent: actor.userAgent,
  };
}
