// Headings and links as the index keeps them: a large workspace holds hundreds of thousands, so
// each is one small object whose one-line range is three numbers; `range` builds the LSP-shaped
// object when asked (rarely: for a diagnostic, a hover, a definition). Their strings are detached
// from the doc's text, so that the index does not keep every doc's whole text alive.
import type { Heading, Link, LinkSource, Range } from './types';

/** The range of characters `start`–`end` on one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. (V8 represents a slice of
 * 13 or more characters as a view into the whole string, which it keeps alive.)
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class DocHeading implements Heading {
  readonly text: string;
  readonly slug: string;
  /** Last line (inclusive) of the section; set once the following headings are known. */
  endLine: number;

  constructor(
    readonly level: number,
    text: string,
    slug: string,
    readonly line: number,
    private readonly start: number,
    private readonly end: number,
    public optional: boolean,
  ) {
    this.text = detach(text);
    this.slug = slug === text ? this.text : detach(slug);
    this.endLine = line;
  }

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }
}

export class DocLink implements Link {
  readonly target: string;
  readonly path: string;
  readonly fragment: string | undefined;
  resolvedPath: string | undefined = undefined;

  constructor(
    readonly source: LinkSource,
    target: string,
    path: string,
    fragment: string | undefined,
    private readonly line: number,
    private readonly start: number,
    private readonly end: number,
    readonly field: string | undefined = undefined,
    readonly absolute: boolean | undefined = undefined,
  ) {
    this.target = detach(target);
    this.path = path === target ? this.target : detach(path);
    this.fragment = fragment === undefined ? undefined : detach(fragment);
  }

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }
}
