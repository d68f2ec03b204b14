import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const SECRET = "a-session-secret-that-is-long-enough-42";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("uses local Postgres and Redis and derives APP_URL from PORT", () => {
    const env = parseEnv({ SESSION_SECRET: SECRET, PORT: "4010" });

    expect(env.DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/rekey");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.APP_URL).toBe("http://localhost:4010");
    expect(env.EMAIL_TRANSPORT).toBe("local");
  });

  it("names every missing or bad variable at once", () => {
    const problems = problemsOf({
      PORT: "http",
      DATABASE_URL: "mysql://x/y",
      REDIS_URL: "not a url",
      EMAIL_TRANSPORT: "resend",
    });

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT must be a port number/),
        expect.stringMatching(/^DATABASE_URL /),
        expect.stringMatching(/^REDIS_URL /),
        "SESSION_SECRET is required (32 or more random characters)",
        "RESEND_API_KEY is required when EMAIL_TRANSPORT=resend",
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it("refuses a short session secret and an unknown transport", () => {
    expect(problemsOf({ SESSION_SECRET: "short", EMAIL_TRANSPORT: "smtp" })).toEqual([
      "SESSION_SECRET must be at least 32 characters",
      expect.stringMatching(/^EMAIL_TRANSPORT /),
    ]);
  });

  it("refuses a malformed sender and names the valid log levels", () => {
    const problems = problemsOf({
      SESSION_SECRET: SECRET,
      EMAIL_FROM: "Rekey\r\nBcc: x@evil.example",
      LOG_LEVEL: "verbose",
    });

    expect(problems).toEqual([
      expect.stringMatching(/^EMAIL_FROM must be an address like/),
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    ]);
    expect(parseEnv({ SESSION_SECRET: SECRET, EMAIL_FROM: "ops@rekey.dev" }).EMAIL_FROM).toBe(
      "ops@rekey.dev",
    );
  });

  it("trims a trailing slash from APP_URL so links join cleanly", () => {
    const env = parseEnv({ SESSION_SECRET: SECRET, APP_URL: "https://rekey.example.com/" });
    expect(env.APP_URL).toBe("https://rekey.example.com");
  });
});
