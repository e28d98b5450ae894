#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx kiji` works from a fresh clone after `npm install`.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/kiji.ts');
