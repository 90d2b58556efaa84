// search.js cuts and folds text as the index does: every case of
// tests/fixtures/search-folding.txt (which the Rust side is tested against too), and long
// runs of marks, tatweels and apostrophes in linear time. Node.js alone, no browser.
//
//   node tests/browser/folding.mjs
//
// Exits 0 when every case holds, 1 with the failed ones listed.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const here = (rel) => new URL(rel, import.meta.url);
const script = readFileSync(here('../../themes/default/static/search.js'), 'utf8');
// A page without a search form: the script defines its words and stops.
const context = { document: { querySelector: () => null } };
context.window = context;
vm.createContext(context);
vm.runInContext(script, context);
const { terms } = context.dossierSearchWords;

const failures = [];
function expect(ok, what) {
  if (!ok) {
    console.log(`FAIL ${what}`);
    failures.push(what);
  }
}

const unescape = (s) => s.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
const lines = readFileSync(here('../fixtures/search-folding.txt'), 'utf8').split('\n');
let cases = 0;
lines.forEach((line, i) => {
  if (!line.trim() || line.startsWith('#')) return;
  const at = line.indexOf(' →');
  if (at < 0) throw new Error(`search-folding.txt:${i + 1}: no " → "`);
  const text = unescape(line.slice(0, at));
  const want = line.slice(at + 2).split(/\s+/).filter(Boolean);
  const got = Array.from(terms(text));
  cases++;
  expect(
    JSON.stringify(got) === JSON.stringify(want),
    `search-folding.txt:${i + 1}: ${JSON.stringify(text)} gave ${JSON.stringify(got)}, not ${JSON.stringify(want)}`,
  );
});
console.log(`${cases} cases of search-folding.txt`);
expect(cases > 30, `only ${cases} cases read`);

// Hostile names: a quadratic pass would take minutes on these; a linear one, milliseconds.
for (const [what, text, want] of [
  ['10,000 combining marks', 'a' + '\u0301\u0316'.repeat(5000), ['a']],
  ['100,000 tatweels', 'ك' + '\u0640'.repeat(100000) + 'ي', ['كي']],
  ['100,000 apostrophes between Cyrillic letters', 'м’'.repeat(100000) + 'я', ['м'.repeat(100000) + 'я']],
  ['100,000 apostrophes after a Latin letter', 'a' + "'".repeat(100000) + 'b', ['a', 'b']],
]) {
  const start = performance.now();
  const got = Array.from(terms(text));
  const ms = performance.now() - start;
  expect(JSON.stringify(got) === JSON.stringify(want), `${what}: wrong terms`);
  expect(ms < 1000, `${what}: ${ms.toFixed(0)} ms`);
  console.log(`${what}: ${ms.toFixed(1)} ms`);
}
console.log(failures.length ? `${failures.length} failed` : 'ok');
process.exit(failures.length ? 1 : 0);
