#!/usr/bin/env bash
# Electronegativity (Doyensec's Electron security linter) over the Electron code, for CI.
#
#   scripts/electronegativity.sh        (after `npm run build`)
#
# Scans, in one run, the TypeScript sources in electron/ (it parses TS; file:line
# point at what to edit) and what ships: out/main, out/preload and out/renderer
# (the bundled main process with shared/ inlined, the CommonJS preload, and the
# renderer's index.html with its CSP meta tag). Electron's version is passed in,
# so checks use Electron 45's defaults instead of assuming 0.1.
#
# Writes to test-results/:
#   electronegativity.csv    every finding: check, severity, confidence, file, line, sample…
#   electronegativity.sarif  the same, as the tool's SARIF 2.1 (for code-scanning UIs)
#   electronegativity.json   the triage: each finding, allowed or not, and the justification
# and exits 0 when every finding is accepted in build/electronegativity-allow.json,
# 1 when there is a new one, 2 when the scan itself failed, including a file the
# tool could not parse (its CLI skips those silently when writing a report, so the
# scan is driven through its runner, which returns parse errors).
#
# The tool is fetched by npx into npm's cache (~10-30 s; it drags in an old
# TypeScript and ESLint), never into package.json's dependency tree. It runs
# offline; its "No connectivity?" warning about Electron release data is harmless.
# ELECTRONEGATIVITY_VERSION overrides the pinned version, ELECTRONEGATIVITY_ALLOWLIST
# the allowlist.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${ELECTRONEGATIVITY_VERSION:-1.10.3}"
allowlist="${ELECTRONEGATIVITY_ALLOWLIST:-$root/build/electronegativity-allow.json}"
results="$root/test-results"
log="$results/electronegativity.log"

fail() { echo "electronegativity: $*" >&2; exit 2; }

for f in out/main/main.js out/preload/preload.cjs out/renderer/index.html; do
  [ -f "$root/$f" ] || fail "$f is missing: run \`npm run build\` first"
done
[ -f "$allowlist" ] || fail "no allowlist at $allowlist"
electron_version="$(node -p "require('$root/node_modules/electron/package.json').version")" \
  || fail "cannot read node_modules/electron/package.json (run npm ci)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scan="$work/scan"
mkdir -p "$scan/out" "$results"
cp -R "$root/electron" "$scan/electron"
cp -R "$root/out/main" "$root/out/preload" "$root/out/renderer" "$scan/out/"
# pdf.js as the renderer bundles it (renderer/features/original: pdf-*.js, and pdfWorker-*.js,
# its worker with our three-line entry) is pdfjs-dist's own code, which calls no Electron API;
# its class private fields are syntax Electronegativity 1.10's checks cannot walk. Left out by
# name, and said so; every other file must parse. The main process's pdf.js is not bundled.
for vendor in "$scan"/out/renderer/assets/pdf-*.js "$scan"/out/renderer/assets/pdfWorker-*.js; do
  [ -e "$vendor" ] || continue
  echo "electronegativity: not scanned (pdf.js, third-party): ${vendor#"$scan"/}" >&2
  rm -f "$vendor"
done
rm -f "$results"/electronegativity.{csv,sarif,json}

cat >"$work/driver.cjs" <<'EOF'
// Runs Electronegativity's runner (the module behind its CLI) and triages the findings.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const { SCAN, ALLOWLIST, RESULTS, ELECTRON_VERSION } = process.env;

function locateRunner() {
  // npx -p puts the package's node_modules/.bin on PATH.
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const runner = path.join(dir, '..', '@doyensec', 'electronegativity', 'dist', 'runner.js');
    if (path.basename(dir) === '.bin' && existsSync(runner)) return runner;
  }
  throw new Error('cannot find @doyensec/electronegativity on PATH (npx -p)');
}

function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const csvField = (v) => `"${String(v).replace(/"/g, '""')}"`;

async function main() {
  const { allow } = JSON.parse(readFileSync(ALLOWLIST, 'utf8'));
  const entries = (allow ?? []).map((entry, index) => {
    if (!entry.check || !Array.isArray(entry.files) || entry.files.length === 0 || typeof entry.justification !== 'string' || entry.justification.trim().length < 20) {
      throw new Error(`allowlist entry ${index} needs check, files[] and a justification`);
    }
    return { ...entry, patterns: entry.files.map(globToRegExp), used: 0 };
  });

  const run = require(locateRunner());
  const { issues, errors } = await run({
    input: SCAN,
    output: path.join(RESULTS, 'electronegativity.sarif'),
    isSarif: true,
    isRelative: true,
    electronVersionOverride: ELECTRON_VERSION,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  }, false);

  const broken = errors.filter((e) => !e.tolerable);
  for (const e of errors) console.error(`${e.tolerable ? 'warning' : 'ERROR'}: cannot fully parse ${path.relative(SCAN, e.file)}: ${e.message}`);
  if (broken.length > 0) {
    console.error(`electronegativity: ${broken.length} file(s) could not be parsed, so they were not checked`);
    return 2;
  }

  const findings = issues.map((i) => ({
    check: i.id,
    severity: i.severity?.name ?? '',
    confidence: i.confidence?.name ?? '',
    file: String(i.file).replaceAll('\\', '/'),
    line: i.location?.line ?? 0,
    column: i.location?.column ?? 0,
    sample: i.sample ?? '',
    description: i.description ?? '',
    manualReview: Boolean(i.manualReview),
    url: `https://github.com/doyensec/electronegativity/wiki/${i.id}`,
  }));
  const triaged = findings.map((f) => {
    const entry = entries.find((e) => e.check === f.check && e.patterns.some((p) => p.test(f.file)) && (e.sample === undefined || f.sample.includes(e.sample)));
    if (entry) entry.used++;
    return { ...f, allowed: Boolean(entry), justification: entry?.justification ?? null };
  });
  const fresh = triaged.filter((f) => !f.allowed);
  const stale = entries.filter((e) => e.used === 0).map(({ patterns, used, ...e }) => e);

  const columns = ['check', 'severity', 'confidence', 'file', 'line', 'column', 'sample', 'description', 'url', 'allowed'];
  writeFileSync(path.join(RESULTS, 'electronegativity.csv'), [columns.join(','), ...triaged.map((f) => columns.map((c) => csvField(f[c])).join(','))].join('\n') + '\n');
  writeFileSync(path.join(RESULTS, 'electronegativity.json'), JSON.stringify({ electronVersion: ELECTRON_VERSION, findings: triaged, newFindings: fresh.length, staleAllowlistEntries: stale }, null, 2) + '\n');

  for (const f of triaged) {
    console.log(`${f.allowed ? 'allowed' : 'NEW    '}  ${f.check.padEnd(28)} ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${`${f.file}:${f.line}`.padEnd(28)} ${f.sample.slice(0, 50)}`);
  }
  for (const e of stale) console.log(`note: allowlist entry ${e.check} (${e.files.join(', ')}) matched nothing; remove it if the code it covered is gone`);
  if (fresh.length > 0) {
    console.error(`\nelectronegativity: ${fresh.length} finding(s) not in build/electronegativity-allow.json: fix them, or add an entry with a justification (and a row in the README table).`);
    for (const f of fresh) console.error(`  ${f.check} ${f.file}:${f.line}: ${f.description} (${f.url})`);
    return 1;
  }
  console.log(`electronegativity: ${triaged.length} finding(s), all reviewed (see README "Electronegativity findings")`);
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`electronegativity: ${err.stack ?? err}`); process.exitCode = 2; },
);
EOF

echo "electronegativity $version: scanning electron/ and out/{main,preload,renderer} as Electron $electron_version"
# Run from the scratch folder so npx never looks at (or touches) the project's package.json.
# The tool's chatter (translations, Electron release lookup) goes to the log.
status=0
(cd "$work" && SCAN="$scan" ALLOWLIST="$allowlist" RESULTS="$results" ELECTRON_VERSION="$electron_version" \
  npx --yes -p "@doyensec/electronegativity@$version" -c "node '$work/driver.cjs'") >"$log" 2>&1 || status=$?
grep -v -e '^npm warn' -e 'Could not retrieve updated translations' -e "fetching Electron's releases" "$log" || true
[ "$status" -le 2 ] || status=2
exit "$status"
