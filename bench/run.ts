import { parseArgs } from 'node:util';
import { capacityScenario } from './scenarios/capacity.scenario.js';
import { financeScenario } from './scenarios/finance.scenario.js';
import { ocpiReadsScenario } from './scenarios/ocpi-reads.scenario.js';
import type { Scenario, ScenarioFlags } from './scenarios/scenario.js';
import { stormScenario } from './scenarios/storm.scenario.js';
import { throughputScenario } from './scenarios/throughput.scenario.js';
import { startHubUnderTest } from './support/hub-under-test.js';
import { fileLimit } from './support/processes.js';
import { machine, publish } from './support/report.js';

/**
 * `npm run bench [-- --scenario capacity|throughput|storm|ocpi-reads|finance] [--stations N] [--duration S] [--ramp N] [--count N]`
 * Each scenario gets a fresh hub (throwaway PostgreSQL + Redis, API + one gateway process) and
 * runs the load from separate simulator processes. Scenarios 4–5 (OCPI reads, finance) are added
 * to the same list by their owners.
 */
const scenarios: Scenario[] = [capacityScenario, throughputScenario, stormScenario, ocpiReadsScenario, financeScenario];

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    stations: { type: 'string' },
    duration: { type: 'string' },
    ramp: { type: 'string' },
    count: { type: 'string' },
  },
});
const flags: ScenarioFlags = {
  stations: values.stations === undefined ? undefined : Number(values.stations),
  durationS: values.duration === undefined ? undefined : Number(values.duration),
  ramp: values.ramp === undefined ? undefined : Number(values.ramp),
  count: values.count === undefined ? undefined : Number(values.count),
};
const chosen = values.scenario === undefined ? scenarios : scenarios.filter((s) => s.name === values.scenario);
if (chosen.length === 0) {
  console.error(`unknown scenario "${values.scenario}"; one of ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
console.log(`open-file limit per process: ${fileLimit()} (each connection needs one on each side)`);
for (const scenario of chosen) {
  console.log(`\n== ${scenario.name}`);
  const hub = await startHubUnderTest();
  try {
    const report = await scenario.run(hub, flags);
    publish(report, machine(await hub.versions()));
    console.log(`${report.label}: ${report.result} — target ${report.met ? 'met' : 'MISSED'}`);
  } finally {
    await hub.stop();
  }
}
