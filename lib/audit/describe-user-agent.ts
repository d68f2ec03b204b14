const MAX_RAW_LENGTH = 80;

// Order matters: Edge and Opera also claim Chrome, and Chrome also claims Safari.
const BROWSERS: [name: string, pattern: RegExp][] = [
  ["Edge", /Edg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /OPR\/(\d+)/],
  ["Firefox", /(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /(?:Chrome|CriOS)\/(\d+)/],
  ["Safari", /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
  ["curl", /^curl\/(\d+)/],
];

const SYSTEMS: [name: string, pattern: RegExp][] = [
  ["Android", /Android/],
  ["iOS", /iPhone|iPad|iPod/],
  ["Windows", /Windows/],
  ["macOS", /Mac OS X|Macintosh/],
  ["ChromeOS", /CrOS/],
  ["Linux", /Linux/],
];

/**
 * A short, human name for a user agent ("Chrome 120 on macOS"), for emails and the audit
 * page. Unknown agents are shown raw, cut to a readable length.
 */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const agent = userAgent?.trim();
  if (!agent) return "unknown browser";

  const browser = BROWSERS.find(([, pattern]) => pattern.test(agent));
  if (!browser) return shorten(agent);

  const version = browser[1].exec(agent)?.[1];
  const system = SYSTEMS.find(([, pattern]) => pattern.test(agent))?.[0];
  const name = version ? `${browser[0]} ${version}` : browser[0];
  return system ? `${name} on ${system}` : name;
}

function shorten(agent: string): string {
  return agent.length > MAX_RAW_LENGTH ? `${agent.slice(0, MAX_RAW_LENGTH - 1)}…` : agent;
}
