#!/usr/bin/env node
// axe-core in headless Chromium over a built site, in light and dark mode.
//
//   node tests/browser/axe.mjs SITE_DIR [--all] [--page REL]... [--base /path/] [--json FILE]
//
// Checks one page of each kind (lib.mjs PAGE_KINDS), every page with --all, or the pages
// given with --page (paths relative to SITE_DIR). The site is served on 127.0.0.1 at --base
// (default "/", the base_url path root-relative links start with). Prints every violation
// (page, scheme, rule, impact, target, message) and a summary; --json writes them all.
// Exit code: 0 no violations, 1 violations, 2 the check could not run.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { htmlFiles, launch, pickPages, serve } from './lib.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'];
const MAX_TARGETS = 25; // per rule and page, in the printed list (--json has all)

function usage(msg) {
  console.error(`axe.mjs: ${msg}`);
  console.error(
    'usage: node tests/browser/axe.mjs SITE_DIR [--all] [--page REL]... [--base /path/] [--width PX] [--json FILE]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const o = { site: undefined, all: false, pages: [], base: '/', json: undefined, width: 1280 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--all') o.all = true;
    else if (a === '--page') o.pages.push(value());
    else if (a === '--base') o.base = value();
    else if (a === '--json') o.json = value();
    else if (a === '--width') o.width = Number(value());
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (o.site === undefined) o.site = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!o.site) usage('SITE_DIR is required');
  if (!o.base.startsWith('/') || !o.base.endsWith('/')) usage('--base must start and end with /');
  return o;
}

/** What is wrong with one element, on one line: the messages of its failed checks. */
function nodeMessage(node) {
  const msgs = [...node.any, ...node.all, ...node.none].map((c) => c.message).filter(Boolean);
  const text = msgs.length ? [...new Set(msgs)].join('; ') : (node.failureSummary ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every page in one color scheme, one after the other in one tab: per page, its violations
 * ({kind, file, scheme, rule, impact, help, helpUrl, nodes: [{target, message}]}) and the
 * problems that make the result untrustworthy (a file the page asked for is missing or
 * off-site, a script error, a page that did not load).
 */
async function checkScheme(chrome, server, axeSource, pages, colorScheme, width) {
  const page = await chrome.page(server.origin, { colorScheme, width });
  let current; // the result the page's events belong to
  page.on('pageerror', (e) => current.problems.push(`script error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) current.problems.push(`${r.url()} answered ${r.status()}`);
  });
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText;
    // Our own navigation to the next page cancels what a page was still fetching (the
    // search page loads its index): not a fault of the page. Missing files answer 404
    // above, and blocked off-site requests fail with another error.
    if (why === 'net::ERR_ABORTED') return;
    current.problems.push(`${r.url()} failed (${why}; off-site requests are blocked)`);
  });
  const results = [];
  for (const { kind, file } of pages) {
    current = { kind, file, scheme: colorScheme, violations: [], problems: [] };
    results.push(current);
    const response = await page.goto(server.url(file), { waitUntil: 'load' });
    if (!response || !response.ok()) {
      current.problems.push(`HTTP ${response?.status() ?? 'no response'}`);
    }
    await page.evaluate(axeSource);
    const result = await page.evaluate(
      (tags) =>
        window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      TAGS,
    );
    current.violations = result.violations.map((v) => ({
      kind,
      file,
      scheme: colorScheme,
      rule: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), message: nodeMessage(n) })),
    }));
  }
  await page.context().close();
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let pages;
  if (opts.pages.length) pages = opts.pages.map((file) => ({ kind: 'page', file }));
  else if (opts.all) {
    // Redirect pages (old addresses of moved pages) leave as they load; where they lead is
    // checked on its own.
    const moving = (file) => readFileSync(`${opts.site}/${file}`, 'utf8').includes('http-equiv="refresh"');
    pages = htmlFiles(opts.site)
      .filter((file) => !moving(file))
      .map((file) => ({ kind: 'page', file }));
  }
  else {
    const { picked, absent } = pickPages(opts.site);
    pages = picked;
    for (const kind of absent) console.error(`axe: no ${kind} page (optional), not checked`);
  }
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const started = Date.now();
  const server = await serve(opts.site, opts.base);
  const chrome = await launch();
  let perScheme;
  try {
    // The schemes side by side: Chromium renders one page while axe checks the other.
    perScheme = await Promise.all(
      SCHEMES.map((scheme) => checkScheme(chrome, server, axeSource, pages, scheme, opts.width)),
    );
  } finally {
    await chrome.close();
    await server.close();
  }
  // Page by page, light before dark.
  const results = pages.flatMap((_, i) => perScheme.map((r) => r[i]));
  const findings = results.flatMap((r) => r.violations);
  const problems = results.flatMap((r) => r.problems.map((p) => `${r.file} [${r.scheme}]: ${p}`));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  for (const f of findings) {
    console.log(`${f.file} [${f.scheme}] ${f.rule} (${f.impact}): ${f.help} — ${f.nodes.length} element(s)`);
    for (const n of f.nodes.slice(0, MAX_TARGETS)) console.log(`    ${n.target}: ${n.message}`);
    if (f.nodes.length > MAX_TARGETS) console.log(`    … and ${f.nodes.length - MAX_TARGETS} more`);
  }
  for (const p of problems) console.log(`problem: ${p}`);
  const byRule = new Map();
  for (const f of findings) {
    const r = byRule.get(f.rule) ?? { pages: new Set(), nodes: 0 };
    r.pages.add(`${f.file} [${f.scheme}]`);
    r.nodes += f.nodes.length;
    byRule.set(f.rule, r);
  }
  for (const [rule, r] of [...byRule].sort()) {
    console.log(`rule ${rule}: ${r.nodes} element(s) on ${r.pages.size} page×scheme run(s)`);
  }
  const nodes = findings.reduce((s, f) => s + f.nodes.length, 0);
  console.log(
    `axe: ${pages.length} page(s) × ${SCHEMES.length} schemes in ${seconds} s: ` +
      `${findings.length} violation(s), ${nodes} element(s), ${problems.length} problem(s)`,
  );
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({ pages, findings, problems }, null, 2) + '\n');
  }
  process.exit(findings.length || problems.length ? 1 : 0);
}

const watchdog = setTimeout(() => {
  console.error('axe: gave up after 10 minutes');
  process.exit(2);
}, 600_000);
watchdog.unref();

main().catch((e) => {
  console.error(`axe: could not run: ${e.stack ?? e}`);
  process.exit(2);
});
