/**
 * The whole test suite, in order: typecheck, lint, Vitest (unit and integration against the
 * real Postgres and Redis), production build, Playwright in Debian's Chromium. Prints one
 * closing line `N passed, N failed` counted from both runners' JSON reports.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const REPORTS = ".reports";
const VITEST_REPORT = path.join(REPORTS, "vitest.json");
const PLAYWRIGHT_REPORT = path.join(REPORTS, "playwright.json");
const bin = (name: string) => path.join("node_modules", ".bin", name);

type Tally = { passed: number; failed: number; skipped: number };

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) console.error(`== ${label} failed (exit ${result.status})`);
  return result.status === 0;
}

function readVitest(): Tally {
  if (!existsSync(VITEST_REPORT)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8"));
  return {
    passed: report.numPassedTests ?? 0,
    failed:
      (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function readPlaywright(): Tally {
  if (!existsSync(PLAYWRIGHT_REPORT)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8"));
  return {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
  };
}

function main(): void {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const only = process.argv[2];

  const checksPassed =
    only === "e2e" ||
    (run("typecheck", bin("tsc"), ["--noEmit"]) && run("lint", bin("biome"), ["check", "."]));

  // The production build comes first: API tests in Vitest and Playwright both serve it.
  const built = run("build", bin("next"), ["build"]);

  let vitest: Tally = { passed: 0, failed: 0, skipped: 0 };
  if (only !== "e2e") {
    run("vitest", bin("vitest"), [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${VITEST_REPORT}`,
    ]);
    vitest = readVitest();
  }

  let playwright: Tally = { passed: 0, failed: 0, skipped: 0 };
  if (only !== "unit") {
    if (built) run("playwright", bin("playwright"), ["test"]);
    playwright = built ? readPlaywright() : { passed: 0, failed: 1, skipped: 0 };
  }

  const passed = vitest.passed + playwright.passed;
  const failed = vitest.failed + playwright.failed + (checksPassed ? 0 : 1);
  const skipped = vitest.skipped + playwright.skipped;
  console.log(
    `\nvitest ${vitest.passed}/${vitest.failed}, ` +
      `playwright ${playwright.passed}/${playwright.failed}`,
  );
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failed === 0 && checksPassed ? 0 : 1);
}

main();
