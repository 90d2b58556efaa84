// The search page of the sample site, driven as a reader would: with the keyboard, typing a
// query, reading the first result and its marked excerpt, quoting a phrase, narrowing with a
// filter; over HTTP and from the folder itself (file://).
//
//   node tests/browser/search.mjs SITE_DIR [--base /desk/]     the sample-site scenario
//   node tests/browser/search.mjs SITE_DIR --file              the same, opened from the folder
//   node tests/browser/search.mjs SITE_DIR --measure QUERY     bytes the first query downloads
//
// Exits 0 when every expectation holds, 1 with the failed ones listed.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch } from './lib.mjs';

function parseArgs(argv) {
  const o = { site: undefined, base: '/', measure: undefined, file: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') o.base = argv[++i];
    else if (a === '--file') o.file = true;
    else if (a === '--measure') o.measure = argv[++i];
    else if (o.site === undefined) o.site = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!o.site) throw new Error('usage: search.mjs SITE_DIR [--base /path/ | --file] [--measure QUERY]');
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

/** The marked words of the first result: in its title, and in its excerpt. */
const marks = (page, where) =>
  page.$$eval(`#search-results li:first-child ${where} mark`, (ms) => ms.map((m) => m.textContent));

/** The entities offered above the briefings: [text of the link, its href]. */
const entities = (page) =>
  page.$$eval('#search-entities li a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));

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
  // The 5 briefings naming Zelenskiy, and through his other one-word aliases the words of
  // two titles (which rank above the name alone), one of a briefing that does not name him.
  const titled = r.slice(0, 2).every((t) => /Zelenskiy/.test(t));
  expect(
    r.length === 6 && titled && r.includes('US Army leaders meet Zelenskiy and Ukraine\'s top commander'),
    `${base}: "zelenskyy" finds the 5 briefings naming Zelenskiy and a title spelling him Zelenskiy, title hits first (got ${r.join(' / ')})`,
  );
  expect(r[2] === 'Kyiv and Washington agree to rework the draft', `${base}: newest of the others first (got ${r[2]})`);
  const zelenskyy = r.join('|');
  r = await query(page, 'Zelénskiy');
  // Also a word of other briefings' text (typed last, it also stands for longer words).
  expect(
    r.length >= 6 && r.slice(0, 6).join('|') === zelenskyy,
    `${base}: "Zelénskiy" finds the same 6, diacritics ignored (got ${r.join(' / ')})`,
  );
  r = await query(page, 'Зеленський');
  expect(r.join('|') === zelenskyy, `${base}: "Зеленський" finds the same through its alias (got ${r.join(' / ')})`);

  // His full name quoted: a phrase of the names of every briefing naming him (text files
  // name an entity by its key, `actor:volodymyr-zelenskiy`, looked up in the meta file).
  // The US Army briefing writes "Zelenskiy" alone: its names alone hold the phrase.
  r = await query(page, '"Volodymyr Zelenskiy"');
  const naming = zelenskyy.split('|').filter((t) => t !== 'Pokrovsk on the brink as winter nears');
  expect(
    r.length === 5 && naming.every((t) => r.includes(t)),
    `${base}: "Volodymyr Zelenskiy" in quotes finds the 5 briefings naming him (got ${r.join(' / ')})`,
  );

  r = await query(page, "Zelenskiy's office");
  expect(r[0] && r[0].startsWith("Zelenskiy's office"), `${base}: a possessive and a second word find the title (got ${r[0]})`);

  // A phrase only the last paragraph of one briefing has, found and marked where it is.
  const phrase = 'comes mainly from one party';
  r = await query(page, `"${phrase}"`);
  expect(
    r.length === 1 && r[0] === 'Kyiv and Washington agree to rework the draft',
    `${base}: the last paragraph's "${phrase}" finds its briefing (got ${r.join(' / ')})`,
  );
  let m = await marks(page, 'p.excerpt');
  expect(m.join('|') === phrase, `${base}: the excerpt marks the phrase (got ${m.join('|')})`);
  const excerpt = await page.$eval('#search-results li:first-child p.excerpt', (p) => p.textContent);
  // Bodies are set with typographer's apostrophes.
  expect(/Ukrainian president’s office/.test(excerpt), `${base}: the excerpt is the text around it (got ${excerpt})`);

  // Quotes keep only the exact phrase.
  const loose = await query(page, 'one party');
  r = await query(page, '"one party"');
  m = await marks(page, 'p.excerpt');
  expect(
    loose.length > 1 && r.length === 1 && m.join('|') === 'one party',
    `${base}: "one party" in quotes finds 1 briefing, not the ${loose.length} with both words (got ${r.length}, marked ${m.join('|')})`,
  );

  // Typing an alias, letter by letter, offers the actor's page before any briefing.
  await page.fill('#q', '');
  let before = await shownRun(page);
  await page.keyboard.type('Зеленськ', { delay: 30 });
  await results(page, before);
  const offered = await entities(page);
  expect(
    offered.length >= 1 && offered[0][0] === 'Volodymyr Zelenskiy' && offered[0][1].endsWith('actors/volodymyr-zelenskiy/index.html'),
    `${base}: typing the alias "Зеленськ" offers Volodymyr Zelenskiy's page first (got ${JSON.stringify(offered)})`,
  );
  const entitiesFirst = await page.evaluate(() => {
    const e = document.getElementById('search-entities');
    const l = document.getElementById('search-results');
    return !e.hidden && !!(e.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(entitiesFirst, `${base}: the entity comes above the briefings`);

  r = await query(page, 'peace');
  const all = r.length;
  // Narrow with the keyboard: Tab to the place filter and choose Brussels.
  await page.focus('#f-place');
  before = await shownRun(page);
  await page.selectOption('#f-place', { label: 'Brussels' });
  r = await results(page, before);
  expect(all > 2 && r.length === 2, `${base}: the Brussels filter narrows "peace" from ${all} to 2 (got ${r.length})`);
  expect(r[0] === 'European ministers reject a peace that means surrender', `${base}: the title hit comes first (got ${r[0]})`);
  expect(/[?&]place=Brussels/.test(page.url()), `${base}: the address keeps the filter (${page.url()})`);
  // A filter alone lists its briefings.
  const withWords = r;
  await page.fill('#q', '');
  before = await shownRun(page);
  await page.keyboard.press('Enter');
  r = await results(page, before);
  expect(
    r.length >= withWords.length && withWords.every((t) => r.includes(t)),
    `${base}: the Brussels filter alone lists its ${r.length} briefings (got ${r.join(' / ')})`,
  );
  // A tag's list is fetched by the tag's slug: the battlefield tag alone lists its one
  // briefing.
  await page.fill('#q', '');
  await page.selectOption('#f-place', { value: '' });
  before = await shownRun(page);
  await page.selectOption('#f-tag', { label: 'battlefield' });
  r = await results(page, before);
  expect(
    r.length === 1 && r[0] === 'Pokrovsk on the brink as winter nears',
    `${base}: the battlefield tag alone lists its one briefing (got ${r.join(' / ')})`,
  );
  expect(/[?&]tag=battlefield/.test(page.url()), `${base}: the address keeps the tag (${page.url()})`);
  await page.selectOption('#f-tag', { value: '' });
  await page.selectOption('#f-place', { label: 'Brussels' });
  await page.fill('#q', 'peace');
  before = await shownRun(page);
  await page.keyboard.press('Enter');
  r = await results(page, before);

  // The first result's link leads to its page under the base path.
  await page.click('#search-results li a.title');
  await page.waitForLoadState('load');
  expect(page.url().endsWith(`${base}briefings/european-objections/index.html`), `${base}: the result links to its briefing (${page.url()})`);
  if (errors.length === 0) {
    // The first query of a new visit, with its address: the search runs from it.
    await page.goto(server.url('search/index.html') + '?q=%22one+party%22');
    r = await results(page, 0);
    expect(r.length === 1, `${base}: a search in the address runs on arrival (got ${r.length})`);
  }
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

/** The site's folder as file:// URLs, as a reader opening it from disk gets it. */
function fileServer(dir) {
  const root = pathToFileURL(resolve(dir)).href;
  return {
    origin: 'file://',
    url: (rel) => `${root}/${rel.split('/').map(encodeURIComponent).join('/')}`,
    close: async () => {},
  };
}

const opts = parseArgs(process.argv.slice(2));
const server = opts.file ? fileServer(opts.site) : await serve(opts.site, opts.base);
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
