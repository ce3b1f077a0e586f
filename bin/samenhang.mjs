#!/usr/bin/env node
// Command-line entry: loads src/main.ts through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
