import * as fs from 'node:fs';
import * as path from 'node:path';

/** A complete PRD for the sample's missing `scheduled-reports` feature (fixes its broken link). */
export const SCHEDULED_PRD = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'scheduled-reports-prd.md'), 'utf8');
