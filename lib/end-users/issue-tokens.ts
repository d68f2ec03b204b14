import type { Executor } from "@/db/client";
import { insertEndUserSession } from "@/db/end-user-sessions";
import { ACCESS_TOKEN_TTL, signAccessToken, type TokenProject } from "./access-token";
import { newRefreshToken, REFRESH_TOKEN_TTL_MS } from "./refresh-token";

/** What login, sign-up and refresh return; `token` repeats `accessToken` for older clients. */
export type AuthTokens = {
  accessToken: string;
  token: string;
  refreshToken: string;
  expiresIn: string;
  userId: string;
};

/** Opens a refresh session and signs an access token for it. */
export async function issueTokens(
  db: Executor,
  project: TokenProject,
  endUserId: string,
): Promise<AuthTokens> {
  const refresh = newRefreshToken();
  await insertEndUserSession(db, {
    projectId: project.id,
    endUserId,
    tokenHash: refresh.hash,
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
  });

  const accessToken = await signAccessToken(project, endUserId);
  return {
    accessToken,
    token: accessToken,
    refreshToken: refresh.token,
    expiresIn: ACCESS_TOKEN_TTL,
    userId: endUserId,
  };
}
