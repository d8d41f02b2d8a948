// `plandocs` exit codes: 0 for a clean workspace and for --help, 1 for usage errors and missing
// folders (with a message on stderr), 2 for issues (see check.test.ts).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { SampleCopy } from '../helpers/lspClient';
import { runCli } from './run';
import { SCHEDULED_PRD } from '../helpers/fixtures';


/** Fixes the five deliberate problems of sample/PROBLEMS.md in a copy. */
function fixFive(copy: SampleCopy): void {
  const edit = (rel: string, from: string, to: string) => {
    const text = copy.read(rel);
    assert.ok(text.includes(from), `${from} in ${rel}`);
    copy.write(rel, text.replace(from, to));
  };
  edit('docs/prd/export-reports/export-reports-prd.md', '## User Stories', '## Success Metrics\n\n- 1,000 exports in 30 days.\n\n## User Stories');
  copy.write('docs/prd/scheduled-reports/scheduled-reports-prd.md', SCHEDULED_PRD);
  edit('docs/user-stories/customer-notes/story-2.md', 'status: in-progress\n', 'status: in-progress\nprd: customer-notes-prd\n');
  edit('docs/user-stories/sales-dashboard/story-2.md', 'prd: sales-dashbord-prd', 'prd: sales-dashboard-prd');
  edit('docs/prd/customer-segmentation/customer-segmentation-prd.md', '#filters-and-facets', '#filters');
}

const USAGE = /Usage:[\s\S]*plandocs check \[folder\]/;

// Every test runs its own CLI process; only the two 'clean copy' tests depend on each other.
describe('plandocs exit codes and usage', { concurrency: true }, () => {
  const copy = new SampleCopy();
  after(() => copy.cleanup());

  describe('a clean copy', { concurrency: 1 }, () => {
    test('a clean copy of the sample: exit 0 and no issue lines', async () => {
      fixFive(copy);
      const r = await runCli(['check', copy.dir]);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, '');
      assert.equal(r.code, 0);
      const j = await runCli(['check', copy.path('docs'), '--format', 'json']);
      assert.equal(j.code, 0, j.stderr);
      assert.deepEqual(JSON.parse(j.stdout), []);
    });

    test('one problem put back: exit 2 with that one issue', async () => {
      const rel = 'docs/user-stories/sales-dashboard/story-1.md';
      const text = copy.read(rel);
      copy.write(rel, text.replace('prd: sales-dashboard-prd', 'prd: nope'));
      try {
        const r = await runCli(['check', '.'], copy.dir);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stdout, /^docs\/user-stories\/sales-dashboard\/story-1\.md:5:6 error ref\.unknown .*"nope"/);
        assert.match(r.stdout, /\n\n1 issue in 1 file\.\n$/);
      } finally {
        copy.write(rel, text);
      }
    });
  });

  test('a missing folder: exit 1 with a message on stderr', async () => {
    const r = await runCli(['check', copy.path('no-such-folder')]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^plandocs: no such folder: .*no-such-folder\n$/);
  });

  test('a file instead of a folder, or a folder without docs: exit 1', async () => {
    const file = await runCli(['check', copy.path('PROBLEMS.md')]);
    assert.equal(file.code, 1);
    assert.match(file.stderr, /no such folder/);
    fs.mkdirSync(copy.path('empty'));
    const empty = await runCli(['check', copy.path('empty')]);
    assert.equal(empty.code, 1);
    assert.equal(empty.stdout, '');
    assert.match(empty.stderr, /no docs folder: .*empty\/docs does not exist/);
  });

  // The wording of the messages may change; each must name what was wrong.
  const USAGE_ERRORS: [string[], RegExp][] = [
    [['check', '--bogus'], /unknown option "--bogus"/],
    [['check', '--format', 'xml'], /--format .*"xml"/],
    [['check', '--format=yaml'], /--format .*"yaml"/],
    [['check', '--format'], /--format/],
    [['check', '--docs-root'], /--docs-root/],
    [['check', 'a', 'b'], /unexpected argument "b"/],
    [['lint'], /unknown command "lint"/],
  ];
  for (const [args, message] of USAGE_ERRORS) {
    test(`plandocs ${args.join(' ')}: exit 1 with the usage`, async () => {
      const r = await runCli(args, copy.dir);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, USAGE);
    });
  }

  for (const args of [['--help'], ['-h'], ['check', '--help'], ['check', 'sample', '-h'], []]) {
    test(`plandocs ${args.join(' ') || '(no arguments)'}: exit 0 with the usage`, async () => {
      const r = await runCli(args, copy.dir);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, USAGE);
      assert.match(r.stdout, /Exit codes: 0 no issues, 2 issues found, 1 usage error or missing folder\./);
    });
  }
});
