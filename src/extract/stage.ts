/**
 * What every extraction stage shares: the report being read, with its lexicon and
 * jurisdiction, and the part of the graph a stage adds.
 */
import { edgeId, type GraphEdge, type ReportGraph, type ReportInput } from '../model';
import type { Lexicon, PlaceEntry } from './lexicon';

export interface Reading {
  input: ReportInput;
  /** The report's text, as read. */
  text: string;
  lexicon: Lexicon;
  /** The gazetteer's entry for the report's jurisdiction. */
  jurisdiction: PlaceEntry;
}

/** What a stage adds to the report's graph. */
export type GraphPart = Partial<Omit<ReportGraph, 'report'>>;

/** An edge with its deterministic id. */
export function makeEdge(e: Omit<GraphEdge, 'id'>, qualifier = ''): GraphEdge {
  return { id: edgeId(e.type, e.source, e.target, qualifier), ...e };
}

/** Appends without spreading into push, which overflows the stack for long lists. */
export function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}
