import { z } from "zod";

export const projectNameSchema = z
  .string({ error: "Enter a project name." })
  .trim()
  .min(1, "Enter a project name.")
  .max(64, "Use 64 characters or fewer.");

export const createProjectSchema = z.object({ name: projectNameSchema });
export type CreateProjectInput = z.infer<typeof createProjectSchema>;
export const CREATE_PROJECT_FIELDS = ["name"] as const;
