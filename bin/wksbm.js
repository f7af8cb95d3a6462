#!/usr/bin/env node
// `--version` alone is answered from a one-line module, before the program's bundle is read (reading
// and compiling it is most of a command's start); everything else runs the program.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/bundle/versi.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(process.argv);
}
