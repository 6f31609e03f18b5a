import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { meetingTestBed } from './meeting-fixtures.js';
import { minutesFixtures } from './minutes-fixtures.js';

const run = promisify(execFile);

/** LibreOffice, when the machine has it (CI installs it: see .ci/run). */
async function findLibreOffice() {
  try {
    await run('soffice', ['--version'], { timeout: 60_000 });
    return 'soffice';
  } catch {
    return null;
  }
}
const soffice = await findLibreOffice();

describe('the Word minutes in LibreOffice', () => {
  it.skipIf(!soffice)(
    'opens in LibreOffice, which reads back the agenda and minutes',
    async () => {
      const { services, fixtures, meeting, database, context } = await meetingTestBed();
      const body = await fixtures.body({ name: 'Tackling Neglect Group' });
      const id = await meeting(body, '2027-01-14');
      await minutesFixtures(database.app.db, context).items(id, [
        {
          title: 'Graded care profile roll-out',
          purpose: 'decision',
          minutes: 'The group agreed to train every health visitor by March.',
        },
      ]);
      const document = await services.meetings.minutes.wordDocument(context, id);
      expect(document).not.toBeNull();
      const folder = await mkdtemp(path.join(tmpdir(), 'masa-minutes-'));
      try {
        const docx = path.join(folder, 'minutes.docx');
        await writeFile(docx, document!.content);
        await run(
          soffice!,
          [
            `-env:UserInstallation=file://${folder}/profile`,
            '--headless',
            '--convert-to',
            'txt:Text',
            '--outdir',
            folder,
            docx,
          ],
          { timeout: 110_000 },
        );
        const text = await readFile(path.join(folder, 'minutes.txt'), 'utf8');
        expect(text).toContain('Tackling Neglect Group');
        expect(text).toContain('Graded care profile roll-out');
        expect(text).toContain('The group agreed to train every health visitor by March.');
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
