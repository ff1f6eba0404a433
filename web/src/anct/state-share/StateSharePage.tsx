import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { attempt, centsOf, frenchDateTime, type Notice, NoticeArea, parisToday, percentOf, usePolling, useReload } from '../back-office';
import { FieldsForm } from '../FieldsForm';
import { isLive, jobRunSentence } from '../JobRunStatus';

/** The State's share per funder of a programme: due, paid, outstanding; its computation run; a payment recorded. */
export function StateSharePage() {
  usePageTitle('Part de l’État');
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [programmeId, setProgrammeId] = useState('');
  const programmes = useApiData(async () => {
    const answer = await api.GET('/api/v1/programmes', { params: { query: { limit: 100, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data.items;
  }, []);
  useEffect(() => {
    if (!programmeId && programmes.status === 'ready' && programmes.data[0]) setProgrammeId(programmes.data[0].id);
  }, [programmes.status]);
  const shares = useApiData(async () => {
    if (!programmeId) return null;
    const answer = await api.GET('/api/v1/state-share', { params: { query: { programmeId, limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [programmeId, reload]);
  const runs = useApiData(async () => {
    const answer = await api.GET('/api/v1/job-runs', { params: { query: { kind: 'state_share', limit: 1, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data.items;
  }, [reload]);
  const lastRun = runs.status === 'ready' ? runs.data[0] : undefined;
  usePolling(Boolean(lastRun && isLive(lastRun)), bump);
  const done = (text: Notice) => {
    setNotice(text);
    if (text.severity === 'success') bump();
  };

  return (
    <div className="fr-container fr-my-6w">
      <h1>Part de l’État</h1>
      <NoticeArea notice={notice} />
      <DataStatus state={programmes}>
        {(list) => (
          <Select label="Programme" nativeSelectProps={{ value: programmeId, onChange: (event) => setProgrammeId(event.target.value) }}>
            {list.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.name}
              </option>
            ))}
          </Select>
        )}
      </DataStatus>
      <p>
        Le calcul de la part due est fait chaque nuit ; vous pouvez le relancer maintenant.{' '}
        {lastRun && <span role="status">Dernier calcul : {jobRunSentence(lastRun)}</span>}
      </p>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-mb-3w"
        onClick={() => attempt(() => api.POST('/api/v1/state-share-runs'), 'Calcul de la part de l’État demandé.', done)}
      >
        Calculer la part due maintenant
      </button>
      <DataStatus state={shares}>
        {(data) =>
          !data || data.items.length === 0 ? (
            <p>Aucun financeur inscrit à ce programme.</p>
          ) : (
            <>
              <Table
                caption="Part de l’État due et versée, par financeur"
                headers={['Financeur', 'Taux', 'Plafond', 'Valeur encaissée', 'Due', 'Versée', 'Reste à verser', 'Compté jusqu’au']}
                data={data.items.map((share) => [
                  share.funderName,
                  `${percentOf(share.rateBp)} %`,
                  euros(share.capCents),
                  euros(share.redeemedValueCents),
                  euros(share.dueRecordedCents),
                  euros(share.paidCents),
                  euros(share.outstandingCents),
                  share.countedUpTo ? frenchDateTime(share.countedUpTo) : '—',
                ])}
              />
              <h2 className="fr-mt-4w">Enregistrer un versement de l’État</h2>
              <FieldsForm
                submitLabel="Enregistrer le versement"
                initial={{ paidOn: parisToday() }}
                fields={[
                  {
                    key: 'funderId',
                    label: 'Financeur',
                    options: Object.fromEntries(
                      data.items.map((share) => [share.funderId, `${share.funderName} (reste ${euros(share.outstandingCents)})`]),
                    ),
                  },
                  {
                    key: 'amount',
                    label: 'Montant versé (€)',
                    check: (value) => (centsOf(value) ? null : 'Un montant en euros, par exemple 125,00.'),
                  },
                  { key: 'paidOn', label: 'Versé le', type: 'date' },
                  { key: 'reference', label: 'Référence du versement' },
                ]}
                onSubmit={({ funderId, amount, paidOn, reference }) => {
                  const amountCents = centsOf(amount);
                  // The field's check already refuses a value that is not an amount: nothing is sent then.
                  if (amountCents === null) return Promise.resolve(false);
                  return attempt(
                    () =>
                      api.POST('/api/v1/state-share-payments', {
                        body: { programmeId, funderId, amountCents, paidOn, reference },
                      }),
                    `Versement de ${euros(amountCents)} enregistré le ${frenchDate(paidOn)}.`,
                    done,
                  );
                }}
              />
            </>
          )
        }
      </DataStatus>
    </div>
  );
}
