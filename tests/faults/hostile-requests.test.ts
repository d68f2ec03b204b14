import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import type { CreatedProject } from "@/lib/projects/create-project";
import { prepareOwnDatabase } from "@/lib/rotation/test-fixtures";
import { sdkClient } from "@/tests/api/support/sdk";
import { seedProject } from "@/tests/api/support/seed";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { type DatabaseDigest, databaseDigest } from "./support/database-digest";
import { buildHostileRequests } from "./support/hostile-requests";
import { encodeRequest, type RawRequest, type RawResponse, sendRaw } from "./support/raw-http";

// The checksums cover whole tables, so the server under test gets a database of its own.
vi.hoisted(() => {
  const database = new URL(process.env.DATABASE_URL ?? "");
  database.pathname = `${database.pathname}_faults_hostile`;
  process.env.DATABASE_URL = database.toString();
});

const PORT = 3151;
const CONCURRENCY = 8;

type Answer = { request: RawRequest; response: RawResponse };

let app: AppServer;
let seeded: CreatedProject;
let documentId: string;

beforeAll(async () => {
  await prepareOwnDatabase();
  seeded = await seedProject(getDb(), { collections: ["posts", "empty"] });
  app = await startAppServer({
    port: PORT,
    env: { DATABASE_URL: process.env.DATABASE_URL as string, LOG_LEVEL: "warn" },
  });
  // Data for the hostile requests to aim at: documents and an end user with a session.
  const client = sdkClient(app.url, seeded.keys.secret);
  documentId = (await client.db.insert<{ _id: string }>("posts", { title: "keep me" }))._id;
  await client.db.insert("posts", { title: "and me", tags: ["a"], price: 3 });
  await sdkClient(app.url, seeded.keys.publishable).auth.signUp({
    email: "end-user@example.com",
    password: "a-long-enough-password",
  });
});

afterAll(async () => {
  await app?.stop();
  await closeDb();
});

async function sendAll(requests: RawRequest[]): Promise<Answer[]> {
  const host = `127.0.0.1:${PORT}`;
  const answers: Answer[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const request = requests[next++] as RawRequest;
      answers.push({ request, response: await sendRaw(PORT, encodeRequest(request, host)) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return answers;
}

function describeAnswer({ request, response }: Answer): string {
  const target = request.target.length > 80 ? `${request.target.slice(0, 80)}…` : request.target;
  return `${request.kind}: ${request.method} ${target} -> ${response.status ?? response.error}`;
}

function statusesByKind(answers: Answer[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const { request, response } of answers) {
    const row = table[request.kind] ?? {};
    table[request.kind] = row;
    const status = String(response.status ?? "none");
    row[status] = (row[status] ?? 0) + 1;
  }
  return table;
}

describe("2,000 malformed and hostile requests to a production server", () => {
  it("get no 5xx, every one an answer, bad keys never accepted, and no data changed", async () => {
    const requests = buildHostileRequests({
      secretKey: seeded.keys.secret,
      publishableKey: seeded.keys.publishable,
      documentId,
    });
    expect(requests).toHaveLength(2000);
    const before: DatabaseDigest = await databaseDigest(getDb());

    const answers = await sendAll(requests);

    const serverErrors = answers.filter((a) => (a.response.status ?? 0) >= 500);
    const unanswered = answers.filter((a) => a.response.status === null);
    const acceptedBadKeys = answers.filter(
      (a) => a.request.kind === "bad key" && (a.response.status ?? 0) < 300,
    );
    expect(serverErrors.map(describeAnswer)).toEqual([]);
    expect(unanswered.map(describeAnswer)).toEqual([]);
    expect(acceptedBadKeys.map(describeAnswer)).toEqual([]);
    expect(answers).toHaveLength(2000);

    // The server is still well after all that.
    const self = await fetch(`${app.url}/api/keys/self`, {
      headers: { "x-api-key": seeded.keys.secret },
    });
    expect(self.status).toBe(200);
    expect(await databaseDigest(getDb())).toEqual(before);
    console.info("hostile requests, statuses by kind:", statusesByKind(answers));
  }, 150_000);
});
