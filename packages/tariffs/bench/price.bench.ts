/**
 * Throughput benchmark of the pricing engine (plain tsx script, not a vitest test).
 *
 *   node --import tsx packages/tariffs/bench/price.bench.ts      (from the repo root)
 *
 * Single-threaded, so it measures one core. "Simple session": a start fee + €/kWh + parking
 * tariff without restrictions (compiled once, as a hub prices many sessions per tariff), and a
 * CDR with one charging and one parking period. Target: ≥ 100 000 sessions/s.
 */
import { loadavg } from 'node:os';
import { compileTariff, type OcpiTariff, type PricingSession, priceSession } from '../src/index.js';

const simpleTariff: OcpiTariff = {
  country_code: 'NL',
  party_id: 'CBR',
  id: 'bench-simple',
  currency: 'EUR',
  elements: [
    {
      price_components: [
        { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
        { type: 'ENERGY', price: 0.35, vat: 21, step_size: 1 },
        { type: 'PARKING_TIME', price: 2, vat: 21, step_size: 300 },
      ],
    },
  ],
  last_updated: '2024-01-01T00:00:00Z',
};

const peakTariff: OcpiTariff = {
  ...simpleTariff,
  id: 'bench-peak',
  elements: [
    {
      price_components: [{ type: 'ENERGY', price: 0.45, vat: 21, step_size: 1 }],
      restrictions: { start_time: '17:00', end_time: '21:00' },
    },
    ...simpleTariff.elements,
  ],
};

/**
 * A few hundred distinct sessions, so the engine cannot benefit from identical inputs. Volumes
 * have the precision CDRs carry in practice (kWh with 1-3 decimals, hours with 4).
 */
function sessions(count: number): PricingSession[] {
  const out: PricingSession[] = [];
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(8 + (i % 12)).padStart(2, '0');
    const minutes = 30 + (i % 90);
    const endHour = String(Number(hour) + 2).padStart(2, '0');
    out.push({
      start_date_time: `2024-03-${day}T${hour}:00:00Z`,
      end_date_time: `2024-03-${day}T${endHour}:${String(minutes % 60).padStart(2, '0')}:00Z`,
      time_zone: 'Europe/Amsterdam',
      charging_periods: [
        {
          start_date_time: `2024-03-${day}T${hour}:00:00Z`,
          dimensions: [{ type: 'ENERGY', volume: 5 + (i % 400) / 10 }],
        },
        {
          start_date_time: `2024-03-${day}T${String(Number(hour) + 2).padStart(2, '0')}:00:00Z`,
          dimensions: [{ type: 'PARKING_TIME', volume: Number(((minutes % 60) / 60).toFixed(4)) }],
        },
      ],
    });
  }
  return out;
}

/**
 * Runs `run` in `rounds` rounds of ~1 s after a 1 s warm-up and reports sessions per CPU second of
 * this process (`process.cpuUsage`): on a shared machine that is the fair "one core" figure, as it
 * excludes time the OS gave to other processes. Prints the best and the median round (other load
 * on the machine only ever makes a round slower) and the wall-clock rate of the best round.
 */
function measure(label: string, run: (s: PricingSession) => unknown, inputs: PricingSession[], rounds = 7): number {
  let sink = 0;
  const warmEnd = performance.now() + 1000;
  for (let i = 0; performance.now() < warmEnd; i++) sink += run(inputs[i % inputs.length]) === undefined ? 1 : 0;
  const results: { cpu: number; wall: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const end = start + 1000;
    while (performance.now() < end) {
      for (let j = 0; j < 500; j++) sink += run(inputs[(count + j) % inputs.length]) === undefined ? 1 : 0;
      count += 500;
    }
    const wall = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    results.push({ cpu: count / ((cpu.user + cpu.system) / 1e6), wall: count / wall });
  }
  results.sort((a, b) => b.cpu - a.cpu);
  const best = results[0];
  const median = results[Math.floor(results.length / 2)];
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
  console.log(
    `${label.padEnd(50)} best ${fmt(best.cpu)}/s CPU (${fmt(best.wall)}/s wall), median ${fmt(median.cpu)}/s CPU${sink > 0 ? ' (!)' : ''}`,
  );
  return best.cpu;
}

const inputs = sessions(500);
const simple = compileTariff(simpleTariff);
const peak = compileTariff(peakTariff);
console.log(
  `node ${process.version}, single thread, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const headline = measure('simple session, compiled tariff', (s) => priceSession(simple, s), inputs);
// BENCH_ONLY_SIMPLE=1 for profiling the headline case alone.
if (process.env.BENCH_ONLY_SIMPLE === undefined) {
  measure('simple session, raw tariff (validate+compile each)', (s) => priceSession(simpleTariff, s), inputs);
  measure('time-of-day tariff (17-21h, Europe/Amsterdam)', (s) => priceSession(peak, s), inputs);
}
console.log(`target 100,000 simple sessions per CPU second: ${headline >= 100_000 ? 'MET' : 'NOT MET'}`);
