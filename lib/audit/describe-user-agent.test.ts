import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./describe-user-agent";

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
        "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
      "Edge 124 on Windows",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
      "Firefox 126 on Linux",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 " +
        "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      "Safari 17 on iOS",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) " +
        "Chrome/125.0.0.0 Mobile Safari/537.36",
      "Chrome 125 on Android",
    ],
    ["curl/8.5.0", "curl 8"],
  ])("names %s", (agent, expected) => {
    expect(describeUserAgent(agent)).toBe(expected);
  });

  it("says so when there is no agent", () => {
    expect(describeUserAgent(null)).toBe("unknown browser");
    expect(describeUserAgent("  ")).toBe("unknown browser");
  });

  it("cuts unknown agents to a readable length", () => {
    const described = describeUserAgent(`bot/${"x".repeat(200)}`);
    expect(described.length).toBe(80);
    expect(described.endsWith("…")).toBe(true);
  });
});
