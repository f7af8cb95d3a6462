// What the command line asks for before anything is loaded: the version alone, or which command.
// Shared by the program and bin/wksbm.js (which picks the bundle of that command), so both read the
// words the same way.
export { VERSION } from './version.js';

/** `wksbm --version` (or `-V`) and nothing else. */
export function mintaVersi(argv: string[]): boolean {
  return argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V');
}

/** The first word that is not a global option or its value. */
export function firstCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--db') {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return a;
  }
  return undefined;
}
