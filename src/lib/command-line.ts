/**
 * How every command (ingest, new-report, new-event, check, build, bench, test) reads its
 * arguments: Node's parseArgs, read leniently so that a mistyped, missing or misused option gets
 * our message, the nearest option and the usage (exit code 2) instead of a stack trace.
 */
import { parseArgs } from 'node:util';
import { nearest } from './suggest.ts';

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type Values<O extends Options> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

export interface CommandSpec<O extends Options> {
  /** How it is run, e.g. "npm run ingest"; the last word names it in messages. */
  command: string;
  usage: string;
  /** Its options; `--help` (`-h`) is added. */
  options: O;
  /** How many positional arguments it takes (default none). */
  positionals?: number;
}

export interface CommandLine<O extends Options> {
  values: Values<O>;
  positionals: string[];
  /** Prints `<command>: <field>: <message>`, then the usage, and exits with 2. */
  usageError(field: string, message: string): never;
}

/** What is wrong with `args` for `spec`, as [field, message], or undefined when nothing is. */
export function argumentError(spec: CommandSpec<Options>, args: string[]): [string, string] | undefined {
  const options = { ...spec.options, help: { type: 'boolean' as const, short: 'h' } };
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const names = Object.keys(options);
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (++positionals > (spec.positionals ?? 0)) {
        return ['(arguments)', `expected ${spec.positionals ? `at most ${spec.positionals} argument${spec.positionals === 1 ? '' : 's'} besides options` : 'options only'}, found "${token.value}"`];
      }
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = (options as Options)[token.name];
    if (!option) {
      const guess = nearest(token.name, names);
      return [token.rawName, `expected one of the options below, found an unknown option${guess ? `; did you mean --${guess}?` : ''}`];
    }
    const flag = `--${token.name}`;
    if (option.type === 'boolean' && token.value !== undefined) {
      return [flag, `expected no value (it is a switch), found "${token.value}"`];
    }
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return [flag, `expected a value after ${flag}, found ${token.value === undefined ? 'nothing' : `the option "${token.value}"; write ${flag}=<value> for a value that starts with "-"`}`];
    }
  }
  return undefined;
}

/** Parses `args` (default: the command's own) for `spec`; prints the usage for --help (exit 0) or a mistake (exit 2). */
export function commandLine<const O extends Options>(spec: CommandSpec<O>, args = process.argv.slice(2)): CommandLine<O> {
  const name = spec.command.split(' ').pop()!;
  const usageError = (field: string, message: string): never => {
    console.error(`${name}: ${field}: ${message}\n\n${spec.usage}`);
    process.exit(2);
  };
  const error = argumentError(spec, args);
  if (error) usageError(...error);
  const { values, positionals } = parseArgs({ args, options: { ...spec.options, help: { type: 'boolean', short: 'h' } } as Options, allowPositionals: true });
  if (values.help) {
    console.log(spec.usage);
    process.exit(0);
  }
  return { values: values as Values<O>, positionals, usageError };
}
