// Runs the analyze command in-process, capturing what it prints and writes instead of touching stdout or files.
import { nodeIo, runAnalyze } from '../../server/cli/analyze.ts';

/** What one run of the command did. */
export interface AnalyzeRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Output files by path (`--out`), never written to disk. */
  written: Map<string, string>;
}

/**
 * Runs `analyze` with real input files and captured output.
 *
 * @example
 * const { code, stdout } = await runAnalyzeCaptured('--responses', 'r.csv', '--by', 'province');
 */
export async function runAnalyzeCaptured(...argv: string[]): Promise<AnalyzeRun> {
  const result: AnalyzeRun = { code: 0, stdout: '', stderr: '', written: new Map() };
  result.code = await runAnalyze(argv, {
    openFile: nodeIo.openFile,
    sameFile: nodeIo.sameFile,
    outputProblem: nodeIo.outputProblem,
    async writeOutput(path, chunks) {
      let text = '';
      for await (const chunk of chunks) text += chunk;
      if (path === null) result.stdout += text;
      else result.written.set(path, text);
    },
    stdout: (text) => (result.stdout += text),
    stderr: (text) => (result.stderr += text),
  });
  return result;
}
