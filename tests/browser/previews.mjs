// Link previews on a briefing page of the sample site, driven as a reader would: hovering
// an entity link in the body, tabbing to it, pressing Escape; a source marker; a tap on a
// phone following the link. Over HTTP, or from the folder itself (file://).
//
//   node tests/browser/previews.mjs SITE_DIR [--file] [--shot PNG]
//
// Exits 0 when every expectation holds, 1 with the failed ones listed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch } from './lib.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// As axe.mjs checks every page.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe's violations on the page as it is now (a preview open), as `rule: targets`. */
async function axeNow(page) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const BRIEFING = 'briefings/us-framework/index.html';

function parseArgs(argv) {
  const o = { site: undefined, file: false, shot: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--file') o.file = true;
    else if (a === '--shot') o.shot = argv[++i];
    else if (o.site === undefined) o.site = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!o.site) throw new Error('usage: previews.mjs SITE_DIR [--file] [--shot PNG]');
  return o;
}

const failures = [];
function expect(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/** Ids of the popovers open now. */
const openIds = (page) =>
  page.$$eval('[popover]', (ps) => ps.filter((p) => p.matches(':popover-open')).map((p) => p.id));

/** Waits up to `ms` for the open popovers to be `want` (ids); returns what they were. */
async function settle(page, want, ms = 2000) {
  let got = [];
  for (let t = 0; t < ms; t += 50) {
    got = await openIds(page);
    if (JSON.stringify(got) === JSON.stringify(want)) break;
    await page.waitForTimeout(50);
  }
  return got;
}

async function scenario(chrome, server, label, shot) {
  const page = await chrome.page(server.origin);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url(BRIEFING));

  // The body's link to Zelenskiy's profile names its preview.
  const link = page.locator('.body a[href$="actors/volodymyr-zelenskiy/index.html"]').first();
  const id = await link.getAttribute('aria-describedby');
  expect(/^preview-\d+$/.test(id || ''), `${label}: the entity link names a preview (${id})`);
  const tip = page.locator(`#${id}`);
  expect((await tip.textContent()).includes('President of Ukraine'), `${label}: the preview says the role`);
  expect((await openIds(page)).length === 0, `${label}: no preview is open at first`);

  // Hovering shows it, near the link; moving away hides it.
  await link.hover();
  let open = await settle(page, [id]);
  expect(open.length === 1 && open[0] === id, `${label}: hovering the link shows its preview (${open})`);
  const [l, t] = [await link.boundingBox(), await tip.boundingBox()];
  expect(
    // Below the link, or above it when the link is near the bottom of the window.
    t && l && (Math.abs(t.y - (l.y + l.height)) < 40 || Math.abs(t.y + t.height - l.y) < 40)
      && Math.abs(t.x - l.x) < 400,
    `${label}: the preview sits by the link (link ${JSON.stringify(l)}, preview ${JSON.stringify(t)})`,
  );
  if (shot) await page.screenshot({ path: shot });
  const violations = await axeNow(page);
  expect(violations.length === 0, `${label}: axe finds nothing with the preview open (${violations.join('; ')})`);
  await page.mouse.move(5, 5);
  open = await settle(page, []);
  expect(open.length === 0, `${label}: leaving the link hides it (${open})`);

  // The keyboard: focusing the link shows it, Escape hides it, the link keeps focus.
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  open = await settle(page, [id]);
  const focused = await link.evaluate((a) => a === document.activeElement);
  expect(focused && open[0] === id, `${label}: focusing the link with the keyboard shows its preview (${open})`);
  await page.keyboard.press('Escape');
  open = await settle(page, []);
  expect(open.length === 0, `${label}: Escape hides it (${open})`);
  await page.keyboard.press('Tab');
  open = await settle(page, [], 600);
  expect(!open.includes(id), `${label}: moving focus on leaves it hidden (${open})`);

  // A source marker of the stance table shows its source.
  const marker = page.locator('a.source-ref[aria-describedby]').first();
  const sid = await marker.getAttribute('aria-describedby');
  await marker.hover();
  open = await settle(page, [sid]);
  const text = await page.locator(`#${sid}`).textContent();
  expect(open[0] === sid && /example\.(org|com)/.test(text), `${label}: hovering a source marker shows the source (${text})`);
  await page.mouse.move(5, 5);
  await settle(page, []);

  expect(errors.length === 0, `${label}: no script error (${errors.join('; ')})`);
  await page.context().close();

  // Dark mode: the open preview passes axe (contrast) too.
  const dark = await chrome.page(server.origin, { colorScheme: 'dark' });
  await dark.goto(server.url(BRIEFING));
  await dark.locator('.body a[href$="actors/volodymyr-zelenskiy/index.html"]').first().hover();
  open = await settle(dark, [id]);
  const darkViolations = await axeNow(dark);
  expect(open[0] === id && darkViolations.length === 0, `${label}: in dark mode too (${darkViolations.join('; ')})`);
  if (shot) await dark.screenshot({ path: shot.replace(/\.png$/, '-dark.png') });
  await dark.context().close();

  // A phone: a tap on the link follows it.
  const phone = await chrome.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const p2 = await phone.newPage();
  await p2.goto(server.url(BRIEFING));
  await p2.locator('.body a[href$="actors/volodymyr-zelenskiy/index.html"]').first().tap();
  await p2.waitForURL(/actors\/volodymyr-zelenskiy\//, { timeout: 10_000 }).catch(() => {});
  expect(/actors\/volodymyr-zelenskiy\//.test(p2.url()), `${label}: a tap follows the link (${p2.url()})`);
  await phone.close();
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
const server = opts.file ? fileServer(opts.site) : await serve(opts.site, '/');
const chrome = await launch();
try {
  await scenario(chrome, server, opts.file ? 'file' : 'http', opts.shot);
} catch (e) {
  failures.push(String(e && e.stack ? e.stack : e));
  console.log(`FAIL ${e}`);
} finally {
  await chrome.close();
  await server.close();
}
process.exit(failures.length ? 1 : 0);
