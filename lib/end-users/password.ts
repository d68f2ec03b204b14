import { hashPassword, verifyPassword } from "better-auth/crypto";

// scrypt (memory-hard), the same hashing developers' own passwords get.
export { hashPassword };

let decoy: Promise<string> | undefined;

/**
 * Checks a password; with no stored hash (unknown email) it still runs one verification
 * against a decoy, so that timing does not tell which emails have accounts.
 */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  if (hash) return verifyPassword({ hash, password });

  decoy ??= hashPassword(crypto.randomUUID());
  await verifyPassword({ hash: await decoy, password });
  return false;
}
