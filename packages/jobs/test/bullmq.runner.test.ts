import { testRedis } from '../../../test/support/database.js';
import { BullmqJobRunner } from '../src/index.js';
import { describeJobRunnerContract } from './job-runner.contract.js';

describeJobRunnerContract('BullMQ on Redis', () => {
  const { url, prefix } = testRedis();
  return new BullmqJobRunner({ redisUrl: url, prefix });
});
