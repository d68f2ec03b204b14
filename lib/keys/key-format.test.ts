import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateKey,
  hashesEqual,
  hashKey,
  maskKey,
  parseKey,
  storedKeyColumns,
} from "./key-format";

describe("generateKey", () => {
  it("produces keys with the type prefix, 43 random digits and a 6-digit checksum", () => {
    const secret = generateKey("secret");
    const publishable = generateKey("publishable");

    expect(secret).toMatch(/^sk_live_[0-9A-Za-z]{49}$/);
    expect(publishable).toMatch(/^pk_live_[0-9A-Za-z]{49}$/);
    expect(parseKey(secret)).toEqual({
      type: "secret",
      prefix: "sk_live_",
      lastFour: secret.slice(-4),
    });
  });

  it("never repeats", () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateKey("secret")));
    expect(keys.size).toBe(2000);
  });
});

describe("parseKey", () => {
  it("rejects a key whose random part was changed by one character", () => {
    const key = generateKey("publishable");
    const index = 12;
    const swapped = key[index] === "a" ? "b" : "a";
    const tampered = key.slice(0, index) + swapped + key.slice(index + 1);

    expect(parseKey(tampered)).toBeNull();
  });

  it("rejects a key whose checksum was changed", () => {
    const key = generateKey("secret");
    const last = key.at(-1) === "0" ? "1" : "0";
    expect(parseKey(key.slice(0, -1) + last)).toBeNull();
  });

  it("rejects a key moved to the other prefix, whitespace, and non-strings", () => {
    const key = generateKey("secret");
    expect(parseKey(key.replace("sk_live_", "pk_test_"))).toBeNull();
    expect(parseKey(` ${key}`)).toBeNull();
    expect(parseKey(`${key}\n`)).toBeNull();
    expect(parseKey(undefined)).toBeNull();
    expect(parseKey(42)).toBeNull();
  });

  it("accepts no arbitrary string (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (candidate) => {
        expect(parseKey(candidate)).toBeNull();
      }),
      { numRuns: 20_000 },
    );
  });

  it("accepts no well-shaped string with a random checksum unless the checksum is right", () => {
    const alphabet = fc.constantFrom(
      ..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".split(""),
    );
    const body = fc.string({ unit: alphabet, minLength: 49, maxLength: 49 });
    let accepted = 0;

    fc.assert(
      fc.property(fc.constantFrom("pk_live_", "sk_live_"), body, (prefix, digits) => {
        if (parseKey(prefix + digits)) accepted += 1;
      }),
      { numRuns: 20_000 },
    );

    // A 6-digit base62 checksum lets through about one in 56 billion random strings.
    expect(accepted).toBe(0);
  });
});

describe("hashing and masking", () => {
  it("hashes deterministically and differently per key", () => {
    const key = generateKey("secret");
    expect(hashKey(key)).toBe(hashKey(key));
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(generateKey("secret"))).not.toBe(hashKey(key));
  });

  it("compares hashes in constant time and refuses different lengths", () => {
    const hash = hashKey(generateKey("secret"));
    expect(hashesEqual(hash, hash)).toBe(true);
    expect(hashesEqual(hash, hashKey("other"))).toBe(false);
    expect(hashesEqual(hash, hash.slice(0, 10))).toBe(false);
  });

  it("masks as prefix and last four", () => {
    expect(maskKey("sk_live_", "abcd")).toBe("sk_live_…abcd");
  });
});

describe("storedKeyColumns", () => {
  it("keeps a publishable key's value but only the hash and display parts of a secret key", () => {
    const publishable = generateKey("publishable");
    const secret = generateKey("secret");

    expect(storedKeyColumns(publishable)).toMatchObject({
      type: "publishable",
      hash: hashKey(publishable),
      publicValue: publishable,
    });
    const stored = storedKeyColumns(secret);
    expect(stored).toEqual({
      type: "secret",
      hash: hashKey(secret),
      prefix: "sk_live_",
      lastFour: secret.slice(-4),
      publicValue: null,
    });
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it("refuses a malformed key", () => {
    expect(() => storedKeyColumns("sk_live_nope")).toThrow();
  });
});
