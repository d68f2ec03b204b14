import type { EndUser } from "@/db/end-users";

/** An end user as the API shows it: never the password hash. */
export type PublicEndUser = {
  _id: string;
  email: string;
  username: string | null;
  name: string | null;
  createdAt: string;
};

export function toPublicEndUser(user: EndUser): PublicEndUser {
  return {
    _id: user.id,
    email: user.email,
    username: user.username,
    name: user.name,
    createdAt: user.createdAt.toISOString(),
  };
}
