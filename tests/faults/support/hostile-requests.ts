/**
 * 2,000 malformed or hostile requests to the public API, the same ones on every run (fixed
 * fast-check seed). Each is wrong in a way that must change nothing: a request that carries
 * the real secret key has a body, method or path the API must refuse, and every request
 * with a wrong key aims at something that would change data if the key were accepted.
 */
import fc from "fast-check";
import type { RawRequest } from "./raw-http";

export type Target = { secretKey: string; publishableKey: string; documentId: string };

const SEED = 20_240_607;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const jsonHeaders = (key: string): RawRequest["headers"] => [
  ["x-api-key", key],
  ["content-type", "application/json"],
];

/** Writes the key, if it were accepted, would make: a new document, or one fewer. */
function writesWith(target: Target, key: string | Buffer, kind: string): RawRequest[] {
  const headers: RawRequest["headers"] = [
    ["x-api-key", key],
    ["content-type", "application/json"],
  ];
  return [
    { kind, method: "GET", target: "/api/keys/self", headers },
    { kind, method: "POST", target: "/api/data/posts", headers, body: json({ title: "no" }) },
    { kind, method: "DELETE", target: `/api/data/posts/${target.documentId}`, headers },
    {
      kind,
      method: "PATCH",
      target: `/api/data/posts/${target.documentId}`,
      headers,
      body: json({ title: "no" }),
    },
  ];
}

// Ways to spoil a real key; each yields something that is not the key.
const MUTATIONS: Array<(key: string, at: number, char: string) => string | Buffer> = [
  (key, at, char) => replaceAt(key, 8 + (at % 49), char === key[8 + (at % 49)] ? "Z" : char),
  (key, at) => key.slice(0, 8 + (at % 49)) + key.slice(9 + (at % 49)),
  (key, at, char) => key.slice(0, 8 + (at % 50)) + char + key.slice(8 + (at % 50)),
  (key) => (key.startsWith("sk") ? `pk${key.slice(2)}` : `sk${key.slice(2)}`),
  (key) => key.toUpperCase(),
  (key, at) => key.slice(0, 1 + (at % (key.length - 1))),
  (key) => `${key}${key}`,
  (key) => `${key}, ${key}`,
  (key, at) => Buffer.from(`${key.slice(0, 10 + (at % 40))}\u200b${key.slice(10 + (at % 40))}`),
  (key, at) => Buffer.from(replaceAt(key, 8 + (at % 49), "\u0430")),
  (key, at) => Buffer.from(replaceAt(key, 8 + (at % 49), "\uff10")),
  (key, at) => `${key.slice(0, 12 + (at % 30))} ${key.slice(12 + (at % 30))}`,
  (key, at) => `${key.slice(0, 12 + (at % 30))}\t${key.slice(12 + (at % 30))}`,
  (key) => `${key}\r\nx-api-key: ${key}`,
  (key) => `${key.slice(0, 30)}\n${key.slice(30)}`,
  (key) => `${key.slice(0, 20)}\r\n ${key.slice(20)}`,
  (key) => Buffer.from(`${key}\u0000`),
  (key) => `sk_test_${key.slice(8)}`,
  (key) => `Bearer ${key}`,
  (key) => key.replace("_live_", "-live-"),
];

function replaceAt(text: string, at: number, char: string): string {
  return text.slice(0, at) + char + text.slice(at + 1);
}

const badKey = (target: Target): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: "binary", maxLength: 60 }).map((s) => Buffer.from(s)),
    fc
      .tuple(
        fc.constantFrom("sk_live_", "pk_live_", "sk_test_", "SK_LIVE_", "sk_live", "", "sk__"),
        fc.stringMatching(/^[0-9A-Za-z]{0,64}$/),
      )
      .map(([prefix, rest]) => prefix + rest),
    fc
      .tuple(
        fc.constantFrom(target.secretKey, target.publishableKey),
        fc.nat(),
        fc.constantFrom(...BASE62),
        fc.nat({ max: MUTATIONS.length - 1 }),
      )
      .map(([key, at, char, which]) =>
        (MUTATIONS[which] as (typeof MUTATIONS)[number])(key, at, char),
      ),
    fc.constantFrom("", " ", "null", "undefined", "[object Object]", "%00", "sk_live_".repeat(16)),
  );

function badKeys(target: Target, count: number): RawRequest[] {
  const keys = fc.sample(badKey(target), { seed: SEED, numRuns: Math.ceil(count / 4) });
  return keys.flatMap((key) => writesWith(target, key, "bad key")).slice(0, count);
}

function keysInUrl(target: Target, count: number): RawRequest[] {
  const names = ["key", "apiKey", "api_key", "x-api-key"];
  return Array.from({ length: count }, (_, i) => {
    const key = i % 2 === 0 ? target.secretKey : target.publishableKey;
    const query = `${names[i % names.length]}=${encodeURIComponent(key)}`;
    return {
      kind: "key in url",
      method: i % 3 === 0 ? "POST" : "GET",
      target: `/api/data/posts?${query}`,
      headers: jsonHeaders(key),
      body: i % 3 === 0 ? json({ title: "no" }) : undefined,
    };
  });
}

/** Bodies that are not one JSON object: broken JSON, other JSON values, bad bytes. */
const badBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .jsonValue()
    .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
    .map(json),
  fc.json().map((text) => Buffer.from(text.slice(0, Math.max(1, Math.floor(text.length / 2))))),
  fc
    .constantFrom(
      '{"title": "x",}',
      "{'title': 'x'}",
      '{"title": NaN}',
      '{"title": undefined}',
      '{"title": "x" /* comment */}',
      '{"title": 0x10}',
      '{"a":1}{"b":2}',
      "\uFEFF[1]",
      "",
      "   \n\t ",
      "{",
      "}",
      '{"title":"x"',
      '{"__proto__": {"admin": true}',
    )
    .map((text) => Buffer.from(text)),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) => Buffer.from([0xff, 0xfe, ...bytes])),
  fc
    .string({ unit: "binary", maxLength: 200 })
    .filter(notAnObject)
    .map((s) => Buffer.from(s)),
);

function notAnObject(text: string): boolean {
  try {
    const value = JSON.parse(text);
    return typeof value !== "object" || value === null || Array.isArray(value);
  } catch {
    return true;
  }
}

function badJson(target: Target, count: number): RawRequest[] {
  const bodies = fc.sample(badBody, { seed: SEED + 1, numRuns: count });
  const routes: Array<[string, string]> = [
    ["POST", "/api/data/posts"],
    ["PUT", `/api/data/posts/${target.documentId}`],
    ["PATCH", `/api/data/posts/${target.documentId}`],
    ["POST", "/api/userAuth/signup"],
    ["POST", "/api/userAuth/login"],
  ];
  return bodies.map((body, i) => {
    const [method, path] = routes[i % routes.length] as [string, string];
    return { kind: "bad json", method, target: path, headers: jsonHeaders(target.secretKey), body };
  });
}

function nested(depth: number, shape: number): string {
  const open = shape === 0 ? '{"a":' : shape === 1 ? "[" : '{"a":[';
  const close = shape === 0 ? "}" : shape === 1 ? "]" : "]}";
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

function deepJson(target: Target, count: number): RawRequest[] {
  const depths = fc.sample(fc.integer({ min: 105, max: 150_000 }), {
    seed: SEED + 2,
    numRuns: count,
  });
  return depths.map((depth, i) => {
    const inner = nested(depth, i % 3);
    // An object at the top, so that only its depth is wrong.
    const body = Buffer.from(i % 2 === 0 ? `{"title":"deep","data":${inner}}` : `{"a":${inner}}`);
    const routes = [
      "/api/data/posts",
      `/api/data/posts/${target.documentId}`,
      "/api/userAuth/signup",
    ];
    const path = routes[i % routes.length] as string;
    const method = path.includes(target.documentId) ? (i % 2 ? "PUT" : "PATCH") : "POST";
    return {
      kind: "deep json",
      method,
      target: path,
      headers: jsonHeaders(target.secretKey),
      body,
    };
  });
}

export function buildHostileRequests(target: Target): RawRequest[] {
  return [
    ...badKeys(target, 400),
    ...keysInUrl(target, 50),
    ...badJson(target, 300),
    ...deepJson(target, 100),
    ...unicodeAbuse(target, 250),
    ...wrongMethods(target, 200),
    ...pathTraversal(target, 250),
    ...oversized(target, 18),
    ...hugeHeaders(target, 42),
    ...queryAbuse(target, 200),
    ...endUserAbuse(target, 190),
  ];
}

// Unicode the API must refuse: lone surrogates and NUL in documents, in ids and names.
const refusedUnicode = fc.constantFrom(
  "\\ud800",
  "\\udfff",
  "x\\ud83d",
  "\\udc00\\ud800",
  "\\u0000",
  "a\\u0000b",
);
const anyUnicode = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 });

function unicodeAbuse(target: Target, count: number): RawRequest[] {
  const samples = fc.sample(fc.tuple(refusedUnicode, anyUnicode), {
    seed: SEED + 3,
    numRuns: count,
  });
  const headers = jsonHeaders(target.secretKey);
  return samples.map(([escaped, text], i) => {
    const kind = "unicode";
    switch (i % 5) {
      case 0:
        return {
          kind,
          method: "POST",
          target: "/api/data/posts",
          headers,
          body: Buffer.from(`{"title":"${escaped}"}`),
        };
      case 1:
        return {
          kind,
          method: "PATCH",
          target: `/api/data/posts/${target.documentId}`,
          headers,
          body: Buffer.from(`{"${escaped}":1}`),
        };
      case 2:
        return {
          kind,
          method: "POST",
          target: "/api/data/posts",
          headers,
          body: json({ _id: `id ${text}`, title: text }),
        };
      case 3:
        return {
          kind,
          method: "POST",
          target: `/api/data/${encodeURIComponent(`p${text}`)}`,
          headers,
          body: json({ title: text }),
        };
      default:
        return {
          kind,
          method: "PUT",
          target: `/api/data/posts/${encodeURIComponent(`${text}\u202e`)}`,
          headers,
          body: json({ title: text }),
        };
    }
  });
}

// TRACE is left out: Next.js's proxy adapter builds a WHATWG Request, which refuses it, and
// Next answers 500 before any of Rekey's code runs (docs/operations.md: block it in front).
function wrongMethods(target: Target, count: number): RawRequest[] {
  const cases: Array<[string, string]> = [
    ["PUT", "/api/data/posts"],
    ["PATCH", "/api/data/posts"],
    ["DELETE", "/api/data/posts"],
    ["POST", `/api/data/posts/${target.documentId}`],
    ["GET", "/api/userAuth/signup"],
    ["DELETE", "/api/userAuth/login"],
    ["PUT", "/api/keys/self"],
    ["DELETE", "/api/keys/self"],
    ["POST", "/api/health"],
    ["MKCOL", "/api/data/posts"],
    ["PROPFIND", "/api/data/posts"],
    ["FOO", `/api/data/posts/${target.documentId}`],
    ["get", "/api/data/posts"],
    ["PURGE", "/api/keys/self"],
    ["LINK", `/api/data/posts/${target.documentId}`],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [method, path] = cases[i % cases.length] as [string, string];
    const body = i % 2 === 0 ? json({ title: "no" }) : undefined;
    return {
      kind: "wrong method",
      method,
      target: path,
      headers: jsonHeaders(target.secretKey),
      body,
    };
  });
}

// Dot segments a URL parser resolves lead out of the data routes (GET only); encoded ones
// stay part of the collection name, which must then be refused, whatever the method.
const TRAVERSALS_GET = [
  "/api/data/../../../etc/passwd",
  "/api/data/posts/../../../../etc/passwd",
  "/api/data/..",
  "/api/data/./../keys/self/..",
  "/api/data/posts/..\\..\\..\\etc\\passwd",
];
const TRAVERSALS_ANY = [
  "/api/data/..%2f..%2f..%2fetc%2fpasswd",
  "/api/data/%2e%2e%2f%2e%2e%2fapi%2fkeys%2fself",
  "/api/data/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
  "/api/data/posts%2f..%2fempty",
  "/api/data/posts%00",
  "/api/data/posts%00.json",
  "/api/data/..%5c..%5cwindows",
  "/api/data/%252e%252e%252f",
  "/api/data/%c0%ae%c0%ae%c0%af",
  "/api/data/posts;drop%20table%20documents",
  "/api/data/posts'%20OR%20'1'='1",
  "/api/data/posts/..%2f..%2fempty",
  "/api/data/.env",
  "/api/data/__proto__",
  "/api/data/constructor",
  `/api/data/${"a".repeat(5000)}`,
];

function pathTraversal(target: Target, count: number): RawRequest[] {
  const methods = ["POST", "PUT", "DELETE", "PATCH", "GET"];
  return Array.from({ length: count }, (_, i) => {
    const useGet = i % 4 === 0;
    const list = useGet ? TRAVERSALS_GET : TRAVERSALS_ANY;
    const path = list[Math.floor(i / 4) % list.length] as string;
    const method = useGet ? "GET" : (methods[i % methods.length] as string);
    const body = method === "GET" || method === "DELETE" ? undefined : json({ title: "traversal" });
    return {
      kind: "path traversal",
      method,
      target: path,
      headers: jsonHeaders(target.secretKey),
      body,
    };
  });
}

// A body declared larger than it is sent is left out: the server waits for the rest until
// Node's request timeout, as any HTTP server would (docs/operations.md: body timeouts).
function oversized(target: Target, count: number): RawRequest[] {
  const big = json({ title: "x".repeat(1_100_000) });
  const headers = jsonHeaders(target.secretKey);
  const kind = "oversized body";
  const variants: RawRequest[] = [
    { kind, method: "POST", target: "/api/data/posts", headers, body: big },
    { kind, method: "PUT", target: `/api/data/posts/${target.documentId}`, headers, body: big },
    {
      kind,
      method: "POST",
      target: "/api/data/posts",
      headers: [...headers, ["transfer-encoding", "chunked"]],
      body: chunked(big),
      framing: "none",
    },
    {
      kind,
      method: "POST",
      target: "/api/data/posts",
      headers: [...headers, ["content-length", "10"]],
      body: json({ title: "a body longer than it says" }),
      framing: "none",
    },
    {
      kind,
      method: "POST",
      target: "/api/data/posts",
      headers,
      body: Buffer.alloc(2_000_000, 120),
    },
    { kind, method: "POST", target: "/api/userAuth/signup", headers, body: big },
  ];
  return Array.from({ length: count }, (_, i) => variants[i % variants.length] as RawRequest);
}

function chunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += 65_536) {
    const piece = body.subarray(at, at + 65_536);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n"));
  }
  return Buffer.concat([...parts, Buffer.from("0\r\n\r\n")]);
}

function hugeHeaders(target: Target, count: number): RawRequest[] {
  const kind = "huge headers";
  const many: RawRequest["headers"] = Array.from({ length: 400 }, (_, i) => [
    `x-h${i}`,
    "v".repeat(100),
  ]);
  const variants: RawRequest[] = [
    {
      kind,
      method: "POST",
      target: "/api/data/posts",
      headers: [...jsonHeaders(target.secretKey), ["x-pad", "p".repeat(40_000)]],
      body: json({ title: "no" }),
    },
    {
      kind,
      method: "GET",
      target: "/api/keys/self",
      headers: [["x-api-key", `sk_live_${"a".repeat(20_000)}`]],
    },
    {
      kind,
      method: "POST",
      target: "/api/data/posts",
      headers: [...jsonHeaders(target.secretKey), ...many],
      body: json({ title: "no" }),
    },
    {
      kind,
      method: "GET",
      target: "/api/data/posts",
      headers: [
        ["x-api-key", target.secretKey],
        ["cookie", "c=".repeat(30_000)],
      ],
    },
    {
      kind,
      method: "POST",
      target: "/api/data/posts",
      headers: [
        ["x-api-key", "k".repeat(8_000)],
        ["content-type", "application/json"],
      ],
      body: json({ title: "no" }),
    },
  ];
  return Array.from({ length: count }, (_, i) => variants[i % variants.length] as RawRequest);
}

const queryPart = fc.oneof(
  fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 })),
  fc.tuple(
    fc.constantFrom(
      "sort",
      "limit",
      "page",
      "count",
      "fields",
      "populate",
      "_id",
      "title_gt",
      "__proto__",
      "constructor.prototype",
      "a.b.c.d.e.f.g",
      "price_lte",
      "createdAt_gt",
    ),
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        "-1",
        "1e99",
        "0",
        "NaN",
        "999999999",
        "true",
        "title:desc,-price",
        "x".repeat(1500),
        "'; drop table documents; --",
      ),
    ),
  ),
);

function queryAbuse(target: Target, count: number): RawRequest[] {
  const queries = fc.sample(fc.array(queryPart, { minLength: 1, maxLength: 30 }), {
    seed: SEED + 4,
    numRuns: count,
  });
  return queries.map((pairs, i) => {
    const query = pairs
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join("&");
    const key = i % 2 === 0 ? target.publishableKey : target.secretKey;
    return {
      kind: "query",
      method: "GET",
      target: `/api/data/posts?${query}`,
      headers: [["x-api-key", key]],
    };
  });
}

const badSignUp = fc.oneof(
  fc.record({
    email: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())),
    password: fc.string(),
  }),
  fc.record({ email: fc.emailAddress(), password: fc.string({ maxLength: 7 }) }),
  fc.record({
    email: fc.string({ maxLength: 30 }).filter((s) => !s.includes("@")),
    password: fc.constant("long-enough-password"),
  }),
  fc.record({ email: fc.emailAddress(), password: fc.constant("p".repeat(129)) }),
  fc.record({
    email: fc.emailAddress(),
    password: fc.constant("long-enough-password"),
    username: fc.constantFrom("a", "x".repeat(51), "ad min", "\u0430dmin", "../root"),
  }),
  fc.record({ password: fc.constant("long-enough-password") }),
  fc.record({
    email: fc.constant(`${"a".repeat(250)}@example.com`),
    password: fc.constant("long-enough-password"),
  }),
);

function endUserAbuse(target: Target, count: number): RawRequest[] {
  const bodies = fc.sample(badSignUp, { seed: SEED + 5, numRuns: count });
  const headers = jsonHeaders(target.publishableKey);
  return bodies.map((body, i) => {
    const kind = "end-user auth";
    switch (i % 5) {
      case 0:
      case 1:
        return { kind, method: "POST", target: "/api/userAuth/signup", headers, body: json(body) };
      case 2:
        return {
          kind,
          method: "POST",
          target: "/api/userAuth/refresh-token",
          headers,
          body: json({ refreshToken: `rt_${"A".repeat(i % 60)}` }),
        };
      case 3:
        return {
          kind,
          method: "GET",
          target: "/api/userAuth/me",
          headers: [
            ...headers,
            [
              "authorization",
              i % 2
                ? "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."
                : `Bearer ${"x".repeat(i * 10)}.y.z`,
            ],
          ],
        };
      default:
        return {
          kind,
          method: "POST",
          target: "/api/userAuth/logout",
          headers: [...headers, ["authorization", "Bearer a.b.c"]],
          body: json({ refreshToken: "rt_nope" }),
        };
    }
  });
}
