import { readFile } from 'node:fs/promises';
import type { EventAttributes } from '../../shared/events/attributes.js';
import { parseStructuredJson } from '../../shared/events/cloud-event.js';
import { EventFormatError } from '../../shared/events/errors.js';
import { decodeKafkaRecord } from '../../shared/events/kafka.js';
import { describeTarget, type EffectRecord } from './applier.js';
import { compactPerObject } from './compaction.js';
import type { KafkaTransport } from './kafka/transport.js';
import type { EventSink } from './processor.js';

/** One recorded event, or why it could not be read; `label` names where it came from. */
export interface RecordedEvent {
  label: string;
  event?: EventAttributes;
  error?: string;
}

/** `acpnet replay --output json`, exactly as docs/design.md fixes it. */
export interface ReplayReport {
  events: number;
  skipped: number;
  effects: EffectRecord[];
  errors: { event: string; message: string }[];
}

/** A JSONL file of structured-mode CloudEvents; blank lines are allowed, bad ones are reported by line. */
export function parseJsonl(text: string, file: string): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const label = `${file}:${i + 1}`;
    try {
      out.push({ label, event: parseStructuredJson(line) });
    } catch (error) {
      out.push({ label, error: `line ${i + 1}: ${(error as Error).message}` });
    }
  });
  return out;
}

export async function readJsonlFile(file: string): Promise<RecordedEvent[]> {
  return parseJsonl(await readFile(file, 'utf8'), file);
}

export interface KafkaSource {
  topic: string;
  /** Offset to start at in every partition; the beginning when absent. */
  offset?: bigint;
}

/** `kafka://TOPIC` or `kafka://TOPIC?offset=N`. */
export function parseKafkaSource(from: string): KafkaSource | undefined {
  const match = /^kafka:\/\/([A-Za-z0-9._-]+)(?:\?offset=(\d+))?$/.exec(from);
  if (!match) return undefined;
  return { topic: match[1] ?? '', ...(match[2] !== undefined ? { offset: BigInt(match[2]) } : {}) };
}

/** The topic's records in time order (partition and offset break ties), decoded. */
export async function readKafkaTopic(
  transport: KafkaTransport,
  source: KafkaSource,
): Promise<RecordedEvent[]> {
  const records = await transport.readTopic(source.topic, source.offset);
  records.sort(
    (a, b) =>
      Number(a.timestamp) - Number(b.timestamp) ||
      a.partition - b.partition ||
      Number(BigInt(a.offset) - BigInt(b.offset)),
  );
  return records.map((record) => {
    const label = `kafka://${record.topic}/${record.partition}@${record.offset}`;
    try {
      return { label, event: decodeKafkaRecord(record) };
    } catch (error) {
      return { label, error: (error as Error).message };
    }
  });
}

/**
 * Feeds the log through the processor, compacted per object (see compactPerObject: events that do
 * not decide their object's final state count as skipped); a failing event is reported and the rest
 * go on.
 */
export async function replayEvents(
  events: readonly RecordedEvent[],
  processor: EventSink,
): Promise<ReplayReport> {
  const { kept, dropped } = compactPerObject(events);
  const report: ReplayReport = { events: events.length, skipped: dropped, effects: [], errors: [] };
  for (const recorded of kept) {
    if (!recorded.event) {
      report.errors.push({ event: recorded.label, message: recorded.error ?? 'unreadable event' });
      continue;
    }
    try {
      const result = await processor.process(recorded.event);
      if (result.outcome !== 'processed') report.skipped += 1;
      report.effects.push(...result.effects);
    } catch (error) {
      const message = error instanceof EventFormatError ? error.message : (error as Error).message;
      report.errors.push({ event: recorded.event.id, message: `${recorded.label}: ${message}` });
    }
  }
  return report;
}

export function formatReportText(report: ReplayReport): string {
  const lines = [`${report.events} events, ${report.skipped} skipped, ${report.effects.length} effects`];
  for (const e of report.effects) {
    lines.push(`  ${e.function}: ${e.op} ${describeTarget(e)}`);
  }
  for (const e of report.errors) lines.push(`error: event ${e.event}: ${e.message}`);
  return `${lines.join('\n')}\n`;
}
