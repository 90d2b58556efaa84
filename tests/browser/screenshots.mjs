#!/usr/bin/env node
// Full-page screenshots of a built site, for a human to look at (not a test).
//
//   cargo run --release -- build
//   node tests/browser/screenshots.mjs [SITE_DIR] [OUT_DIR] [--base /path/] [--scheme light|dark|both]
//
// SITE_DIR defaults to output/, OUT_DIR to target/screenshots/ (both from the repository
// root). Writes <kind>-<width>-<scheme>.png for the home page, a briefing, a topic (its
// stance matrix), an actor page (the largest page of each kind) and the network page, at 1280
// and 390 px wide.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, pickPages, serve } from './lib.mjs';

const KINDS = ['home', 'briefing', 'topic', 'actor', 'network'];
const WIDTHS = [1280, 390];

function usage(msg) {
  console.error(`screenshots.mjs: ${msg}`);
  console.error(
    'usage: node tests/browser/screenshots.mjs [SITE_DIR] [OUT_DIR] [--base /path/] [--scheme light|dark|both]',
  );
  process.exit(2);
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const positional = [];
let base = '/';
let schemes = ['light', 'dark'];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--base') base = argv[++i] ?? usage('--base needs a value');
  else if (a === '--scheme') {
    const s = argv[++i];
    if (s === 'both') schemes = ['light', 'dark'];
    else if (s === 'light' || s === 'dark') schemes = [s];
    else usage('--scheme is light, dark or both');
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else positional.push(a);
}
if (positional.length > 2) usage('too many arguments');
const site = resolve(positional[0] ?? join(repo, 'output'));
const out = resolve(positional[1] ?? join(repo, 'target', 'screenshots'));

try {
  const { picked } = pickPages(site);
  const pages = KINDS.map((kind) => picked.find((p) => p.kind === kind));
  mkdirSync(out, { recursive: true });
  const server = await serve(site, base);
  const chrome = await launch();
  try {
    for (const colorScheme of schemes) {
      for (const width of WIDTHS) {
        const tab = await chrome.page(server.origin, { colorScheme, width, height: 800 });
        for (const { kind, file } of pages) {
          await tab.goto(server.url(file), { waitUntil: 'load' });
          const path = join(out, `${kind}-${width}-${colorScheme}.png`);
          await tab.screenshot({ path, fullPage: true });
          console.log(`${path}  (${file})`);
        }
        await tab.context().close();
      }
    }
  } finally {
    await chrome.close();
    await server.close();
  }
} catch (e) {
  console.error(`screenshots: ${e.stack ?? e}`);
  process.exit(2);
}
