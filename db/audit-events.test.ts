import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectTestDb,
  createDeveloper,
  createOwnedProject,
  type DeveloperActor,
} from "@/tests/email/owner-fixtures";
import {
  type AuditEvent,
  insertAuditEvent,
  iterateAuditEvents,
  listAuditEventsPage,
} from "./audit-events";
import type { AuditAction } from "./schema";

const { db, sql } = connectTestDb();

let owner: DeveloperActor;
let stranger: DeveloperActor;
let projectId: string;

// 3 events from createProject, then 120 more: 40 rotations, 40 revocations, 40 expiries.
const EXTRA: AuditAction[] = ["api_key.rotated", "api_key.revoked", "api_key.expired"];
const TOTAL = 3 + 120;

beforeAll(async () => {
  owner = await createDeveloper(db, "audit-owner");
  stranger = await createDeveloper(db, "audit-stranger");
  const created = await createOwnedProject(db, owner);
  projectId = created.project.id;

  for (let i = 0; i < 120; i += 1) {
    await insertAuditEvent(db, {
      projectId,
      action: EXTRA[i % 3] as AuditAction,
      actorType: "system",
      keyType: "secret",
      keyPrefix: "sk_live_",
      keyLastFour: "abcd",
      metadata: { n: i },
    });
  }
});

afterAll(async () => {
  await sql.end({ timeout: 5 });
});

function expectNewestFirst(events: AuditEvent[]) {
  for (let i = 1; i < events.length; i += 1) {
    const [newer, older] = [events[i - 1] as AuditEvent, events[i] as AuditEvent];
    const ordered =
      newer.createdAt > older.createdAt ||
      (newer.createdAt.getTime() === older.createdAt.getTime() && newer.id > older.id);
    expect(ordered, `event ${newer.id} comes before ${older.id}`).toBe(true);
  }
}

describe("the append-only audit trail", () => {
  it.each([
    ["UPDATE", () => sql`update audit_events set action = 'x' where project_id = ${projectId}`],
    ["DELETE", () => sql`delete from audit_events where project_id = ${projectId}`],
    ["TRUNCATE", () => sql`truncate audit_events`],
  ])("refuses %s", async (operation, run) => {
    await expect(run()).rejects.toThrow(`audit_events is append-only: ${operation}`);
    const [{ n }] = (await sql`select count(*)::int as n from audit_events
      where project_id = ${projectId}`) as unknown as [{ n: number }];
    expect(n).toBe(TOTAL);
  });
});

describe("listAuditEventsPage", () => {
  const scope = () => ({ projectId, ownerId: owner.id });

  it("pages the trail 50 at a time, newest first", async () => {
    const first = await listAuditEventsPage(db, scope(), { page: 1 });
    const third = await listAuditEventsPage(db, scope(), { page: 3 });

    expect(first).toMatchObject({ total: TOTAL, page: 1, pageCount: 3 });
    expect(first.events).toHaveLength(50);
    expect(third.events).toHaveLength(TOTAL - 100);
    expectNewestFirst(first.events);
    expect(first.events[0]?.metadata).toEqual({ n: 119 });
    expect(third.events.at(-1)?.action).toBe("project.created");

    const second = await listAuditEventsPage(db, scope(), { page: 2 });
    const ids = [...first.events, ...second.events, ...third.events].map((e) => e.id);
    expect(new Set(ids).size).toBe(TOTAL);
  });

  it("filters by action", async () => {
    const rotated = await listAuditEventsPage(db, scope(), {
      page: 1,
      action: "api_key.rotated",
    });
    expect(rotated.total).toBe(40);
    expect(rotated.events.every((e) => e.action === "api_key.rotated")).toBe(true);

    const created = await listAuditEventsPage(db, scope(), { page: 1, action: "api_key.created" });
    expect(created.total).toBe(2);
  });

  it("returns an empty page past the end", async () => {
    const beyond = await listAuditEventsPage(db, scope(), { page: 9 });
    expect(beyond).toMatchObject({ events: [], total: TOTAL, pageCount: 3 });
  });

  it("shows another developer nothing of a project they do not own", async () => {
    const page = await listAuditEventsPage(db, { projectId, ownerId: stranger.id }, { page: 1 });
    expect(page).toEqual({ events: [], total: 0, page: 1, pageCount: 1 });

    const unknown = await listAuditEventsPage(
      db,
      { projectId: randomUUID(), ownerId: owner.id },
      { page: 1 },
    );
    expect(unknown.total).toBe(0);
  });
});

describe("iterateAuditEvents", () => {
  async function collect(ownerId: string, action?: AuditAction) {
    const events: AuditEvent[] = [];
    for await (const batch of iterateAuditEvents(db, { projectId, ownerId }, { action }, 7)) {
      expect(batch.length).toBeLessThanOrEqual(7);
      events.push(...batch);
    }
    return events;
  }

  it("yields the whole trail once, newest first, across batches", async () => {
    const events = await collect(owner.id);
    expect(events).toHaveLength(TOTAL);
    expect(new Set(events.map((e) => e.id)).size).toBe(TOTAL);
    expectNewestFirst(events);
  });

  it("applies the filter and the owner scope", async () => {
    expect(await collect(owner.id, "api_key.expired")).toHaveLength(40);
    expect(await collect(stranger.id)).toEqual([]);
  });
});
