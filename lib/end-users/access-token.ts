import { errors, jwtVerify, SignJWT } from "jose";

export const ACCESS_TOKEN_TTL = "15m";
const ISSUER = "rekey";
const ALGORITHM = "HS256";

export type TokenProject = { id: string; jwtSecret: string };

const secretOf = (project: TokenProject) => new TextEncoder().encode(project.jwtSecret);

/**
 * An end user's access token: signed with the project's JWT secret, scoped to the project
 * (audience), independent of any API key so that key rotation never signs anyone out.
 * `userId` repeats `sub` for clients written against urBackend.
 */
export async function signAccessToken(project: TokenProject, endUserId: string): Promise<string> {
  return new SignJWT({ userId: endUserId })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(endUserId)
    .setIssuer(ISSUER)
    .setAudience(project.id)
    .setIssuedAt()
    .setExpirationTime(ACCESS_TOKEN_TTL)
    .sign(secretOf(project));
}

/** The end user id of a valid token for this project; null if expired, tampered or foreign. */
export async function verifyAccessToken(
  project: TokenProject,
  token: string,
): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, secretOf(project), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: project.id,
      requiredClaims: ["sub", "exp"],
    });
    return payload.sub ?? null;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
