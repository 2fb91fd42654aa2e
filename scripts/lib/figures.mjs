// Headline figures the benchmarks hand to the performance-budget table (bench-budget.mjs prints it last).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = '.output/bench-figures.json';

export function recordFigures(figures) {
  mkdirSync('.output', { recursive: true });
  writeFileSync(FILE, JSON.stringify({ ...readFigures(), ...figures }, null, 2));
}

export function readFigures() {
  return existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
}
