import { z } from "zod";

const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/rekey";
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
  } catch {
    return false;
  }
}

const urlWithProtocol = (protocols: string[]) =>
  z.string().refine((value) => hasProtocol(value, protocols), {
    message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}`,
  });

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ error: "must be a port number between 1 and 65535" })
      .int("must be a port number between 1 and 65535")
      .min(1, "must be a port number between 1 and 65535")
      .max(65535, "must be a port number between 1 and 65535")
      .default(3000),
    DATABASE_URL: urlWithProtocol(["postgres", "postgresql"]).default(DEFAULT_DATABASE_URL),
    REDIS_URL: urlWithProtocol(["redis", "rediss"]).default(DEFAULT_REDIS_URL),
    APP_URL: urlWithProtocol(["http", "https"]).optional(),
    SESSION_SECRET: z
      .string({ error: "is required (32 or more random characters)" })
      .min(32, "must be at least 32 characters"),
    EMAIL_TRANSPORT: z
      .enum(["local", "resend"], { error: "must be local or resend" })
      .default("local"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: urlWithProtocol(["http", "https"]).optional(),
    // "Name <address>" or a bare address; the local part and host are checked loosely so that
    // development hosts such as localhost pass.
    EMAIL_FROM: z
      .string()
      .regex(
        /^(?:[^<>\r\n]+ <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        'must be an address like "Rekey <rekey@example.com>" or "rekey@example.com"',
      )
      .default("Rekey <rekey@localhost>"),
    AUTH_RATE_LIMIT_MAX: z.coerce
      .number({ error: "must be a whole number of 1 or more" })
      .int("must be a whole number of 1 or more")
      .min(1, "must be a whole number of 1 or more")
      .default(10),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
      .default("info"),
  })
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws an EnvError naming every missing or bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map(describeIssue(source));

  // Checked on the raw values so that it is reported together with every other problem.
  if (source.EMAIL_TRANSPORT === "resend" && !source.RESEND_API_KEY) {
    problems.push("RESEND_API_KEY is required when EMAIL_TRANSPORT=resend");
  }
  if (result.success && problems.length === 0) return result.data;
  throw new EnvError(problems);
}

function describeIssue(source: Record<string, string | undefined>) {
  return (issue: z.core.$ZodIssue): string => {
    const name = issue.path.join(".") || "environment";
    // Schemas word their own messages ("must be …"); zod's defaults read badly after a name.
    const worded = /^(is|must) /.test(issue.message);
    const fallback = source[name] === undefined ? "is required" : "has an invalid value";
    return `${name} ${worded ? issue.message : fallback}`;
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
