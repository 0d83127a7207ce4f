// The CLI's entry point when compiled ahead of time (npm run build → dist/acpnet.mjs, the image's).
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
