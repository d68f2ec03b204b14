import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { env } from "@/lib/env";
import { hashKey } from "@/lib/keys/key-format";
import { logger } from "@/lib/logger";
import { rotateKey } from "@/lib/rotation/rotate-key";
import { internalFailure, type RotateKeyResult } from "@/lib/rotation/rotation-result";
import {
  auditOf,
  closeAppConnections,
  inspectQueue,
  keysOf,
  outboxOf,
  type QueueHandle,
  type TestDeveloper,
  trackTestData,
  verdictAt,
} from "@/lib/rotation/test-fixtures";
import { CLEANUP_QUEUE_NAME, cleanupJobId } from "@/workers/key-rotation-cleanup/cleanup.queue";
import {
  type CommitDroppingProxy,
  startCommitDroppingProxy,
} from "./support/commit-dropping-proxy";

const log = logger.child({ module: "faults" });
const testData = trackTestData();
let holder: postgres.Sql;
let cleanupQueue: QueueHandle;

beforeAll(() => {
  holder = postgres(env().DATABASE_URL, { max: 2, onnotice: () => {} });
  cleanupQueue = inspectQueue(CLEANUP_QUEUE_NAME);
});

afterAll(async () => {
  await testData.remove();
  await Promise.all([holder?.end({ timeout: 5 }), cleanupQueue?.close()]);
  await closeAppConnections();
});

async function ownerWithProject() {
  const created = await testData.ownerWithProject();
  const secretKeyId = (await keysOf(created.project.id)).find((k) => k.type === "secret")?.id;
  return { ...created, secretKeyId: secretKeyId as string };
}

/** What the settings page would receive: the server action maps a throw the same way. */
async function asTheActionShows(rotate: () => Promise<RotateKeyResult>): Promise<RotateKeyResult> {
  try {
    return await rotate();
  } catch (error) {
    return internalFailure(log, error, "rotating a key");
  }
}

/** Everything a rotation writes for a project, to compare before and after. */
async function stateOf(projectId: string) {
  const keys = (await keysOf(projectId)).map((k) => ({
    id: k.id,
    hash: k.hash,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
  }));
  const audit = (await auditOf(projectId)).map((e) => e.action).sort();
  const outbox = (await outboxOf(projectId)).map((m) => m.dedupeKey).sort();
  return { keys, audit, outbox };
}

/** What the settings page would show for a rotation run by a process of its own. */
function rotateInChild(developer: TestDeveloper, input: Record<string, unknown>) {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["tests/faults/support/rotate-in-child.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ROTATE_REQUEST: JSON.stringify({ actor: developer.actor, input }) },
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  return new Promise<RotateKeyResult>((resolve, reject) => {
    child.once("exit", () => {
      const line = output.split("\n").find((l) => l.startsWith("RESULT "));
      if (line) resolve(JSON.parse(line.slice("RESULT ".length)));
      else reject(new Error(`the rotation process printed no result: ${output}`));
    });
  });
}

class Released extends Error {}

/**
 * Runs `rotate` while another transaction holds what `hold` locks, so that the rotation's
 * transaction is open and waiting; then terminates the rotation's backend from outside.
 * Returns the rotation's outcome and the SQL its backend was waiting in.
 */
async function terminateWhileWaiting(
  hold: (tx: postgres.TransactionSql) => Promise<unknown>,
  rotate: () => Promise<RotateKeyResult>,
) {
  let release = () => {};
  let holding: Promise<unknown> = Promise.resolve();
  const holderPid = await new Promise<number>((resolve, reject) => {
    holding = holder
      .begin(async (tx) => {
        await hold(tx);
        const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        resolve(row?.pid as number);
        await new Promise<void>((done) => {
          release = done;
        });
        throw new Released();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Released)) reject(error);
      });
  });

  const shown = rotate();
  try {
    const blocked = await blockedBy(holderPid, 30_000);
    await holder`select pg_terminate_backend(${blocked.pid})`;
    return { result: await shown, waitingIn: blocked.query };
  } finally {
    release();
    await holding;
  }
}

async function blockedBy(holderPid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await holder<{ pid: number; query: string }[]>`
      select pid, query from pg_stat_activity where ${holderPid} = any(pg_blocking_pids(pid))`;
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the rotation never waited for the held lock");
}

async function expectNothingChanged(result: RotateKeyResult, projectId: string, before: unknown) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe("internal_error");
  expect(result.error.message).toMatch(/nothing was changed/);
  expect(await stateOf(projectId)).toEqual(before);
}

/** Nothing is left locked or half-done: the next rotation goes through, one current key each. */
async function expectRotationWorksAgain(developer: TestDeveloper, projectId: string) {
  const result = await rotateKey(getDb(), developer.actor, {
    projectId,
    keyType: "secret",
    grace: "1h",
  });
  expect(result.ok).toBe(true);
  const current = (await keysOf(projectId)).filter((k) => !k.expiresAt && !k.revokedAt);
  expect(current.map((k) => k.type).sort()).toEqual(["publishable", "secret"]);
}

describe("the Postgres connection drops during a rotation", () => {
  it("terminated waiting for the project lock: nothing changed, result says so", async () => {
    const { developer, project, keys } = await ownerWithProject();
    const before = await stateOf(project.id);

    const { result } = await terminateWhileWaiting(
      (tx) => tx`select id from projects where id = ${project.id} for update`,
      () => rotateInChild(developer, { projectId: project.id, keyType: "secret", grace: "24h" }),
    );

    await expectNothingChanged(result, project.id, before);
    expect(await verdictAt(keys.secret, Date.now())).toBe("current");
    await expectRotationWorksAgain(developer, project.id);
  });

  it("terminated after its writes, at its last statement: all of them rolled back", async () => {
    const { developer, project, keys, secretKeyId } = await ownerWithProject();
    const before = await stateOf(project.id);

    // An uncommitted outbox row with the rotation email's dedupe key makes the rotation's
    // own outbox insert, its last statement, wait: the new key and the audit event are in.
    const dedupeKey = `key-rotated:${secretKeyId}`;
    const { result, waitingIn } = await terminateWhileWaiting(
      (tx) => tx`
        insert into email_messages (project_id, recipient, template, data, dedupe_key)
        values (${project.id}, 'x@example.com', 'key-rotated', '{}', ${dedupeKey})`,
      () => rotateInChild(developer, { projectId: project.id, keyType: "secret", grace: "24h" }),
    );

    expect(waitingIn).toMatch(/insert into "email_messages"/);
    await expectNothingChanged(result, project.id, before);
    expect(await verdictAt(keys.secret, Date.now())).toBe("current");
    await expectRotationWorksAgain(developer, project.id);
  });

  describe("behind a proxy that cuts the connection once Postgres has committed", () => {
    let proxy: CommitDroppingProxy;
    let proxied: ReturnType<typeof createConnection>;

    beforeAll(async () => {
      proxy = await startCommitDroppingProxy(Number(new URL(env().DATABASE_URL).port || 5432));
      const url = new URL(env().DATABASE_URL);
      url.port = String(proxy.port);
      proxied = createConnection(url.toString(), 2);
    });

    afterAll(async () => {
      await proxied?.sql.end({ timeout: 5 });
      await proxy?.close();
    });

    it("the rotation happened completely, and the result says so with the new key", async () => {
      const { developer, project, keys, secretKeyId } = await ownerWithProject();
      const input = { projectId: project.id, keyType: "secret", grace: "1h" };

      const dropped = proxy.armForNextCommit();
      const result = await asTheActionShows(() => rotateKey(proxied.db, developer.actor, input));
      await dropped;

      if (!result.ok) throw new Error(`the rotation reported: ${result.error.message}`);
      const [newRow] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, result.newKey.id));
      expect(newRow?.hash).toBe(hashKey(result.key));
      expect(result.oldKey.id).toBe(secretKeyId);
      expect(await verdictAt(result.key, Date.now())).toBe("current");
      expect(await verdictAt(keys.secret, Date.now())).toBe("grace");

      const rotations = (await auditOf(project.id)).filter((e) => e.action === "api_key.rotated");
      expect(rotations.map((e) => e.keyId)).toEqual([secretKeyId]);
      const outbox = (await outboxOf(project.id)).map((m) => m.dedupeKey);
      expect(outbox).toEqual([`key-rotated:${secretKeyId}`]);
      // What follows a commit happened too: the old key's cleanup job is waiting for it.
      expect(await cleanupQueue.queue.getJob(cleanupJobId(secretKeyId))).toBeDefined();
    });
  });
});
