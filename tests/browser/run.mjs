// Browser tests: loads dateline's timelinejs, vis and html exports in Debian's headless chromium.
//
// usage: node run.mjs --golden DIR --out DIR [--chromium PATH]
// DIR holds timeline.json (the native input) and expected/ (each exporter's output, kept equal to the
// code by the golden unit test). Expected counts and spans are computed here from the native input,
// not from the files under test. Prints one line per check and "N passed, N failed"; exits 1 on failure.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const golden = path.resolve(args.golden ?? path.join(here, '../golden/exporters'));
const out = path.resolve(args.out ?? 'browser-out');
const npmDir = path.resolve(args.modules ?? path.join(here, 'node_modules'));
const chromiumPath = args.chromium ?? '/usr/bin/chromium';
fs.mkdirSync(out, {recursive: true});

// ---- what the native input says the tools must show ----
const native = JSON.parse(fs.readFileSync(path.join(golden, 'timeline.json'), 'utf8'));
const dated = native.events.filter((e) => e.when.edtf !== null);
const nextDay = (iso) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const expectedSpans = Object.fromEntries(dated.map((e) => {
  const w = e.when;
  const open = w.latest === null;
  if (w.precision === 'day' && !open && w.earliest === w.latest) return [e.id, {start: w.earliest, end: null}];
  return [e.id, {start: w.earliest, end: open ? native.exported_on : nextDay(w.latest)}];
}));

// ---- a static server for the pages, the npm packages and the files under test ----
const types = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff': 'font/woff',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject'};
const roots = {'/pages/': path.join(here, 'pages'), '/npm/': npmDir, '/data/': golden};
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const prefix = Object.keys(roots).find((p) => url.startsWith(p));
  const file = prefix && path.join(roots[prefix], url.slice(prefix.length));
  if (!file || !file.startsWith(roots[prefix]) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {'Content-Type': types[path.extname(file)] ?? 'application/octet-stream'});
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
};

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Opens a page with every request outside localhost refused (the tests run offline) and
// collects what went wrong: uncaught errors, console errors, dialogs, CSP violations.
async function open(url) {
  const context = await browser.newContext({viewport: {width: 1200, height: 800}});
  await context.route('**/*', (route) =>
    route.request().url().startsWith(base) || route.request().url().startsWith('data:') ? route.continue() : route.abort());
  const page = await context.newPage();
  const problems = [];
  const offsite = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('requestfailed', (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
  await page.goto(url, {waitUntil: 'load'});
  return {context, page, problems, offsite};
}

// Requests the page tried to make off localhost (fonts, analytics) are refused and their
// console noise is not held against our file; everything else is.
const ours = (problems, offsite) =>
  problems.filter((p) => !(p.includes('net::ERR_FAILED') && offsite.length) && !p.includes('Failed to load resource'));

// ---- TimelineJS3 ----
{
  const {context, page, problems, offsite} = await open(`${base}/pages/timelinejs.html`);
  await page.waitForFunction(() => window.__result.loaded || window.__result.errors.length, null, {timeout: 20000})
    .catch(() => {});
  await page.waitForTimeout(3000);  // let the slide animation settle for the screenshot
  const r = await page.evaluate(() => ({
    result: window.__result,
    events: window.__timeline ? window.__timeline.config.events.length : -1,
    slides: document.querySelectorAll('.tl-slide').length,
    markers: document.querySelectorAll('.tl-timemarker').length,
    message: (document.querySelector('.tl-message-full') || {}).textContent || '',
    pwned: window.__pwned !== undefined,
    headlines: [...document.querySelectorAll('.tl-slide .tl-headline')].map((h) => h.textContent),
  }));
  const titleSlide = native.title ? 1 : 0;
  check('timelinejs: TimelineJS3 loads the export', r.result.loaded, JSON.stringify(r.result.errors));
  check('timelinejs: no error on the page', ours(problems, offsite).length === 0 && !/error/i.test(r.message),
    [...ours(problems, offsite), r.message].join(' | '));
  check('timelinejs: one event per dated fact', r.events === dated.length, `${r.events} vs ${dated.length}`);
  check('timelinejs: one slide per event plus the title slide', r.slides === dated.length + titleSlide,
    `${r.slides} vs ${dated.length + titleSlide}`);
  check('timelinejs: one marker per event on the time navigator', r.markers === dated.length, `${r.markers}`);
  check('timelinejs: hostile text is shown as text', r.headlines.some((h) => h.includes('<script>window.__pwned=1</script>')),
    JSON.stringify(r.headlines.slice(0, 5)));
  check('timelinejs: no injected script ran', !r.pwned);
  await page.screenshot({path: path.join(out, 'timelinejs.png')});
  // The slide with the hostile headline, to see it shown as text.
  const hostile = native.events.filter((e) => e.when.edtf !== null).findIndex((e) => e.headline.includes('<script>'));
  if (hostile >= 0) {
    await page.evaluate((i) => window.__timeline.goTo(i + 1), hostile);
    await page.waitForTimeout(1500);
    await page.screenshot({path: path.join(out, 'timelinejs-hostile-slide.png')});
  }
  await context.close();
}

// ---- vis-timeline ----
{
  const {context, page, problems, offsite} = await open(`${base}/pages/vis.html`);
  await page.waitForFunction(() => window.__result.loaded || window.__result.errors.length, null, {timeout: 20000})
    .catch(() => {});
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const local = (d) => d ? `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` : null;
    const items = window.__timeline ? window.__timeline.itemSet.items : {};
    return {
      result: window.__result,
      count: window.__items ? window.__items.length : -1,
      rendered: document.querySelectorAll('.vis-item .vis-item-content').length,
      spans: Object.fromEntries(Object.entries(items).map(([id, it]) =>
        [id, {start: local(it.data.start), end: local(it.data.end), type: it.data.type, group: it.data.group}])),
      groupRows: document.querySelectorAll('.vis-labelset .vis-label').length,
      pwned: window.__pwned !== undefined,
    };
  });
  check('vis: vis-timeline loads the export', r.result.loaded, JSON.stringify(r.result.errors));
  check('vis: no error on the page', ours(problems, offsite).length === 0, ours(problems, offsite).join(' | '));
  check('vis: one item per dated fact', r.count === dated.length && Object.keys(r.spans).length === dated.length,
    `${r.count} items, ${Object.keys(r.spans).length} in the timeline, ${dated.length} expected`);
  check('vis: every item is drawn', r.rendered === dated.length, `${r.rendered} drawn`);
  const wrong = Object.entries(expectedSpans).filter(([id, want]) => {
    const got = r.spans[id];
    return !got || got.start !== want.start || got.end !== want.end;
  }).map(([id, want]) => `${id}: got ${JSON.stringify(r.spans[id])}, want ${JSON.stringify(want)}`);
  check('vis: each item starts and ends where its span does', wrong.length === 0, wrong.join('; '));
  const groupBy = native.group_by ?? 'type';
  if (groupBy === 'type') {
    const misgrouped = dated.filter((e) => !r.spans[e.id] || r.spans[e.id].group !== e.type).map((e) => e.id);
    check('vis: each item sits in its type\'s row', misgrouped.length === 0, misgrouped.join(', '));
    const types = new Set(dated.map((e) => e.type));
    check('vis: one row per type', r.groupRows === types.size, `${r.groupRows} rows, ${types.size} types`);
  }
  check('vis: no injected script ran', !r.pwned);
  await page.screenshot({path: path.join(out, 'vis.png'), fullPage: true});
  await context.close();
}

// ---- our html page ----
{
  const {context, page, problems} = await open(`${base}/data/expected/html.html`);
  const violations = await page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    setTimeout(() => resolve(seen), 300);
  }));
  const r = await page.evaluate(() => ({
    text: document.body.innerText,
    items: document.querySelectorAll('ol.events li').length,
    marks: document.querySelectorAll('svg a .mark').length,
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    pwned: window.__pwned !== undefined,
    width: document.querySelector('svg') ? document.querySelector('svg').getBoundingClientRect().width : 0,
  }));
  check('html: the page renders with no error', problems.length === 0 && r.width > 500, problems.join(' | '));
  check('html: every event is listed', r.items === native.events.length, `${r.items} vs ${native.events.length}`);
  check('html: every dated event has a mark on the axis', r.marks === dated.length, `${r.marks} vs ${dated.length}`);
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const missing = native.events.filter((e) => !squash(r.text).includes(squash(e.headline))).map((e) => e.id);
  check('html: every headline is shown as written', missing.length === 0, missing.join(', '));
  check('html: no script element, no event handler attribute', r.scripts === 0 && r.handlers === 0,
    `${r.scripts} scripts, ${r.handlers} handlers`);
  check('html: no injected script ran and nothing was blocked', !r.pwned && violations.length === 0,
    violations.join(', '));
  await page.screenshot({path: path.join(out, 'html.png'), fullPage: true});
  await context.close();
}

await browser.close();
server.close();
console.log(`screenshots in ${out}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
