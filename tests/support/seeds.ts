import * as path from 'node:path';
import { extractReport } from '../../src/extract';
import { lexicon } from './lexicon';
import type { ReportGraph, ReportInput } from '../../src/model';
import { readReport } from '../../src/read';

export const SEEDS = path.resolve(__dirname, '../../seeds');
export const SEED_IDS = ['china-2021', 'china-2022', 'liaoning-2022'] as const;

const inputs = new Map<string, Promise<ReportInput>>();

export function seedInput(id: (typeof SEED_IDS)[number]): Promise<ReportInput> {
  let p = inputs.get(id);
  if (!p) inputs.set(id, (p = readReport(path.join(SEEDS, `${id}.txt`))));
  return p;
}

export async function seedGraphs(): Promise<ReportGraph[]> {
  return Promise.all(SEED_IDS.map(async (id) => extractReport(await seedInput(id), lexicon)));
}
