import { z } from "zod";

// Something a person can see and type back: the secret key rotation asks for the name.
const VISIBLE = /[^\s\p{Cc}\p{Cf}]/u;
// Line breaks end up in email subjects; direction overrides make a name read as another.
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const projectNameSchema = z
  .string({ error: "Enter a project name." })
  .trim()
  .min(1, "Enter a project name.")
  .max(64, "Use 64 characters or fewer.")
  .refine((name) => VISIBLE.test(name), "Enter a project name.")
  .refine(
    (name) => !UNSAFE.test(name),
    "Use one line of text, without control or text-direction characters.",
  );

export const createProjectSchema = z.object({ name: projectNameSchema });
export type CreateProjectInput = z.infer<typeof createProjectSchema>;
export const CREATE_PROJECT_FIELDS = ["name"] as const;
