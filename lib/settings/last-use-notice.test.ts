import { describe, expect, it } from "vitest";
import { describeLastUse, RECENT_USE_WINDOW_MS } from "./last-use-notice";

const now = new Date("2026-03-01T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60 * 1000;

describe("describeLastUse", () => {
  it("warns plainly about a use a few minutes ago", () => {
    expect(describeLastUse(ago(4 * MINUTE), now)).toEqual({
      tone: "warning",
      text: "This key was used 4 minutes ago. Anything still using it will start failing.",
    });
  });

  it("warns about a use just now", () => {
    expect(describeLastUse(ago(5000), now)).toMatchObject({
      tone: "warning",
      text: "This key was used just now. Anything still using it will start failing.",
    });
  });

  it("still warns at exactly one hour, and no longer just after", () => {
    expect(describeLastUse(ago(RECENT_USE_WINDOW_MS), now).tone).toBe("warning");
    expect(describeLastUse(ago(RECENT_USE_WINDOW_MS + 1), now)).toEqual({
      tone: "info",
      text: "This key was last used 1 hour ago.",
    });
  });

  it("says when a key was never used", () => {
    expect(describeLastUse(null, now)).toEqual({
      tone: "info",
      text: "This key has never been used.",
    });
  });
});
