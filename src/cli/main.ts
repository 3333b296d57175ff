/**
 * `npm run --silent cli -- <command> FILE|-`: the engine from the command line.
 *   trajectory: Scene JSON → {"trajectories":[{"points","losses","diverged"}]}
 *   backprop:   network JSON → {"loss","layers":[{"dW","db",...}]}
 *   landscape:  {network, directions, normalize, alphas, betas} → {"loss":[[...]]}
 *   pytorch:    Scene JSON → the "Copy as PyTorch" script (text; run it with --json for the
 *               trajectory command's output)
 * Prints only JSON on stdout; any problem goes to stderr with exit code 1 (2 for usage).
 */
import '../engine/optimizers/all';
import { readFileSync } from 'node:fs';
import { runBackprop } from './backprop';
import { runLandscape } from './landscape';
import { runPyTorch } from './pytorch';
import { runTrajectory } from './trajectory';
import type { FieldError } from '../engine/types';
import { formatErrors } from '../engine/scene';

const USAGE =
  'usage: npm run --silent cli -- <trajectory|backprop|landscape|pytorch> FILE   (FILE may be - for stdin)';

type CommandResult =
  | { readonly ok: true; readonly output: unknown }
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const COMMANDS: Readonly<Record<string, (input: unknown) => CommandResult>> = {
  trajectory: runTrajectory,
  backprop: runBackprop,
  landscape: runLandscape,
  pytorch: runPyTorch,
};

function readInput(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

function main(argv: readonly string[]): number {
  const [command, file, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  if (run === undefined || file === undefined || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readInput(file);
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    process.stderr.write(
      `${file === '-' ? 'stdin' : file} is not valid JSON: ${(err as Error).message}\n`,
    );
    return 1;
  }
  const result = run(input);
  if (!result.ok) {
    process.stderr.write(`${formatErrors(result.errors)}\n`);
    return 1;
  }
  process.stdout.write('text' in result ? result.text : `${JSON.stringify(result.output)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
