import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { dataOf } from '../funder-api';

const WINDOWS = [30, 60, 90, 180, 365];
const MAX_CARNETS_PER_MOVE = 5_000;

/**
 * Carnets a structure has held for long without handing them out, beside what it handed out meanwhile:
 * the officer takes them back (a link per run of numbers) to allocate them where they are used.
 */
export function DormantStockPage() {
  usePageTitle('Stock dormant');
  const [days, setDays] = useState<number | null>(null);
  const dormant = useApiData(
    async () =>
      dataOf(
        await api.GET('/api/v1/carnets/dormant-stock', { params: { query: { limit: 200, ...(days ? { olderThanDays: days } : {}) } } }),
      ),
    [days],
  );
  return (
    <div className="fr-container fr-my-6w">
      <h1>Stock dormant</h1>
      <p>
        Les carnets attribués depuis longtemps à une structure et jamais remis à un bénéficiaire. Reprenez-les pour les attribuer là où ils
        sont utilisés.
      </p>
      <Select
        label="Attribués depuis plus de"
        nativeSelectProps={{ value: days ?? '', onChange: (event) => setDays(event.target.value ? Number(event.target.value) : null) }}
      >
        <option value="">Durée par défaut</option>
        {WINDOWS.map((window) => (
          <option key={window} value={window}>
            {window} jours
          </option>
        ))}
      </Select>
      <DataStatus state={dormant}>
        {(page) => (
          <>
            <p role="status">
              {page.total === 0
                ? `Aucun carnet dormant : toutes les structures ont remis leurs carnets attribués avant le ${frenchDate(page.allocatedBefore)}.`
                : `${page.total} ${page.total === 1 ? 'structure garde' : 'structures gardent'} des carnets attribués avant le ${frenchDate(page.allocatedBefore)} (${page.olderThanDays} jours) et jamais remis.`}
            </p>
            {page.items.map((row) => (
              <section key={row.prescriberId} aria-labelledby={`dormant-${row.prescriberId}`} className="fr-mb-4w">
                <h2 id={`dormant-${row.prescriberId}`} className="fr-h4">
                  {row.prescriberName}
                </h2>
                <p>
                  <strong>
                    {row.dormantCarnets.toLocaleString('fr-FR')} {row.dormantCarnets === 1 ? 'carnet dormant' : 'carnets dormants'}
                  </strong>{' '}
                  ({euros(row.dormantValueCents)} de chèques inutilisés), attribués depuis le {frenchDate(row.oldestAllocatedAt)}. Remis
                  depuis {page.olderThanDays} jours : {row.handedOutSinceCutoff.toLocaleString('fr-FR')} ; dernière remise :{' '}
                  {row.lastHandedOutAt ? `le ${frenchDate(row.lastHandedOutAt)}` : 'jamais'}.
                </p>
                <ul>
                  {row.runs.map((run) => (
                    <li key={run.from}>
                      {run.count === 1 ? run.from : `${run.from} à ${run.to}`} ({run.count.toLocaleString('fr-FR')}){' '}
                      {run.count <= MAX_CARNETS_PER_MOVE && (
                        <Link
                          to={`/financeur/stock?action=reprendre&structure=${row.prescriberId}&de=${run.from}&a=${run.to}#return-title`}
                        >
                          Reprendre
                          <span className="fr-sr-only">
                            {' '}
                            les carnets {run.from} à {run.to} de {row.prescriberName}
                          </span>
                        </Link>
                      )}
                    </li>
                  ))}
                  {row.runCount > row.runs.length && <li>et {row.runCount - row.runs.length} autres plages</li>}
                </ul>
              </section>
            ))}
          </>
        )}
      </DataStatus>
    </div>
  );
}
