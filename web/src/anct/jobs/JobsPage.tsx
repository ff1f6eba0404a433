import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DataStatus } from '../../layout/DataStatus';
import { label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { JOB_KIND_LABELS, JOB_STATUS_LABELS, JOB_TRIGGER_LABELS } from '../anct-labels';
import { attempt, duration, frenchDateTime, type Notice, NoticeArea, usePolling, useReload } from '../back-office';
import { isLive, summaryText } from '../JobRunStatus';

type JobKind = components['schemas']['JobRunDto']['kind'];

const MANUAL_RUNS: { kind: JobKind; text: string; start: () => Promise<{ error?: unknown; response: Response }> }[] = [
  { kind: 'expiry', text: 'Lancer l’expiration des chèques', start: () => api.POST('/api/v1/expiry-runs') },
  { kind: 'state_share', text: 'Calculer la part de l’État', start: () => api.POST('/api/v1/state-share-runs') },
  { kind: 'reconciliation', text: 'Lancer un rapprochement', start: () => api.POST('/api/v1/reconciliation-runs') },
];

/**
 * The background work: scheduled and manual runs (statements, expiry, State share, reconciliation) with
 * their state, duration and errors; order generation, the funders' and prescribers' print runs, funding
 * reports and venue imports; and the way to the queue dashboard.
 */
export function JobsPage() {
  usePageTitle('Traitements');
  const [kind, setKind] = useState<JobKind | ''>('');
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const runs = useApiData(async () => {
    const answer = await api.GET('/api/v1/job-runs', { params: { query: { ...(kind ? { kind } : {}), limit: 50, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [kind, reload]);
  const generation = useApiData(async () => {
    const ordersWith = async (status: 'paid' | 'generating') => {
      const answer = await api.GET('/api/v1/orders', { params: { query: { status, limit: 50, offset: 0 } } });
      if (!answer.data) throw answer.error;
      return answer.data.items;
    };
    const [paid, generating] = await Promise.all([ordersWith('paid'), ordersWith('generating')]);
    return [...paid, ...generating];
  }, [reload]);
  const printRuns = useApiData(async () => {
    const answer = await api.GET('/api/v1/print-runs', { params: { query: { limit: 20, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [reload]);
  const reports = useApiData(async () => {
    const answer = await api.GET('/api/v1/funding-reports', { params: { query: { limit: 20, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [reload]);
  const imports = useApiData(async () => {
    const answer = await api.GET('/api/v1/venue-imports', { params: { query: { limit: 20, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [reload]);
  const live =
    (runs.status === 'ready' && runs.data.items.some(isLive)) ||
    (generation.status === 'ready' && generation.data.length > 0) ||
    (printRuns.status === 'ready' && printRuns.data.items.some((run) => run.status === 'queued' || run.status === 'running')) ||
    (reports.status === 'ready' && reports.data.items.some((report) => report.status === 'queued' || report.status === 'running')) ||
    (imports.status === 'ready' && imports.data.items.some((run) => run.status === 'queued' || run.status === 'running'));
  usePolling(live, bump, 2000);
  const done = (text: Notice) => {
    setNotice(text);
    if (text.severity === 'success') bump();
  };

  return (
    <div className="fr-container fr-my-6w">
      <h1>Traitements</h1>
      <p>
        Les traitements planifiés tournent chaque nuit ; chacun peut aussi être lancé à la main. Le détail des files d’attente (tentatives,
        erreurs techniques) est dans le <a href="/admin/queues">tableau de bord des files d’attente</a>.
      </p>
      <NoticeArea notice={notice} />
      <ul className="fr-btns-group fr-btns-group--inline">
        {MANUAL_RUNS.map((run) => (
          <li key={run.kind}>
            <button
              type="button"
              className="fr-btn fr-btn--secondary"
              onClick={() => attempt(run.start, `${label(JOB_KIND_LABELS, run.kind)} : traitement demandé.`, done)}
            >
              {run.text}
            </button>
          </li>
        ))}
        <li>
          <Link className="fr-btn fr-btn--secondary" to="/anct/remboursements">
            Établir les relevés
          </Link>
        </li>
      </ul>

      <h2>Traitements planifiés et manuels</h2>
      <Select
        label="Sorte de traitement"
        nativeSelectProps={{ value: kind, onChange: (event) => setKind(event.target.value as JobKind | '') }}
      >
        <option value="">Toutes</option>
        {Object.entries(JOB_KIND_LABELS).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
      <DataStatus state={runs}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucun traitement.</p>
          ) : (
            <Table
              caption="Derniers traitements"
              noCaption
              headers={['Traitement', 'Déclenchement', 'Demandé le', 'État', 'Durée', 'Tentatives', 'Résultat ou erreur']}
              data={data.items.map((run) => [
                run.kind === 'reconciliation' ? (
                  <Link key={run.id} to={`/anct/rapprochement/${run.id}`}>
                    {label(JOB_KIND_LABELS, run.kind)}
                  </Link>
                ) : (
                  label(JOB_KIND_LABELS, run.kind)
                ),
                label(JOB_TRIGGER_LABELS, run.trigger),
                frenchDateTime(run.createdAt),
                <span key="status" role={isLive(run) ? 'status' : undefined}>
                  {label(JOB_STATUS_LABELS, run.status)}
                </span>,
                isLive(run)
                  ? `depuis ${duration(run.startedAt ?? run.createdAt, new Date().toISOString())}`
                  : duration(run.startedAt, run.finishedAt),
                run.attempts,
                run.error ? `Erreur : ${run.error}` : run.status === 'completed' ? summaryText(run) : '—',
              ])}
            />
          )
        }
      </DataStatus>

      <h2 className="fr-mt-4w">Génération des commandes</h2>
      <DataStatus state={generation}>
        {(orders) =>
          orders.length === 0 ? (
            <p>Aucune commande en cours de génération.</p>
          ) : (
            <Table
              caption="Commandes en cours de génération"
              noCaption
              headers={['Commande', 'Carnets générés', 'Chèques générés']}
              data={orders.map((order) => [
                <Link key={order.id} to={`/anct/commandes/${order.id}`}>
                  {order.number}
                </Link>,
                `${order.generation.doneCarnets} / ${order.generation.totalCarnets}`,
                `${order.generation.doneVouchers} / ${order.generation.totalVouchers}`,
              ])}
            />
          )
        }
      </DataStatus>

      <h2 className="fr-mt-4w">Impressions de carnets</h2>
      <p>Les impressions par lot demandées par les financeurs et les prescripteurs ; seul le demandeur télécharge les fichiers.</p>
      <DataStatus state={printRuns}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucune impression demandée.</p>
          ) : (
            <Table
              caption="Dernières impressions de carnets"
              noCaption
              headers={['Demandeur', 'Demandée le', 'État', 'Carnets imprimés', 'Fichiers', 'Durée', 'Erreur']}
              data={data.items.map((run) => [
                <Link key={run.id} to={`/anct/organisations/${run.organisationId}`}>
                  {run.organisationName}
                </Link>,
                frenchDateTime(run.createdAt),
                <span key="status" role={run.status === 'queued' || run.status === 'running' ? 'status' : undefined}>
                  {label(JOB_STATUS_LABELS, run.status)}
                </span>,
                `${run.carnetsDone} / ${run.carnetCount}`,
                run.files.length,
                duration(run.startedAt, run.finishedAt),
                run.failureReason ?? '—',
              ])}
            />
          )
        }
      </DataStatus>

      <h2 className="fr-mt-4w">Rapports de financement</h2>
      <DataStatus state={reports}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucun rapport demandé.</p>
          ) : (
            <Table
              caption="Derniers rapports de financement"
              noCaption
              headers={['Demandé le', 'État', 'Durée', 'Erreur']}
              data={data.items.map((report) => [
                frenchDateTime(report.createdAt),
                label(JOB_STATUS_LABELS, report.status),
                duration(report.startedAt, report.finishedAt),
                report.error ?? '—',
              ])}
            />
          )
        }
      </DataStatus>

      <h2 className="fr-mt-4w">Imports de lieux</h2>
      <DataStatus state={imports}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucun import de lieux.</p>
          ) : (
            <Table
              caption="Derniers imports de lieux"
              noCaption
              headers={['Fichier', 'Demandé le', 'État', 'Lignes', 'Créés / mis à jour / rejetés', 'Erreur']}
              data={data.items.map((run) => [
                String(run.fileName ?? '—'),
                frenchDateTime(run.createdAt),
                label(JOB_STATUS_LABELS, run.status),
                `${run.processedLines} / ${run.totalLines ?? '?'}`,
                `${run.createdCount} / ${run.updatedCount} / ${Array.isArray(run.rejectedLines) ? run.rejectedLines.length : 0}`,
                run.error ? String(run.error) : '—',
              ])}
            />
          )
        }
      </DataStatus>
    </div>
  );
}
