import { readFileSync } from 'node:fs';
import { priceSession, priceTariffCommand } from './src/index.js';
const ex = (f: string) => JSON.parse(readFileSync(`/work/shared/specs/ocpi-2.2.1/examples/${f}`, 'utf8'));
const r = priceTariffCommand({ tariffJson: ex('cdr_example.json').tariffs[0], cdrJson: ex('cdr_example.json') });
console.log(r);
const t4 = ex('tariff_4_complex.json');
const res = priceSession(t4, {
  start_date_time: '2024-06-03T07:30:00Z', end_date_time: '2024-06-03T10:57:00Z', time_zone: 'Europe/Amsterdam',
  charging_periods: [
    { start_date_time: '2024-06-03T07:30:00Z', dimensions: [{ type: 'ENERGY', volume: 20 }, { type: 'MAX_CURRENT', volume: 16 }] },
    { start_date_time: '2024-06-03T10:15:00Z', dimensions: [{ type: 'PARKING_TIME', volume: 0.7 }] },
  ],
});
console.log(JSON.stringify(res, null, 1));
