// Converts Natural Earth's 1:110m land and country borders, as the `world-atlas` npm
// package ships them (TopoJSON), into the compact outline the default theme's maps are
// drawn from: themes/default/maps/world-110m.txt, compiled into the binary.
//
// Run once, by hand, when the outline should change; its output is committed, so neither
// a build nor CI needs Node or these packages:
//
//   mkdir -p /tmp/wa && npm install --prefix /tmp/wa --ignore-scripts world-atlas@2.0.2 topojson-client@3
//   NODE_PATH=/tmp/wa/node_modules node scripts/world-outline.mjs /tmp/wa/node_modules/world-atlas > themes/default/maps/world-110m.txt
//
// Format (read by src/render/maps/outline.rs): `#` lines are comments; every other line is
// `L` (a land ring, closed implicitly) or `B` (a border line between two countries),
// followed by integers: the first point's longitude and latitude in tenths of a degree,
// then each further point as the difference from the one before. Points that round to
// the one before are dropped, and rings left with fewer than 4 points (islands under a
// tenth of a degree) are dropped.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "noop.js"));
const topojson = require("topojson-client");
const atlas = process.argv[2];
if (!atlas) {
  console.error("usage: node scripts/world-outline.mjs <path of node_modules/world-atlas>");
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(atlas, name), "utf8"));
const version = JSON.parse(readFileSync(join(atlas, "package.json"), "utf8")).version;

const land = read("land-110m.json");
const countries = read("countries-110m.json");

const q = (v) => Math.round(v * 10);

// `points` with each longitude moved by a multiple of 360° to within 180° of the one
// before; a ring going round a pole is closed along it.
function unwrap(points, ring) {
  const out = [];
  let shift = 0;
  for (const [lon, lat] of points) {
    const prev = out[out.length - 1];
    if (prev) {
      const d = lon + shift - prev[0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  if (ring && out.length > 1) {
    const [first, last] = [out[0], out[out.length - 1]];
    const wraps = Math.round((last[0] - first[0]) / 360);
    if (wraps !== 0) {
      const mean = out.reduce((s, p) => s + p[1], 0) / out.length;
      const pole = mean < 0 ? -90 : 90;
      out.push([first[0] + 360 * wraps, first[1]], [first[0] + 360 * wraps, pole], [first[0], pole]);
    }
  }
  return out;
}

// One line of the output: the points quantised to tenths of a degree, repeats dropped,
// delta-encoded; null when fewer than `min` points remain.
function encode(tag, points, min) {
  const qs = [];
  for (const [lon, lat] of unwrap(points, tag === "L")) {
    const p = [q(lon), q(lat)];
    const last = qs[qs.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) qs.push(p);
  }
  if (tag === "L" && qs.length > 1) {
    const [a, b] = [qs[0], qs[qs.length - 1]];
    if (a[0] === b[0] && a[1] === b[1]) qs.pop();
  }
  if (qs.length < min) return null;
  const out = [tag, qs[0][0], qs[0][1]];
  for (let i = 1; i < qs.length; i++) {
    out.push(qs[i][0] - qs[i - 1][0], qs[i][1] - qs[i - 1][1]);
  }
  return out.join(" ");
}

const lines = [
  "# World outline of the default theme's maps (Dossier).",
  `# Source: Natural Earth 1:110m land and admin-0 countries (public domain, naturalearthdata.com),`,
  `# via the world-atlas npm package ${version} (ISC licence, Michael Bostock), converted by`,
  "# scripts/world-outline.mjs. L = land ring, B = border between two countries; integers are",
  "# tenths of a degree (lon lat), the first point absolute and each further one relative.",
];
const landGeo = topojson.feature(land, land.objects.land);
for (const f of landGeo.features ?? [landGeo]) {
  const g = f.geometry;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      const l = encode("L", ring, 4);
      if (l) lines.push(l);
    }
  }
}
const borders = topojson.mesh(countries, countries.objects.countries, (a, b) => a !== b);
for (const line of borders.coordinates) {
  const l = encode("B", line, 2);
  if (l) lines.push(l);
}
process.stdout.write(lines.join("\n") + "\n");
