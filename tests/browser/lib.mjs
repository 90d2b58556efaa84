// Shared by axe.mjs and screenshots.mjs: which pages to look at, a loopback HTTP server for
// a built site, and Debian's Chromium started through playwright-core (never a downloaded
// browser).

import { existsSync, readdirSync, statSync, createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve, sep, extname } from 'node:path';
import { chromium } from 'playwright-core';

// One page of each kind. `path` names a page; `match` picks, among the pages it matches,
// the largest file (the most content, so the most markup to check; ties go to the first
// path). A missing page fails the run unless the kind is `optional`.
// To check a new kind of page, add a line here.
export const PAGE_KINDS = [
  { kind: 'home', path: 'index.html' },
  { kind: 'briefings index', path: 'briefings/index.html' },
  { kind: 'briefing', match: /^briefings\/[^/]+\/index\.html$/ },
  { kind: 'actor', match: /^actors\/[^/]+\/index\.html$/ },
  { kind: 'actors index', path: 'actors/index.html' },
  { kind: 'place', match: /^places\/[^/]+\/index\.html$/ },
  { kind: 'places index', path: 'places/index.html' },
  { kind: 'topic', match: /^topics\/[^/]+\/index\.html$/ },
  { kind: 'topics index', path: 'topics/index.html' },
  { kind: 'tag', match: /^tags\/[^/]+\/index\.html$/ },
  { kind: 'tags index', path: 'tags/index.html' },
  { kind: 'timeline', path: 'timeline/index.html' },
  { kind: '404', path: '404.html' },
  { kind: 'search', path: 'search/index.html' },
  { kind: 'network', path: 'network/index.html' },
  { kind: 'alignment', path: 'alignment/index.html' },
  { kind: 'alignment snapshot', match: /^alignment\/\d{4}-\d{2}\/index\.html$/ },
  { kind: 'comparison', match: /^compare\/[^/]+\/[^/]+\/index\.html$/ },
  { kind: 'track record', path: 'track-record/index.html' },
  // The sample's resolved question: its resolution and how the judgments on it fared.
  { kind: 'resolved topic', path: 'topics/signing-deadline/index.html' },
];

// Chromium flags that work on these machines as root, with a closed network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Every `.html` file under `dir`, as sorted `/`-separated relative paths. */
export function htmlFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else if (entry.name.endsWith('.html')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * One page per kind of PAGE_KINDS: [{kind, file}], plus the names of optional kinds not
 * found. Throws when a required kind has no page.
 */
export function pickPages(dir) {
  const files = htmlFiles(dir);
  const picked = [];
  const absent = [];
  for (const k of PAGE_KINDS) {
    let file;
    if (k.path) {
      file = files.includes(k.path) ? k.path : undefined;
    } else {
      let best = -1;
      for (const f of files.filter((f) => k.match.test(f))) {
        const size = statSync(join(dir, f)).size;
        if (size > best) [best, file] = [size, f];
      }
    }
    if (file) picked.push({ kind: k.kind, file });
    else if (k.optional) absent.push(k.kind);
    else throw new Error(`no page of kind "${k.kind}" in ${dir} (${k.path ?? k.match})`);
  }
  return { picked, absent };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
};

/**
 * Serves `dir` at http://127.0.0.1:<port><base> (base like "/" or "/desk/"), as a static
 * host would: `x/` serves `x/index.html`; anything else is answered 404.
 */
export async function serve(dir, base = '/') {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      path = '\0';
    }
    let file;
    if (path.startsWith(base)) {
      file = resolve(root, '.' + sep + path.slice(base.length));
      if (file !== root && !file.startsWith(root + sep)) file = undefined;
      else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** The URL of a file given by its path relative to the site folder. */
    url: (rel) => origin + base + rel.split('/').map(encodeURIComponent).join('/'),
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** The Chromium to drive: $CHROMIUM, else Debian's. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'no Chromium: install the Debian package `chromium` (apt-get install -y chromium) ' +
        'or set CHROMIUM to its path',
    );
  }
  return found;
}

/**
 * Starts headless Chromium. playwright gives it a fresh, empty profile (--user-data-dir in a
 * temp folder) and removes it on close.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  return {
    browser,
    /** A page in a fresh context with the given options, offline except for `origin`. */
    async page(origin, { colorScheme = 'light', width = 1280, height = 800 } = {}) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height } });
      await context.route('**/*', (route) =>
        route.request().url().startsWith(origin + '/') ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return page;
    },
    close: () => browser.close(),
  };
}
