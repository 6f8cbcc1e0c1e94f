// chrono-node's MB/s over the same plain texts as extract_bench, cold and warm, for issue 7's ratio.
//
//   node chrono_bench.mjs CORPUS.jsonl [--warmup N] [--seconds S] [--json]
//
// CORPUS.jsonl is what `extract_bench --dump-corpus FILE` writes: one document a
// line, {"id", "dct": "YYYY-MM-DD" or null, "text"}; reading the same file keeps
// both sides on the very same bytes. One `chrono.parse(text, refDate)` call per
// document with its DCT as reference date (chrono's analogue of our DCT).
// "cold" is the first pass (JIT still compiling); then N warm-up passes, then
// passes until S seconds of this process's CPU time have gone by ("warm").
// CPU time, not wall time: other programs on a shared machine do not count.
import * as chrono from "chrono-node";
import { readFileSync } from "node:fs";

function usage(msg) {
  process.stderr.write(`chrono_bench: ${msg}\nusage: node chrono_bench.mjs CORPUS.jsonl [--warmup N] [--seconds S] [--json]\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
let corpusPath = null;
let warmup = 3;
let seconds = 3;
let jsonOnly = false;
for (let i = 0; i < args.length; ++i) {
  if (args[i] === "--warmup") warmup = Number(args[++i]);
  else if (args[i] === "--seconds") seconds = Number(args[++i]);
  else if (args[i] === "--json") jsonOnly = true;
  else if (!corpusPath) corpusPath = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!corpusPath) usage("give the corpus written by extract_bench --dump-corpus");

const docs = readFileSync(corpusPath, "utf8")
  .split("\n")
  .filter((line) => line.length > 0)
  .map((line) => {
    const d = JSON.parse(line);
    // Noon UTC: a bare "YYYY-MM-DD" would be midnight UTC, the day before west of Greenwich.
    const ref = d.dct ? new Date(`${d.dct}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
    return { text: d.text, ref };
  });
// MB of UTF-8, as the C++ side counts bytes of the same text.
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, "utf8"), 0);

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function pass() {
  let found = 0;
  for (const d of docs) found += chrono.parse(d.text, d.ref).length;
  return found;
}

let t0 = cpuSeconds();
const found = pass();
const coldSeconds = cpuSeconds() - t0;

for (let i = 0; i < warmup; ++i) pass();

let passes = 0;
t0 = cpuSeconds();
let warmSeconds = 0;
do {
  pass();
  ++passes;
  warmSeconds = cpuSeconds() - t0;
} while (warmSeconds < seconds);

const coldMbs = bytes / 1e6 / coldSeconds;
const warmMbs = (bytes * passes) / 1e6 / warmSeconds;
const result = {
  bench: "chrono",
  chrono_version: JSON.parse(readFileSync(new URL("./node_modules/chrono-node/package.json", import.meta.url), "utf8")).version,
  node_version: process.version,
  documents: docs.length,
  mb: +(bytes / 1e6).toFixed(4),
  dates_per_pass: found,
  cold_mb_s: +coldMbs.toFixed(3),
  warm_mb_s: +warmMbs.toFixed(3),
  warm_docs_s: +((docs.length * passes) / warmSeconds).toFixed(1),
  warmup_passes: warmup,
  warm_passes: passes,
};
if (!jsonOnly) {
  console.log(`chrono-node ${result.chrono_version} on node ${result.node_version}`);
  console.log(`corpus        ${docs.length} documents, ${result.mb.toFixed(3)} MB of text, ${found} dates per pass`);
  console.log(`cold          ${coldMbs.toFixed(2)} MB/s (first pass, ${coldSeconds.toFixed(2)} s CPU)`);
  console.log(`warm          ${warmMbs.toFixed(2)} MB/s, ${result.warm_docs_s} docs/s (${passes} passes after ${warmup} warm-up passes, one core)`);
}
console.log(JSON.stringify(result));
