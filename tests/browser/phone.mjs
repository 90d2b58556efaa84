// The sample site on a phone (390 × 800 px), as a reader holds it: the stance chart of a
// topic shows its latest mark and its names without scrolling sideways, the navigation is one
// line, and no page of any kind is wider than the screen. On a right-to-left site (`dir="rtl"`)
// the chart runs right to left: its latest mark is on the left.
//
//   node tests/browser/phone.mjs SITE_DIR [--topic REL] [--base /path/] [--all]
//
// --topic: the topic page whose chart is checked (the sample site's by default); --base: the
// path the site is served at (its base_url's); --all: every page, not one of each kind.
//
// Exits 0 when every expectation holds, 1 with the failed ones listed.
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { htmlFiles, launch, pickPages, serve } from './lib.mjs';

const WIDTH = 390;

const failures = [];
function expect(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const [site, ...rest] = process.argv.slice(2);
const opts = { topic: 'topics/us-peace-plan/index.html', base: '/', all: false };
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--topic') opts.topic = rest[++i];
  else if (rest[i] === '--base') opts.base = rest[++i];
  else if (rest[i] === '--all') opts.all = true;
  else opts.bad = rest[i];
}
if (!site || opts.bad || !opts.topic || !opts.base) {
  console.error('usage: phone.mjs SITE_DIR [--topic REL] [--base /path/] [--all]');
  process.exit(2);
}
const TOPIC = opts.topic;
const server = await serve(resolve(site), opts.base);
const chrome = await launch();
try {
  for (const colorScheme of ['light', 'dark']) {
    const page = await chrome.page(server.origin, { colorScheme, width: WIDTH, height: 800 });
    await page.goto(server.url(TOPIC), { waitUntil: 'load' });
    // The chart drawn for this width, the one a reader sees.
    const chart = await page.$$eval('svg.stance-chart', (svgs) => {
      const shown = svgs.filter((s) => s.getBoundingClientRect().width > 0);
      if (shown.length !== 1) return { shown: shown.length };
      const svg = shown[0];
      svg.scrollIntoView();
      const box = (el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const marks = [...svg.querySelectorAll('g.row path')].flatMap((p) => {
        // One path draws every mark of a position on a row: its box spans them all.
        return [box(p)];
      });
      const names = [...svg.querySelectorAll('text.name')].map((t) => ({ text: t.textContent, ...box(t) }));
      let parent = svg.parentElement;
      let scrolls = false;
      while (parent) {
        if (parent.scrollWidth > parent.clientWidth + 1 && getComputedStyle(parent).overflowX !== 'visible') scrolls = true;
        parent = parent.parentElement;
      }
      const rtl = getComputedStyle(svg).direction === 'rtl';
      return {
        shown: 1,
        rtl,
        // The edge of the latest mark away from the chart's start: time runs the page's way.
        latest: rtl ? Math.min(...marks.map((m) => m.left)) : Math.max(...marks.map((m) => m.right)),
        names,
        scrolls,
        viewport: { w: window.innerWidth, h: window.innerHeight },
        svgTop: box(svg).top,
        svgBottom: box(svg).bottom,
      };
    });
    expect(chart.shown === 1, `${colorScheme}: one stance chart is shown at ${WIDTH} px (got ${chart.shown})`);
    if (chart.shown === 1) {
      const inView = chart.rtl
        ? chart.latest >= 0 && chart.latest < chart.viewport.w / 2
        : chart.latest <= chart.viewport.w && chart.latest > chart.viewport.w / 2;
      expect(
        inView,
        `${colorScheme}: the latest stance mark is in view without scrolling (its ${chart.rtl ? 'left' : 'right'} edge at ${chart.latest.toFixed(1)} of ${chart.viewport.w} px)`,
      );
      expect(!chart.scrolls, `${colorScheme}: the chart sits in no sideways scroller`);
      const cut = chart.names.filter((n) => n.left < 0 || n.right > chart.viewport.w);
      expect(
        chart.names.length > 0 && cut.length === 0,
        `${colorScheme}: every actor name of the chart is in view (${chart.names.length} names, cut: ${cut.map((n) => n.text).join(', ') || 'none'})`,
      );
      expect(chart.svgBottom - chart.svgTop <= chart.viewport.h, `${colorScheme}: the chart fits the screen's height`);
    }
    await page.context().close();
  }
  // Every kind of page: one line of navigation, nothing wider than the screen.
  // Redirect pages leave as they load: where they lead is checked on its own.
  const moving = (file) => readFileSync(resolve(site, file), 'utf8').includes('http-equiv="refresh"');
  const picked = opts.all
    ? htmlFiles(resolve(site)).filter((file) => !moving(file)).map((file) => ({ kind: file, file }))
    : pickPages(resolve(site)).picked;
  const page = await chrome.page(server.origin, { width: WIDTH, height: 800 });
  for (const { kind, file } of picked) {
    await page.goto(server.url(file), { waitUntil: 'load' });
    const m = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('.site-nav a')].map((a) => Math.round(a.getBoundingClientRect().top));
      // Overflow runs to the left on a right-to-left page: scrollWidth counts it either way.
      return { lines: new Set(tops).size, links: tops.length, wide: document.documentElement.scrollWidth };
    });
    expect(m.links === 0 || m.lines === 1, `${kind}: the navigation is one line (${m.lines} lines)`);
    expect(m.wide <= WIDTH, `${kind}: the page is no wider than the screen (${m.wide} px)`);
  }
  await page.context().close();
} finally {
  await chrome.close();
  await server.close();
}
if (failures.length) {
  console.log(`${failures.length} failed`);
  process.exit(1);
}
