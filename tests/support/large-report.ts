import type { ReportInput } from '../../src/model';
import { seedInput } from './seeds';

/**
 * A report of about `bytes` UTF-8 bytes (3.7 MB by default, under the 10 MiB limit):
 * Liaoning's 2022 report over and over, each round's figures moved by a little so that the
 * sentences differ, under its metadata and an id of its own.
 */
export async function largeReport(bytes = 3_700_000): Promise<ReportInput> {
  const liaoning = await seedInput('liaoning-2022');
  const parts: string[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    const text = liaoning.text.replace(
      /(\d+(?:\.\d+)?)%/g,
      (_, n: string) => `${(Number(n) + round / 10).toFixed(1)}%`,
    );
    parts.push(text);
    size += Buffer.byteLength(text, 'utf8') + 1;
  }
  return {
    meta: {
      ...liaoning.meta,
      id: 'liaoning-large-2022',
      title: '2022年辽宁省政府工作报告（放大）',
    },
    text: parts.join('\n'),
    origin: 'liaoning-large-2022 (made up)',
  };
}
