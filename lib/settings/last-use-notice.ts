import { formatTimeAgo } from "./relative-time";

/** Use within this long before revoking counts as "still in use". */
export const RECENT_USE_WINDOW_MS = 60 * 60 * 1000;

export type LastUseNotice = {
  /** `warning` when revoking will probably break something that still sends the key. */
  tone: "warning" | "info";
  text: string;
};

/**
 * What the "Revoke now" confirmation says about a key's last use. A use within the last
 * hour is said plainly as a warning, because whatever sent it will start failing.
 */
export function describeLastUse(lastUsedAt: Date | null, now: Date): LastUseNotice {
  if (!lastUsedAt) {
    return { tone: "info", text: "This key has never been used." };
  }

  const ago = formatTimeAgo(lastUsedAt, now);
  if (now.getTime() - lastUsedAt.getTime() <= RECENT_USE_WINDOW_MS) {
    return {
      tone: "warning",
      text: `This key was used ${ago}. Anything still using it will start failing.`,
    };
  }
  return { tone: "info", text: `This key was last used ${ago}.` };
}
