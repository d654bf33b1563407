import { compileTariff } from './src/index.js';
import { normalizeSession } from './src/session/session.normalizer.js';
import { priceNormalized } from './src/pricing/session.pricer.js';
const t = compileTariff({ country_code: 'NL', party_id: 'CBR', id: 'x', currency: 'EUR', last_updated: '2024-01-01T00:00:00Z', elements: [{ price_components: [
  { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 }, { type: 'ENERGY', price: 0.35, vat: 21, step_size: 1 }, { type: 'PARKING_TIME', price: 2, vat: 21, step_size: 300 }] }] });
const s = { start_date_time: '2024-03-05T10:00:00Z', end_date_time: '2024-03-05T12:40:00Z', time_zone: 'Europe/Amsterdam', charging_periods: [
  { start_date_time: '2024-03-05T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 23.4 }] },
  { start_date_time: '2024-03-05T12:00:00Z', dimensions: [{ type: 'PARKING_TIME', volume: 0.6667 }] }] } as const;
const n = normalizeSession(s as never, { root: 'session' });
const N = 200000;
const t0 = performance.now(); for (let i=0;i<N;i++) priceNormalized(t, n, 'Europe/Amsterdam', { applyStepSize: true, estimate: false });
console.log(((performance.now()-t0)*1000/N).toFixed(2), 'us');
