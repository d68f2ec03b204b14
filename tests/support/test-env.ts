// Defaults for the test run; a caller may override any of them through the environment.
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: "test",
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/rekey_test",
  REDIS_URL: "redis://127.0.0.1:6379/1",
  SESSION_SECRET: "test-session-secret-that-is-long-enough-0123456789",
  EMAIL_TRANSPORT: "local",
  EMAIL_FROM: "Rekey <rekey@localhost>",
  AUTH_RATE_LIMIT_MAX: "10000",
  LOG_LEVEL: "silent",
};

export function applyTestEnv(): void {
  for (const [name, value] of Object.entries(TEST_ENV)) {
    process.env[name] ??= value;
  }
}

/** Tests may drop and flush things: refuse anything that is not on this machine. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against ${host}: only a local database is allowed`);
  }
}
