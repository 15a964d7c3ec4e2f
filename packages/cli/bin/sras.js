#!/usr/bin/env node
// Launcher of the sras command; the code lives in dist (run `npm run build:packages`).
import { runCli } from '../dist/main.js';

process.exitCode = await runCli(process.argv.slice(2));
