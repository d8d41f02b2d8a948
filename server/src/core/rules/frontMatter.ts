import type { Rule } from './types';

export const frontMatterInvalid: Rule = (_index, doc) => {
  const e = doc.parsed.frontMatterError;
  return e ? [{ code: 'frontmatter.invalid', message: e.message, range: e.range }] : [];
};
