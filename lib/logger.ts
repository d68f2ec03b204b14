import pino from "pino";

// Paths that could ever hold a secret are censored even if a caller logs them by mistake.
const REDACTED_PATHS = [
  "key",
  "*.key",
  "apiKey",
  "*.apiKey",
  "hash",
  "*.hash",
  "password",
  "*.password",
  "token",
  "*.token",
  "refreshToken",
  "*.refreshToken",
  "accessToken",
  "*.accessToken",
  "headers.cookie",
  "headers.authorization",
  'headers["x-api-key"]',
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.REKEY_SERVICE ?? "web" },
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
