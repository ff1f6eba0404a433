import { euros, frenchDate, label } from '../layout/labels';
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

/** What a finished run did, in French, from the summary its kind leaves (see each service's run method). */
export function summaryText(run: JobRun): string {
  const summary = (run.summary ?? {}) as Record<string, unknown>;
  const count = (key: string) => Number(summary[key] ?? 0);
  switch (run.kind) {
    case 'reimbursement_statements':
      return `${count('statementsCreated')} relevé(s), ${count('redemptionsClaimed')} chèque(s), ${euros(count('totalCents'))} jusqu’au ${frenchDate(String(summary.periodEnd ?? ''))}`;
    case 'reconciliation':
      return `${count('checks')} contrôles, ${count('anomalies')} anomalie(s)`;
    case 'state_share':
      return `${count('pairs')} financeur(s) et programme(s), part due modifiée de ${euros(count('netDeltaCents'))}, encaissements comptés jusqu’au ${frenchDateTime(String(summary.countedUpTo ?? ''))}`;
    case 'expiry':
      return `${count('vouchersExpired')} chèque(s) et ${count('carnetsExpired')} carnet(s) expirés, ${count('creditNotes')} avoir(s) pour ${euros(count('creditNoteCents'))}`;
    default:
      return '—';
  }
}
