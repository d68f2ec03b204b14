import type { Logger } from "@/lib/logger";
import { currentRequestId } from "./request-id";

type ErrorSummary = {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  stack?: string;
  cause?: ErrorSummary;
};

const MAX_CAUSE_DEPTH = 3;

/**
 * What of an error is safe to log. Database errors carry the query's parameters (key hashes,
 * password hashes) in their message and in `params` or `detail`, so only the statement,
 * the SQLSTATE code and the constraint name are kept.
 */
export function summariseError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error, message: "non-error thrown" };

  const { code, constraint_name: constraint } = error as {
    code?: unknown;
    constraint_name?: unknown;
  };
  const summary: ErrorSummary = {
    type: error.name,
    message: error.message.split("\nparams:")[0] ?? "",
    // Frames only: the stack's first lines repeat the message, parameters included.
    stack: error.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 5)
      .join("\n"),
  };
  if (typeof code === "string") summary.code = code;
  if (typeof constraint === "string") summary.constraint = constraint;
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    summary.cause = summariseError(error.cause, depth + 1);
  }
  return summary;
}

/**
 * Logs an error nobody planned for, with its cause, and returns the text to show instead:
 * generic, never the error's own message, with the request id support can search for.
 */
export async function reportUnexpected(log: Logger, error: unknown, action: string) {
  const requestId = await currentRequestId();
  log.error({ error: summariseError(error), requestId, action }, "unexpected error");
  return `Something went wrong on our side. Try again; if it keeps happening, quote ${requestId}.`;
}
