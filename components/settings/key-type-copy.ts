import type { KeyType } from "@/lib/keys/key-format";

type KeyTypeCopy = {
  /** "Secret key": the section's heading. */
  heading: string;
  /** "secret key": inside sentences. */
  noun: string;
  /** The rotate button's exact name. */
  rotateLabel: string;
  role: string;
};

export const KEY_TYPE_COPY: Record<KeyType, KeyTypeCopy> = {
  publishable: {
    heading: "Publishable key",
    noun: "publishable key",
    rotateLabel: "Rotate Publishable Key",
    role: "Reads data. Safe to ship in browsers and mobile apps.",
  },
  secret: {
    heading: "Secret key",
    noun: "secret key",
    rotateLabel: "Rotate Secret Key",
    role: "Reads and writes data. Keep it on your servers only.",
  },
};

/** `sk_live_…abcd`, the way a key the dashboard does not hold in full is written. */
export function maskedKey(key: { prefix: string; lastFour: string }): string {
  return `${key.prefix}…${key.lastFour}`;
}
