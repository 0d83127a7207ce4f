#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load, so no build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));
