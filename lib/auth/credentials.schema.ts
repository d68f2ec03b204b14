import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

export const AUTH_MESSAGES = {
  invalidEmail: "Enter a valid email address, like you@example.com.",
  passwordMissing: "Enter your password.",
  passwordTooShort: `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`,
  passwordTooLong: `Use at most ${MAX_PASSWORD_LENGTH} characters for your password.`,
  accountExists: "An account with this email already exists. Sign in instead.",
  incorrectCredentials: "Incorrect email or password.",
  tooManyAttempts: "Too many attempts. Wait a minute and try again.",
} as const;

const emailSchema = z
  .string({ error: AUTH_MESSAGES.invalidEmail })
  .trim()
  .toLowerCase()
  .pipe(z.email(AUTH_MESSAGES.invalidEmail));

// A hidden field on both forms: where to go after success. Checked again with safeNextPath.
const nextSchema = z.string().max(2048).optional();

export const signUpSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: AUTH_MESSAGES.passwordTooShort })
    .min(MIN_PASSWORD_LENGTH, AUTH_MESSAGES.passwordTooShort)
    .max(MAX_PASSWORD_LENGTH, AUTH_MESSAGES.passwordTooLong),
  next: nextSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;
export const SIGN_UP_FIELDS = ["email", "password", "next"] as const;

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: AUTH_MESSAGES.passwordMissing })
    .min(1, AUTH_MESSAGES.passwordMissing)
    .max(MAX_PASSWORD_LENGTH, AUTH_MESSAGES.incorrectCredentials),
  next: nextSchema,
});
export type SignInInput = z.infer<typeof signInSchema>;
export const SIGN_IN_FIELDS = ["email", "password", "next"] as const;
