// The delimiter and line break of a CSV file, told from its header line.

/** Delimiters a file may use, in the order a tie is reported. */
export const candidateDelimiters = [',', ';', '\t', '|'] as const;

/** What {@link detectDelimiter} found: the delimiter, or why it cannot tell. */
export type DelimiterGuess = { delimiter: string } | { problem: string };

/**
 * Tells the delimiter from the header line (text up to its first line break outside quotes):
 * the candidate (`,` `;` tab `|`) that occurs most often outside quotes. Excel on an Indonesian
 * or other comma-decimal Windows saves "CSV" with semicolons; column names seldom hold any of
 * the candidates, while data rows may (decimal commas), which is why only the header is read.
 * A header without any candidate is one column (`,`). Two candidates occurring equally often
 * is a problem to report, not a guess.
 *
 * @example
 * detectDelimiter('resp_id;agency;stratum_N'); // { delimiter: ';' }
 */
export function detectDelimiter(headerLine: string): DelimiterGuess {
  const counts = new Map<string, number>(candidateDelimiters.map((c) => [c, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked as [[string, number], [string, number]];
  if (best[1] === 0) return { delimiter: ',' };
  if (best[1] === second[1]) {
    const shown = (c: string) => (c === '\t' ? 'tab' : `"${c}"`);
    return {
      problem: `cannot tell the delimiter: the header has as many ${shown(best[0])} as ${shown(second[0])}; give --delimiter`,
    };
  }
  return { delimiter: best[0] };
}

/**
 * The end of the header line in `text` (the index of its first line break outside quotes) and
 * the line break used there: `\r\n`, `\r` or `\n`; null when the text holds no line break yet.
 *
 * @example
 * headerLineEnd('a;b\r\n1;2'); // { end: 3, newline: '\r\n' }
 */
export function headerLineEnd(text: string): { end: number; newline: '\n' | '\r\n' | '\r' } | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') return { end: i, newline: '\n' };
    else if (!quoted && char === '\r') {
      // A lone \r at the end of the text may yet be followed by \n.
      if (i + 1 >= text.length) return null;
      return { end: i, newline: text[i + 1] === '\n' ? '\r\n' : '\r' };
    }
  }
  return null;
}
