// The sample site on a phone (390 × 800 px), as a reader holds it: the stance chart of a
// topic shows its latest mark and its names without scrolling sideways, the navigation is one
// line, and no page of any kind is wider than the screen.
//
//   node tests/browser/phone.mjs SITE_DIR
//
// Exits 0 when every expectation holds, 1 with the failed ones listed.
import { resolve } from 'node:path';
import { launch, pickPages, serve } from './lib.mjs';

const WIDTH = 390;
const TOPIC = 'topics/us-peace-plan/index.html';

const failures = [];
function expect(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const site = process.argv[2];
if (!site) {
  console.error('usage: phone.mjs SITE_DIR');
  process.exit(2);
}
const server = await serve(resolve(site), '/');
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
      return {
        shown: 1,
        latest: Math.max(...marks.map((m) => m.right)),
        names,
        scrolls,
        viewport: { w: window.innerWidth, h: window.innerHeight },
        svgTop: box(svg).top,
        svgBottom: box(svg).bottom,
      };
    });
    expect(chart.shown === 1, `${colorScheme}: one stance chart is shown at ${WIDTH} px (got ${chart.shown})`);
    if (chart.shown === 1) {
      expect(
        chart.latest <= chart.viewport.w && chart.latest > chart.viewport.w / 2,
        `${colorScheme}: the latest stance mark is in view without scrolling (its right edge at ${chart.latest.toFixed(1)} of ${chart.viewport.w} px)`,
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
  const { picked } = pickPages(resolve(site));
  const page = await chrome.page(server.origin, { width: WIDTH, height: 800 });
  for (const { kind, file } of picked) {
    await page.goto(server.url(file), { waitUntil: 'load' });
    const m = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('.site-nav a')].map((a) => Math.round(a.getBoundingClientRect().top));
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
