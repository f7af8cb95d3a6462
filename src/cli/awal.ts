// What bin/wksbm.js loads first (dist/bundle/awal.js): the version, which command argv names, and the
// loader of the bundle that runs it. Small on purpose: `wksbm --version` reads nothing else.
export { firstCommand, mintaVersi, VERSION } from './argv.js';
export { jalankanBundel } from './muat.js';
