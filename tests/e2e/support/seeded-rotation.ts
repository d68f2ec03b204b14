/**
 * Rotates a key through the server's own rotation function, against the database and Redis
 * of the app under test, for tests that need a rotation before the dashboard has a button
 * for it. The app's worker then sends the email exactly as after a dashboard rotation.
 */
import { eq } from "drizzle-orm";
import { createConnection } from "@/db/client";
import { user } from "@/db/schema";
import { closeEmailQueue } from "@/lib/email/email-queue";
import { logger } from "@/lib/logger";
import { closeRedis } from "@/lib/redis";
import { rotateKey } from "@/lib/rotation/rotate-key";
import { closeCleanupQueue } from "@/workers/key-rotation-cleanup/cleanup.queue";
import config from "../../../playwright.config";

function adoptServerEnvironment(): string {
  const server = config.webServer;
  const serverEnv = (Array.isArray(server) ? server[0] : server)?.env ?? {};
  for (const name of ["DATABASE_URL", "REDIS_URL", "SESSION_SECRET", "APP_URL"]) {
    process.env[name] = serverEnv[name];
  }
  // The app's own log lines belong to the app's output, not the test report.
  logger.level = "silent";
  return serverEnv.DATABASE_URL as string;
}

export async function rotateThroughServer(args: {
  ownerEmail: string;
  projectId: string;
  keyType: "publishable" | "secret";
  grace: "immediately" | "1h" | "24h" | "7d";
}): Promise<void> {
  const { db, sql } = createConnection(adoptServerEnvironment(), 1);
  try {
    const [owner] = await db.select().from(user).where(eq(user.email, args.ownerEmail));
    if (!owner) throw new Error(`no developer ${args.ownerEmail}`);

    const actor = {
      type: "developer" as const,
      id: owner.id,
      email: owner.email,
      ipAddress: "203.0.113.50",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.0.0 Safari/537.36",
    };
    const { projectId, keyType, grace } = args;
    const result = await rotateKey(db, actor, { projectId, keyType, grace });
    if (!result.ok) throw new Error(`rotation refused: ${result.error.message}`);
  } finally {
    await Promise.all([closeEmailQueue(), closeCleanupQueue()]);
    await closeRedis();
    await sql.end({ timeout: 5 });
  }
}
