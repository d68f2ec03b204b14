export type JsonTokenKind = "key" | "string" | "number" | "literal" | "plain";
export type JsonToken = { kind: JsonTokenKind; text: string };

// A string (a key when a colon follows), a literal or a number, in pretty-printed JSON.
const TOKEN =
  /("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function kindOf(match: RegExpExecArray): JsonTokenKind {
  if (match[1] !== undefined) return match[2] ? "key" : "string";
  return /^[tfn]/.test(match[0]) ? "literal" : "number";
}

/**
 * A JSON value pretty-printed with two-space indents, cut into tokens so that keys, strings,
 * numbers and literals can be told apart. Joining the tokens' text gives the JSON back.
 */
export function jsonTokens(value: unknown): JsonToken[] {
  const json = JSON.stringify(value, null, 2) ?? "null";
  const tokens: JsonToken[] = [];
  let last = 0;

  for (const match of json.matchAll(TOKEN)) {
    if (match.index > last) tokens.push({ kind: "plain", text: json.slice(last, match.index) });
    if (match[2]) {
      tokens.push({ kind: "key", text: match[1] as string });
      tokens.push({ kind: "plain", text: match[2] });
    } else {
      tokens.push({ kind: kindOf(match as RegExpExecArray), text: match[0] });
    }
    last = match.index + match[0].length;
  }
  if (last < json.length) tokens.push({ kind: "plain", text: json.slice(last) });
  return tokens;
}
