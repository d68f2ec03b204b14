import { z } from "zod";

export const MIN_END_USER_PASSWORD = 8;
export const MAX_END_USER_PASSWORD = 128;

const emailSchema = z
  .email({ error: "Enter a valid email address." })
  .max(254, "Enter a valid email address.")
  .transform((email) => email.toLowerCase());

// Other fields a client sends at sign-up are not stored: end users have a fixed shape.
export const signUpSchema = z.object({
  email: z.string({ error: "email is required." }).trim().pipe(emailSchema),
  password: z
    .string({ error: "password is required." })
    .min(MIN_END_USER_PASSWORD, `Use a password of ${MIN_END_USER_PASSWORD} characters or more.`)
    .max(MAX_END_USER_PASSWORD, `Use a password of ${MAX_END_USER_PASSWORD} characters or fewer.`),
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,50}$/, "username takes 3 to 50 letters, digits, _ . or -.")
    .optional(),
  name: z.string().trim().min(1).max(100, "name takes 100 characters at most.").optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const logInSchema = z.object({
  email: z.string({ error: "email is required." }).trim().pipe(emailSchema),
  password: z.string({ error: "password is required." }).min(1).max(MAX_END_USER_PASSWORD),
});
export type LogInInput = z.infer<typeof logInSchema>;

export const REFRESH_TOKEN_PATTERN = /^rt_[A-Za-z0-9_-]{43}$/;
export const refreshTokenSchema = z.string().regex(REFRESH_TOKEN_PATTERN);

export const bearerTokenSchema = z
  .string()
  .regex(/^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  .transform((header) => header.slice("Bearer ".length));
