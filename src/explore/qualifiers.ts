// Qualifiers (the Qualifier enum of docs/schema.graphql) in the words a reader of the reports
// knows: the Chinese the reports write beside the number, and English. Used wherever the
// explorer shows a figure, so that nobody reads AT_LEAST.

export type Qualifier =
  'EXACT' | 'ABOUT' | 'AT_LEAST' | 'AT_MOST' | 'MORE_THAN' | 'NEARLY' | 'RANGE';

export interface QualifierWords {
  zh: string;
  en: string;
}

const WORDS: Record<Qualifier, QualifierWords> = {
  EXACT: { zh: '确数', en: 'exactly' },
  ABOUT: { zh: '约', en: 'about' }, // 左右
  AT_LEAST: { zh: '以上', en: 'at least' },
  AT_MOST: { zh: '以下', en: 'at most' }, // 以内, 以下
  MORE_THAN: { zh: '超过', en: 'more than' }, // 多, 超过
  NEARLY: { zh: '近', en: 'nearly' },
  RANGE: { zh: '区间', en: 'range' }, // 4.5%—5%
};

function isQualifier(q: string): q is Qualifier {
  return Object.prototype.hasOwnProperty.call(WORDS, q);
}

/** The Chinese and English words of a qualifier; an unknown one (a newer enum value) as given. */
export function qualifierParts(qualifier: string): QualifierWords {
  return isQualifier(qualifier) ? WORDS[qualifier] : { zh: qualifier, en: qualifier };
}

/** "以上 / at least" for AT_LEAST. */
export function qualifierWords(qualifier: string): string {
  const { zh, en } = qualifierParts(qualifier);
  return zh === en ? zh : `${zh} / ${en}`;
}

export interface Amount {
  status?: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string;
  direction?: string | null;
}

/** A number as a researcher writes it: at most three decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/**
 * The number of a figure with its unit, as the report states it: "6%", "6–6.5%", "下降 2.5%"
 * (a stated reduction); "—" without a number.
 */
export function amountWords(f: Amount): string {
  if (f.value === null && (f.low === null || f.high === null)) return '—';
  const unit = f.unit ?? '';
  const n =
    f.low !== null && f.high !== null
      ? `${formatNumber(f.low)}–${formatNumber(f.high)}`
      : formatNumber(f.value as number);
  return `${f.direction === 'DOWN' ? '下降 ' : ''}${n}${unit}`;
}

/** A whole figure in words: "6% 以上 / at least", "约 / about 7.5%", "deferred". */
export function figureWords(f: Amount): string {
  if (f.status === 'DEFERRED') return '未设定 / deferred';
  if (f.status === 'QUALITATIVE') return '定性 / qualitative';
  const amount = amountWords(f);
  if (f.qualifier === 'EXACT' || f.qualifier === 'RANGE') return amount;
  return `${amount} ${qualifierWords(f.qualifier)}`;
}
