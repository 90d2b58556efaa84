// The search page of the sample site, driven as a reader would: with the keyboard, typing a
// query, reading the first result, narrowing with a filter.
//
//   node tests/browser/search.mjs SITE_DIR [--base /desk/]     the sample-site scenario
//   node tests/browser/search.mjs SITE_DIR --measure QUERY     bytes the first query downloads
//
// Exits 0 when every expectation holds, 1 with the failed ones listed.
import { serve, launch } from './lib.mjs';

function parseArgs(argv) {
  const o = { site: undefined, base: '/', measure: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') o.base = argv[++i];
    else if (a === '--measure') o.measure = argv[++i];
    else if (o.site === undefined) o.site = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!o.site) throw new Error('usage: search.mjs SITE_DIR [--base /path/] [--measure QUERY]');
  return o;
}

const failures = [];
function expect(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/** The number of the search run the result list shows. */
const shownRun = (page) => page.$eval('#search-results', (l) => +(l.getAttribute('data-run') || 0));

/** Titles of the results shown once a run newer than `after` has finished. */
async function results(page, after) {
  await page.waitForFunction(
    (n) => +(document.getElementById('search-results').getAttribute('data-run') || 0) > n,
    after,
  );
  // Later runs of the same query (typing, then Enter) show the same list: let them settle.
  await page.waitForTimeout(250);
  return page.$$eval('#search-results li a.title', (as) => as.map((a) => a.textContent));
}

async function query(page, text) {
  await page.fill('#q', '');
  const before = await shownRun(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  return results(page, before);
}

async function scenario(chrome, server, base) {
  const page = await chrome.page(server.origin);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url('search/index.html'));
  await page.waitForFunction(() => !document.querySelector('.search-form').hidden);
  await page.waitForFunction(() => document.getElementById('f-place').options.length > 1);

  // The keyboard alone reaches the query box (skip link and navigation come first).
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'q');
  }
  expect(reached, `${base}: Tab reaches the search box`);

  let r = await query(page, 'pokrovsk');
  expect(r[0] === 'Pokrovsk on the brink as winter nears', `${base}: "pokrovsk" puts the Pokrovsk briefing first (got ${r[0]})`);

  r = await query(page, 'zelenskyy');
  expect(r.length === 5, `${base}: "zelenskyy" finds the 5 briefings naming Zelenskiy (got ${r.length})`);
  expect(r[0] === 'Kyiv and Washington agree to rework the draft', `${base}: newest of them first (got ${r[0]})`);
  const zelenskyy = r.join('|');
  r = await query(page, 'Zelénskiy');
  // Also a word of two titles, which rank above the name alone.
  const titled = r.slice(0, 2).every((t) => /Zelenskiy/.test(t));
  expect(
    r.length === 5 && titled && zelenskyy.split('|').every((t) => r.includes(t)),
    `${base}: "Zelénskiy" finds the same 5, diacritics ignored, title hits first (got ${r.join(' / ')})`,
  );
  r = await query(page, 'Зеленський');
  expect(r.join('|') === zelenskyy, `${base}: "Зеленський" finds the same through its alias`);

  r = await query(page, 'peace');
  const all = r.length;
  // Narrow with the keyboard: Tab to the place filter and choose Brussels.
  await page.focus('#f-place');
  const before = await shownRun(page);
  await page.selectOption('#f-place', { label: 'Brussels' });
  r = await results(page, before);
  expect(all > 2 && r.length === 2, `${base}: the Brussels filter narrows "peace" from ${all} to 2 (got ${r.length})`);
  expect(r[0] === 'European ministers reject a peace that means surrender', `${base}: the title hit comes first (got ${r[0]})`);
  expect(/[?&]place=Brussels/.test(page.url()), `${base}: the address keeps the filter (${page.url()})`);

  // The first result's link leads to its page under the base path.
  await page.click('#search-results li a.title');
  await page.waitForLoadState('load');
  expect(page.url().endsWith(`${base}briefings/european-objections/index.html`), `${base}: the result links to its briefing (${page.url()})`);
  expect(errors.length === 0, `${base}: no script error (${errors.join('; ')})`);
  await page.context().close();
}

async function measure(chrome, server, text) {
  const page = await chrome.page(server.origin);
  await page.goto(server.url('search/index.html'));
  await page.waitForFunction(() => !document.querySelector('.search-form').hidden);
  const sizes = [];
  page.on('response', async (res) => {
    if (res.url().includes('/search/') && res.url().endsWith('.json')) {
      try {
        sizes.push([res.url().replace(/.*\/search\//, 'search/'), (await res.body()).length]);
      } catch {
        // The page went away before the body was read: not part of the first query.
      }
    }
  });
  await page.reload();
  await page.waitForFunction(() => document.getElementById('f-place').options.length > 1);
  const before = await shownRun(page);
  await page.fill('#q', text);
  await page.keyboard.press('Enter');
  const r = await results(page, before);
  await page.waitForTimeout(200);
  let total = 0;
  for (const [url, n] of sizes) {
    console.log(`${String(n).padStart(9)}  ${url}`);
    total += n;
  }
  console.log(`${String(total).padStart(9)}  bytes for the first query "${text}" (${r.length} shown)`);
  await page.context().close();
}

const opts = parseArgs(process.argv.slice(2));
const server = await serve(opts.site, opts.base);
const chrome = await launch();
try {
  if (opts.measure) await measure(chrome, server, opts.measure);
  else await scenario(chrome, server, opts.base);
} catch (e) {
  failures.push(String(e && e.stack ? e.stack : e));
  console.log(`FAIL ${e}`);
} finally {
  await chrome.close();
  await server.close();
}
process.exit(failures.length ? 1 : 0);
