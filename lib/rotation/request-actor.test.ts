import { describe, expect, it } from "vitest";
import { clientAddress, developerActor } from "./request-actor";

describe("clientAddress", () => {
  it("takes the first X-Forwarded-For entry", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" });
    expect(clientAddress(headers)).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
  });

  it("refuses text that is not an address", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "<script>" }))).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });
});

describe("developerActor", () => {
  it("records the developer, address and user agent", () => {
    const headers = new Headers({ "x-real-ip": "198.51.100.2", "user-agent": "Firefox" });
    expect(developerActor({ id: "u1", email: "a@example.com" }, headers)).toEqual({
      type: "developer",
      id: "u1",
      email: "a@example.com",
      ipAddress: "198.51.100.2",
      userAgent: "Firefox",
    });
  });
});
