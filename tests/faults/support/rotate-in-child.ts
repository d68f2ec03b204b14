/**
 * One rotation in a process of its own, as the settings action runs it: `rotateKey`, with a
 * throw turned into the action's internal_error. Reads `{ actor, input }` as JSON from
 * ROTATE_REQUEST and prints `RESULT <json>`.
 *
 * postgres.js 3.4.9 throws an uncaught TypeError from a timer when a connection dies with a
 * query in flight (its rollback is written to the closed socket). `next start` logs uncaught
 * exceptions and goes on serving; so does this process, so that the test sees what the
 * settings page would, and the test runner's own process is not the one hit.
 */
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { rotateKey } from "@/lib/rotation/rotate-key";
import { internalFailure, type RotateKeyResult } from "@/lib/rotation/rotation-result";

const log = logger.child({ module: "faults" });

process.on("uncaughtException", (error) => {
  log.error({ err: error }, "uncaught exception");
});

async function main(): Promise<void> {
  const { actor, input } = JSON.parse(process.env.ROTATE_REQUEST ?? "{}");
  let result: RotateKeyResult;
  try {
    result = await rotateKey(getDb(), actor, input);
  } catch (error) {
    result = internalFailure(log, error, "rotating a key");
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

void main();
