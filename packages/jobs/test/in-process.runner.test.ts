import { InProcessJobRunner } from '../src/index.js';
import { describeJobRunnerContract } from './job-runner.contract.js';

describeJobRunnerContract('in-process', () => new InProcessJobRunner());
