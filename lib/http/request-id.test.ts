import { describe, expect, it } from "vitest";
import { resolveRequestId } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("resolveRequestId", () => {
  it("reuses a well-formed incoming id", () => {
    expect(resolveRequestId("4bf92f3577b34da6a3ce929d0e0e4736")).toBe(
      "4bf92f3577b34da6a3ce929d0e0e4736",
    );
    expect(resolveRequestId("lb-trace:1234.abcd_EF")).toBe("lb-trace:1234.abcd_EF");
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["too short", "abc"],
    ["too long", "a".repeat(129)],
    ["with a newline", "abcdefgh\nforged log line"],
    ["with markup", "<script>alert(1)</script>"],
  ])("makes a new one when the incoming id is %s", (_, incoming) => {
    expect(resolveRequestId(incoming)).toMatch(UUID);
  });
});
