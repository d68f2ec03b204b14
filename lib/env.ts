import { z } from "zod";

const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/rekey";
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

const urlWithProtocol = (protocols: string[]) =>
  z.url().refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
    message: `must start with ${protocols.map((p) => `${p}://`).join(" or ")}`,
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: urlWithProtocol(["postgres", "postgresql"]).default(DEFAULT_DATABASE_URL),
    REDIS_URL: urlWithProtocol(["redis", "rediss"]).default(DEFAULT_REDIS_URL),
    APP_URL: urlWithProtocol(["http", "https"]).optional(),
    SESSION_SECRET: z
      .string({ error: "is required (32 or more random characters)" })
      .min(32, "must be at least 32 characters"),
    EMAIL_TRANSPORT: z.enum(["local", "resend"]).default("local"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: urlWithProtocol(["http", "https"]).optional(),
    EMAIL_FROM: z.string().min(3).default("Rekey <rekey@localhost>"),
    AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.EMAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "is required when EMAIL_TRANSPORT=resend",
      });
    }
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
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const received = source[name];
    const message =
      received === undefined && issue.code === "invalid_type" ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
