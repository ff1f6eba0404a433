import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DataStatus } from '../../layout/DataStatus';
import { frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';

type PrintRun = components['schemas']['PrintRunViewDto'];
type PrintRunFile = components['schemas']['PrintRunFileDto'];

const STATUS_LABELS: Record<PrintRun['status'], string> = {
  queued: 'En attente',
  running: 'En cours',
  completed: 'Terminée',
  failed: 'Échouée',
};
const POLL_MS = 1000;
/** The order part of a carnet number, `2026-0042` in `2026-0042-000123`. */
const orderPartOf = (carnetNumber: string) => carnetNumber.split('-').slice(0, 2).join('-');
const fileSize = (bytes: number) =>
  bytes < 1_048_576
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} ko`
    : `${(bytes / 1_048_576).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

function FileLinks({ files }: { files: PrintRunFile[] }) {
  return (
    <ul>
      {files.map((file) => (
        <li key={file.index}>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={file.downloadUrl} download>
            Télécharger {file.fileName} (carnets {file.firstCarnetNumber} à {file.lastCarnetNumber}, {fileSize(file.bytes)})
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Printing many carnets at once (a new batch from the funder, a reprint): the server renders them by a
 * job into PDF files; the page follows its progress by asking every second, and each file can be
 * downloaded as soon as it is finished.
 */
export function PrintRunsPage() {
  usePageTitle('Impressions par lot');
  const [historyVersion, setHistoryVersion] = useState(0);
  const held = useApiData(async () => {
    const answer = await api.GET('/api/v1/carnets', { params: { query: { status: 'allocated', limit: 200 } } });
    if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
    return answer.data;
  }, []);
  const history = useApiData(async () => {
    const answer = await api.GET('/api/v1/print-runs', { params: { query: { limit: 20 } } });
    if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
    return answer.data;
  }, [historyVersion]);
  const [orderId, setOrderId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [run, setRun] = useState<PrintRun | null>(null);

  const running = run && (run.status === 'queued' || run.status === 'running');
  useEffect(() => {
    if (!run || !running) return;
    const timer = setTimeout(async () => {
      const answer = await api.GET('/api/v1/print-runs/{id}', { params: { path: { id: run.id } } });
      if (answer.data) {
        setRun(answer.data);
        if (answer.data.status === 'completed' || answer.data.status === 'failed') setHistoryVersion((version) => version + 1);
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run]);

  const orders = new Map<string, { orderPart: string; count: number }>();
  if (held.status === 'ready') {
    for (const carnet of held.data.items) {
      const entry = orders.get(carnet.orderId) ?? { orderPart: orderPartOf(carnet.number), count: 0 };
      entry.count += 1;
      orders.set(carnet.orderId, entry);
    }
  }
  const chosenOrder = orderId || orders.keys().next().value || '';

  async function request(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!chosenOrder || held.status !== 'ready') return setProblem('Votre structure n’a aucun carnet en stock à imprimer.');
    let body: { orderId: string } | { carnetIds: string[] } = { orderId: chosenOrder };
    if (from.trim() || to.trim()) {
      const ids = held.data.items
        .filter(
          (carnet) =>
            carnet.orderId === chosenOrder && (!from.trim() || carnet.number >= from.trim()) && (!to.trim() || carnet.number <= to.trim()),
        )
        .map((carnet) => carnet.id);
      if (ids.length === 0) return setProblem('Aucun carnet en stock de cette commande entre ces numéros.');
      body = { carnetIds: ids };
    }
    const answer = await api.POST('/api/v1/print-runs', { body });
    if (answer.data) {
      setRun(answer.data);
      setHistoryVersion((version) => version + 1);
    } else setProblem('L’impression n’a pas pu être lancée. Réessayez.');
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Impressions par lot</h1>
      <p>
        Pour imprimer d’avance plusieurs carnets de votre stock. Un carnet remis à une personne s’imprime aussi seul, depuis la page de
        remise.
      </p>
      <section aria-labelledby="new-print-run" className="fr-mb-6w">
        <h2 id="new-print-run">Nouvelle impression</h2>
        <DataStatus state={held}>
          {() =>
            orders.size === 0 ? (
              <p>Votre structure n’a aucun carnet en stock à imprimer.</p>
            ) : (
              <form onSubmit={request} noValidate>
                <Select
                  label="Commande"
                  hint="Tous les carnets de la commande que détient votre structure, en stock ou déjà remis."
                  nativeSelectProps={{ value: chosenOrder, onChange: (event) => setOrderId(event.target.value) }}
                >
                  {[...orders.entries()].map(([id, entry]) => (
                    <option key={id} value={id}>
                      Commande {entry.orderPart} — {entry.count} carnet{entry.count > 1 ? 's' : ''} en stock
                    </option>
                  ))}
                </Select>
                <p className="fr-hint-text">Ou seulement les carnets en stock entre deux numéros (facultatif) :</p>
                <div className="fr-grid-row fr-grid-row--gutters">
                  <div className="fr-col-12 fr-col-md-6">
                    <Input
                      label="Du numéro"
                      hintText="Par exemple 2026-0042-000001."
                      nativeInputProps={{ value: from, autoComplete: 'off', onChange: (event) => setFrom(event.target.value) }}
                    />
                  </div>
                  <div className="fr-col-12 fr-col-md-6">
                    <Input
                      label="Au numéro"
                      hintText="Par exemple 2026-0042-000050."
                      nativeInputProps={{ value: to, autoComplete: 'off', onChange: (event) => setTo(event.target.value) }}
                    />
                  </div>
                </div>
                {problem && <Alert className="fr-mb-2w" severity="error" small description={problem} />}
                <button type="submit" className="fr-btn" disabled={Boolean(running)}>
                  Lancer l’impression
                </button>
              </form>
            )
          }
        </DataStatus>
      </section>

      {run && (
        <section aria-labelledby="current-print-run" className="fr-mb-6w">
          <h2 id="current-print-run">Impression en cours</h2>
          <label htmlFor="print-progress" className="fr-label">
            Avancement
          </label>
          <progress id="print-progress" max={100} value={run.progressPercent} className="fr-mb-1w" style={{ width: '100%' }} />
          <p role="status">
            {STATUS_LABELS[run.status]} : {run.carnetsDone} carnet{run.carnetsDone > 1 ? 's' : ''} sur {run.carnetCount} (
            {run.progressPercent} %)
            {run.status === 'completed' && ' — les fichiers sont prêts.'}
          </p>
          {run.status === 'failed' && (
            <Alert
              severity="error"
              small
              description={`L’impression a échoué${run.failureReason ? ` : ${run.failureReason}` : ''}. Relancez-la.`}
            />
          )}
          {run.files.length > 0 && <FileLinks files={run.files} />}
        </section>
      )}

      <section aria-labelledby="print-run-history">
        <h2 id="print-run-history">Impressions précédentes</h2>
        <DataStatus state={history}>
          {(runs) =>
            runs.total === 0 ? (
              <p>Aucune impression par lot pour l’instant.</p>
            ) : (
              <Table
                caption="Impressions précédentes de votre structure"
                noCaption
                headers={['Demandée le', 'Carnets', 'État', 'Fichiers']}
                data={runs.items.map((previous) => [
                  frenchDate(previous.createdAt),
                  String(previous.carnetCount),
                  STATUS_LABELS[previous.status],
                  previous.files.length === 0 ? '—' : <FileLinks key={previous.id} files={previous.files} />,
                ])}
              />
            )
          }
        </DataStatus>
      </section>
    </div>
  );
}
