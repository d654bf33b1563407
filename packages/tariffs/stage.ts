import { compileTariff, priceSession } from './src/index.js';
import { normalizeSession } from './src/session/session.normalizer.js';
import { splitSession } from './src/split/period.splitter.js';
import { ComponentResolver } from './src/matching/component.resolver.js';
import { mergeSlices } from './src/matching/slice.merger.js';
import { buildLines, priceLines } from './src/pricing/cost-lines.js';
import { applyStepSizes } from './src/pricing/step-size.js';
import { writeCdrTotals } from './src/output/cdr-totals.writer.js';
const t = compileTariff({ country_code: 'NL', party_id: 'CBR', id: 'x', currency: 'EUR', last_updated: '2024-01-01T00:00:00Z', elements: [{ price_components: [
  { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 }, { type: 'ENERGY', price: 0.35, vat: 21, step_size: 1 }, { type: 'PARKING_TIME', price: 2, vat: 21, step_size: 300 }] }] });
const s = { start_date_time: '2024-03-05T10:00:00Z', end_date_time: '2024-03-05T12:40:00Z', time_zone: 'Europe/Amsterdam', charging_periods: [
  { start_date_time: '2024-03-05T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 23.4 }] },
  { start_date_time: '2024-03-05T12:00:00Z', dimensions: [{ type: 'PARKING_TIME', volume: 0.6667 }] }] } as const;
const N = 100000;
function time(label: string, f: () => unknown) { for (let i=0;i<N/5;i++) f(); let best = Infinity; for (let r=0;r<5;r++){ const c = process.cpuUsage(); for (let i=0;i<N/5;i++) f(); const u = process.cpuUsage(c); best = Math.min(best, (u.user+u.system)/(N/5)); } console.log(label.padEnd(12), best.toFixed(2), 'us cpu'); }
const n = normalizeSession(s as never, { root: 'session' });
const r = new ComponentResolver(t, false);
time('normalize', () => normalizeSession(s as never, { root: 'session' }));
time('split', () => splitSession(n, t));
const subs = splitSession(n, t);
time('resolve+merge', () => mergeSlices(splitSession(n, t).map((sub) => ({ sub, found: r.resolve(sub) }))));
const sl = mergeSlices(splitSession(n, t).map((sub) => ({ sub, found: r.resolve(sub) })));
time('lines', () => buildLines(sl));
time('lines+step', () => applyStepSizes(buildLines(sl)));
time('lines+price', () => { const l = buildLines(sl); applyStepSizes(l); priceLines(l); });
const l = buildLines(sl); applyStepSizes(l); priceLines(l);
time('totals', () => writeCdrTotals(l, n, t));
time('all', () => priceSession(t, s as never));
import { selectTariff } from './src/compile/tariff.selector.js';
import { priceNormalized } from './src/pricing/session.pricer.js';
time('select', () => selectTariff(t, n.startMs));
time('priceNorm', () => priceNormalized(t, n, 'Europe/Amsterdam', { applyStepSize: true, estimate: false }));
time('resolver', () => new ComponentResolver(t, false));
time('p1', () => { const resolver = new ComponentResolver(t, false); return mergeSlices(splitSession(n, t).map((sub) => ({ sub, found: resolver.resolve(sub) }))); });
time('p2', () => { const resolver = new ComponentResolver(t, false); const sl = mergeSlices(splitSession(n, t).map((sub) => ({ sub, found: resolver.resolve(sub) }))); const l = buildLines(sl); applyStepSizes(l); priceLines(l); return l; });
time('p3', () => { const resolver = new ComponentResolver(t, false); const sl = mergeSlices(splitSession(n, t).map((sub) => ({ sub, found: resolver.resolve(sub) }))); const l = buildLines(sl); applyStepSizes(l); priceLines(l); return writeCdrTotals(l, n, t); });
