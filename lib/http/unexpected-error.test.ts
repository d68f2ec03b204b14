import { describe, expect, it } from "vitest";
import { summariseError } from "./unexpected-error";

describe("summariseError", () => {
  it("keeps a database error's code and constraint but none of its values", () => {
    const database = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      constraint_name: "api_keys_hash_idx",
      detail: "Key (hash)=(9f86d081884c7d65) already exists.",
    });
    const wrapped = Object.assign(
      new Error("Failed query: insert into api_keys values ($1)\nparams: 9f86d081884c7d65"),
      { params: ["9f86d081884c7d65"], cause: database },
    );

    const summary = summariseError(wrapped);

    expect(summary.message).toBe("Failed query: insert into api_keys values ($1)");
    expect(summary.cause).toMatchObject({ code: "23505", constraint: "api_keys_hash_idx" });
    expect(summary.stack).toMatch(/^\s*at /);
    expect(JSON.stringify(summary)).not.toContain("9f86d081884c7d65");
  });

  it("describes things thrown that are not errors without echoing them", () => {
    expect(summariseError("sk_live_oops")).toEqual({ type: "string", message: "non-error thrown" });
  });
});
