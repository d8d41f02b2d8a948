// Checks snippets/plandocs.code-snippets: well-formed, every snippet complete, and in step with the templates.
// Run: node --import tsx --test test/grammar/snippets.test.ts
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const REPO = path.resolve(__dirname, '..', '..');
const SNIPPETS_FILE = path.join(REPO, 'snippets', 'plandocs.code-snippets');
const TEMPLATES = {
  milestone: path.join(REPO, 'sample', 'docs', 'templates', 'milestone-overview.md'),
  prd: path.join(REPO, 'sample', 'docs', 'prd', 'template.md'),
  story: path.join(REPO, 'sample', 'docs', 'user-stories', 'template.md'),
};

interface Snippet {
  scope?: string;
  prefix: string | string[];
  body: string | string[];
  description: string;
}

/** Drops // and block comments outside strings (VS Code reads .code-snippets as JSON with comments). */
function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      assert.notEqual(end, -1, 'unterminated block comment');
      out += text.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function loadSnippets(): Record<string, Snippet> {
  return JSON.parse(stripJsonComments(readFileSync(SNIPPETS_FILE, 'utf8'))) as Record<string, Snippet>;
}

const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/**
 * Expands a body the way the editor would on insertion with no typing: each tabstop takes its value from
 * `values`, else its default (first choice of a choice), mirrors repeat the value, variables come from `vars`.
 * Throws on syntax the editor would not read as intended (unbalanced braces, unknown variables).
 */
function expand(body: string, values: Record<number, string> = {}, vars: Record<string, string> = {}): string {
  const seen = new Map<number, string>();
  let i = 0;
  const parse = (stopAt: string | null): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (stopAt !== null && c === stopAt) return out;
      if (c === '\\' && i + 1 < body.length && '$}\\|,'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (c === '$') {
        out += parseDollar();
      } else {
        out += c;
        i++;
      }
    }
    if (stopAt !== null) throw new Error(`unterminated \${ in ${JSON.stringify(body)}`);
    return out;
  };
  const tabstop = (n: number, fallback: string) => {
    const v = values[n] ?? seen.get(n) ?? fallback;
    if (!seen.has(n)) seen.set(n, v);
    return v;
  };
  const variable = (name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`unknown variable ${name}`);
    return v;
  };
  const parseDollar = (): string => {
    i++; // $
    let m = /^(\d+)/.exec(body.slice(i));
    if (m) {
      i += m[1].length;
      return tabstop(Number(m[1]), '');
    }
    m = /^([A-Z_][A-Z0-9_]*)/.exec(body.slice(i));
    if (m) {
      i += m[1].length;
      return variable(m[1]);
    }
    if (body[i] !== '{') throw new Error(`stray $ in ${JSON.stringify(body)}`);
    i++; // {
    m = /^(\d+|[A-Z_][A-Z0-9_]*)/.exec(body.slice(i));
    if (!m) throw new Error(`bad \${ in ${JSON.stringify(body)}`);
    i += m[1].length;
    const isTabstop = /^\d/.test(m[1]);
    let result: string;
    if (body[i] === '}') {
      result = isTabstop ? tabstop(Number(m[1]), '') : variable(m[1]);
    } else if (body[i] === ':') {
      i++;
      const inner = parse('}');
      result = isTabstop ? tabstop(Number(m[1]), inner) : (vars[m[1]] ?? inner);
    } else if (body[i] === '|' && isTabstop) {
      const end = body.indexOf('|}', i + 1);
      if (end === -1) throw new Error(`unterminated choice in ${JSON.stringify(body)}`);
      const choices = body.slice(i + 1, end).split(',');
      i = end + 1;
      result = tabstop(Number(m[1]), choices[0]);
    } else {
      throw new Error(`bad \${${m[1]} in ${JSON.stringify(body)}`);
    }
    if (body[i] !== '}') throw new Error(`expected } in ${JSON.stringify(body)}`);
    i++;
    return result;
  };
  return parse(null);
}

const choicesOf = (body: string, key: string): string[] | undefined => {
  const m = new RegExp(`^${key}: \\$\\{\\d+\\|([^|]*)\\|\\}$`, 'm').exec(body);
  return m?.[1].split(',');
};

const TODAY_VARS = { CURRENT_YEAR: '2026', CURRENT_MONTH: '01', CURRENT_DATE: '05' };

/** The front matter block of a template: its keys in order and its raw values. */
function templateFrontMatter(file: string): { keys: string[]; values: Record<string, string> } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'));
  assert.ok(m, `${file} has no front matter`);
  const values: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([\w-]+):\s*(.*)$/.exec(line);
    if (kv) values[kv[1]] = kv[2];
  }
  return { keys: Object.keys(values), values };
}

function findByPrefix(all: Record<string, Snippet>, prefix: string): Snippet {
  const found = Object.values(all).find((s) => prefixes(s).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

describe('snippets file', () => {
  test('parses as JSON with comments and holds the expected snippets', () => {
    const all = loadSnippets();
    const got = Object.values(all).flatMap(prefixes).sort();
    assert.deepEqual(got, [
      'pd-ac', 'pd-ac-gwt', 'pd-feature-row', 'pd-features-table',
      'pd-milestone-frontmatter', 'pd-prd-frontmatter', 'pd-story-frontmatter', 'pd-story-statement',
    ]);
  });

  test('every snippet has a pd- prefix, a body, a description and the markdown scope', () => {
    const all = loadSnippets();
    for (const [name, s] of Object.entries(all)) {
      const ps = prefixes(s);
      assert.ok(ps.length > 0, `${name}: no prefix`);
      for (const p of ps) assert.match(p, /^pd-[a-z0-9-]+$/, `${name}: prefix ${p}`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.ok(bodyText(s).trim().length > 0, `${name}: empty body`);
      assert.equal(typeof s.description, 'string', `${name}: description`);
      assert.ok(s.description.trim().length > 10, `${name}: description too short`);
      assert.equal(s.scope, 'markdown', `${name}: scope`);
    }
  });

  test('prefixes are unique and no prefix is a duplicate of another snippet', () => {
    const all = Object.values(loadSnippets()).flatMap(prefixes);
    assert.equal(new Set(all).size, all.length);
  });

  test('every body is well-formed snippet syntax and ends with a final tabstop', () => {
    for (const [name, s] of Object.entries(loadSnippets())) {
      assert.doesNotThrow(() => expand(bodyText(s), {}, TODAY_VARS), `${name}`);
      assert.match(bodyText(s), /\$0$/, `${name}: no $0 at the end`);
    }
  });
});

describe('story snippets', () => {
  test('story statement', () => {
    const s = findByPrefix(loadSnippets(), 'pd-story-statement');
    assert.ok(bodyText(s).includes('As a ${1:persona}, I want ${2:goal}, so that ${3:benefit}.'));
    assert.equal(expand(bodyText(s)), 'As a persona, I want goal, so that benefit.');
    assert.equal(expand(bodyText(s), { 1: 'sales rep', 2: 'to find a customer', 3: 'I can call them' }),
      'As a sales rep, I want to find a customer, so that I can call them.');
  });

  test('acceptance criteria: checkbox and Given/When/Then', () => {
    const all = loadSnippets();
    assert.equal(bodyText(findByPrefix(all, 'pd-ac')), '- [ ] ${1:criterion}$0');
    const gwt = findByPrefix(all, 'pd-ac-gwt');
    assert.ok(bodyText(gwt).includes('- [ ] Given ${1:context}, when ${2:action}, then ${3:outcome}.'));
    assert.equal(expand(bodyText(gwt)), '- [ ] Given context, when action, then outcome.');
  });
});

describe('milestone Features snippets', () => {
  const ROW = '| ${1:Feature} | [${2:feature}-prd](../prd/${2}/${2}-prd.md) | ${3|High,Medium,Low|} |';

  test('Features row: text, priority choice and a PRD link that resolves from a milestone', () => {
    const s = findByPrefix(loadSnippets(), 'pd-feature-row');
    assert.ok(bodyText(s).includes(ROW));
    assert.equal(expand(bodyText(s)), '| Feature | [feature-prd](../prd/feature/feature-prd.md) | High |');
    const row = expand(bodyText(s), { 1: 'Advanced customer search', 2: 'advanced-search' });
    assert.equal(row, '| Advanced customer search | [advanced-search-prd](../prd/advanced-search/advanced-search-prd.md) | High |');
    const link = /\]\(([^)]+)\)/.exec(row)?.[1];
    assert.ok(link);
    assert.ok(existsSync(path.join(REPO, 'sample', 'docs', 'milestones', link)), `${link} does not resolve from sample/docs/milestones`);
  });

  test('Features table: the template header and separator, then one row', () => {
    const s = findByPrefix(loadSnippets(), 'pd-features-table');
    const lines = bodyText(s).split('\n');
    assert.equal(lines.length, 3);
    const template = readFileSync(TEMPLATES.milestone, 'utf8').split('\n');
    const header = template.indexOf('| Feature | PRD | Priority |');
    assert.notEqual(header, -1, 'template lost its Features header');
    assert.deepEqual(lines.slice(0, 2), template.slice(header, header + 2));
    assert.ok(lines[2].startsWith(ROW));
  });
});

describe('front matter snippets follow the templates', () => {
  const cases = [
    { prefix: 'pd-milestone-frontmatter', template: TEMPLATES.milestone, status: ['planned', 'in-progress', 'done'] },
    { prefix: 'pd-prd-frontmatter', template: TEMPLATES.prd, status: ['draft', 'in-review', 'approved'] },
    { prefix: 'pd-story-frontmatter', template: TEMPLATES.story, status: ['todo', 'in-progress', 'done'] },
  ];
  for (const c of cases) {
    test(`${c.prefix}: same keys as ${path.relative(REPO, c.template)}, status choices, valid YAML`, () => {
      const body = bodyText(findByPrefix(loadSnippets(), c.prefix));
      const tpl = templateFrontMatter(c.template);
      const text = expand(body, {}, TODAY_VARS);
      const m = /^---\n([\s\S]*?)\n---\n$/.exec(text);
      assert.ok(m, `not a front matter block:\n${text}`);
      const keys = m[1].split('\n').map((l) => l.slice(0, l.indexOf(':')));
      assert.deepEqual(keys, tpl.keys);
      assert.deepEqual(choicesOf(body, 'status'), c.status);
      assert.equal(c.status[0], tpl.values.status, 'the default status is the template\'s');
      const data = yaml.load(m[1], { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>;
      assert.equal(data.status, c.status[0]);
    });
  }

  test('milestone start defaults to today; PRD priority is a High/Medium/Low choice; story prd mirrors the feature', () => {
    const all = loadSnippets();
    const milestone = expand(bodyText(findByPrefix(all, 'pd-milestone-frontmatter')), {}, TODAY_VARS);
    assert.match(milestone, /^start: 2026-01-05$/m);
    assert.ok(bodyText(findByPrefix(all, 'pd-milestone-frontmatter')).includes('${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}'));
    assert.deepEqual(choicesOf(bodyText(findByPrefix(all, 'pd-prd-frontmatter')), 'priority'), ['High', 'Medium', 'Low']);
    const story = expand(bodyText(findByPrefix(all, 'pd-story-frontmatter')), { 1: 'advanced-search', 2: '4' });
    assert.match(story, /^id: advanced-search-story-4$/m);
    assert.match(story, /^prd: advanced-search-prd$/m);
    const prd = expand(bodyText(findByPrefix(all, 'pd-prd-frontmatter')), { 1: 'advanced-search' });
    assert.match(prd, /^id: advanced-search-prd$/m);
  });
});
