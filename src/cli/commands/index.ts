import type { CliCommand } from '../command.ts';
import { auditCommand } from './audit.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { demoYearCommand } from './demo-year.ts';
import { migrateFromPgliteCommand } from './migrate-from-pglite.ts';
import { schemeCommand } from './scheme.ts';
import { scoreCommand } from './score.ts';
import { seedCommand } from './seed.ts';

/** Every sub-command, in the order `fazhi help` lists them. Add one import and one entry per command. */
export const commands: CliCommand[] = [
  schemeCommand,
  scoreCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  migrateFromPgliteCommand,
  seedCommand,
  demoYearCommand,
];
