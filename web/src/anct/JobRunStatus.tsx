import { label } from '../layout/labels';
import { JOB_STATUS_LABELS } from './anct-labels';
import { duration, frenchDateTime } from './back-office';
import type { components } from '../api/schema';

export type JobRun = components['schemas']['JobRunDto'];

export const isLive = (run: JobRun) => run.status === 'queued' || run.status === 'running';

/** One run's state in a sentence: queued, running since…, completed in…, failed with its error. */
export function jobRunSentence(run: JobRun): string {
  switch (run.status) {
    case 'queued':
      return `En attente depuis le ${frenchDateTime(run.createdAt)}…`;
    case 'running':
      return `En cours depuis le ${frenchDateTime(run.startedAt)}…`;
    case 'completed':
      return `Terminé le ${frenchDateTime(run.finishedAt)} en ${duration(run.startedAt, run.finishedAt)}.`;
    case 'failed':
      return `En échec le ${frenchDateTime(run.finishedAt)} : ${run.error ?? 'erreur inconnue'}.`;
    default:
      return label(JOB_STATUS_LABELS, run.status);
  }
}

/** The summary a run left (counts, amounts), as `key : value` pairs. */
export function summaryText(summary: unknown): string {
  if (!summary || typeof summary !== 'object') return '—';
  return Object.entries(summary as Record<string, unknown>)
    .map(([key, value]) => `${key} : ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}
