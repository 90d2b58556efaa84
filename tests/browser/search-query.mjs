// Runs queries on a built site's search page in headless Chromium, as a reader arriving with
// the query in the address (`search/index.html?q=…`), and prints what the page shows for
// each, one JSON line a query: {query, status, results (titles), marked (the marked words
// of every result), entities ([name, href, label]), lang, errors}. Tests assert on them.
//
//   node tests/browser/search-query.mjs SITE_DIR QUERY...
import { serve, launch } from './lib.mjs';

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) throw new Error('usage: search-query.mjs SITE_DIR QUERY...');
const server = await serve(site, '/');
const chrome = await launch();
let failed = false;
try {
  for (const query of queries) {
    const page = await chrome.page(server.origin);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url('search/index.html') + '?q=' + encodeURIComponent(query));
    // Until a search ran, or the page said it cannot search (an index it cannot read).
    await page.waitForFunction(() => {
      const said = document.getElementById('search-status').textContent;
      const words = document.getElementById('search-strings');
      const cannot = ['data-failed', 'data-stale'].map((k) => words.getAttribute(k));
      return +(document.getElementById('search-results').getAttribute('data-run') || 0) > 0
        || (said !== '' && cannot.includes(said));
    });
    const shown = await page.evaluate(() => ({
      status: document.getElementById('search-status').textContent,
      results: [...document.querySelectorAll('#search-results li a.title')].map((a) => a.textContent),
      marked: [...document.querySelectorAll('#search-results mark')].map((m) => m.textContent),
      entities: [...document.querySelectorAll('#search-entities li')].map((li) => [
        li.querySelector('a').textContent,
        li.querySelector('a').getAttribute('href'),
        li.querySelector('.kind-label').textContent,
        li.querySelector('.count').textContent.trim(),
      ]),
      lang: document.documentElement.lang,
    }));
    console.log(JSON.stringify({ query, ...shown, errors }));
    await page.context().close();
  }
} catch (e) {
  console.log(`FAIL ${e && e.stack ? e.stack : e}`);
  failed = true;
} finally {
  await chrome.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
