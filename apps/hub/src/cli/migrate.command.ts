import { loadConfig } from '@chargebridge/config';
import { migrateToLatest } from '@chargebridge/store';
import { connectStore } from '../runtime/connect-store.js';
import type { CliCommand } from './command.js';

export const migrateCommand: CliCommand = {
  path: ['migrate'],
  summary: 'apply database migrations (DATABASE_URL, or PGlite in DATA_DIR)',
  usage: 'migrate',
  async run() {
    const config = loadConfig();
    const store = await connectStore(config, { migrate: false });
    try {
      const applied = await migrateToLatest(store.db);
      process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'database is up to date\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};
