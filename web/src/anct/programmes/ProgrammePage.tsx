import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { PROGRAMME_STATUS_LABELS } from '../anct-labels';
import { attempt, centsOf, type Notice, NoticeArea, useReload } from '../back-office';
import { nameIn, useOrganisationNames } from '../useFunders';
import { ProgrammeForm } from './ProgrammeForm';

/** One programme: its parameters to edit, open or close it, and the funders enrolled with their envelope. */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const programme = useApiData(async () => {
    const answer = await api.GET('/api/v1/programmes/{id}', { params: { path: { id } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  const enrolments = useApiData(async () => {
    const answer = await api.GET('/api/v1/programmes/{id}/enrolments', { params: { path: { id }, query: { limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  const funders = useOrganisationNames('funder');
  usePageTitle(programme.status === 'ready' ? `Programme ${programme.data.name}` : 'Programme');

  return (
    <div className="fr-container fr-my-6w">
      <DataStatus state={programme}>
        {(data) => (
          <>
            <h1>{data.name}</h1>
            <p>
              Statut : <strong>{PROGRAMME_STATUS_LABELS[data.status]}</strong> · chèques valables jusqu’au {frenchDate(data.validUntil)}
            </p>
            <NoticeArea notice={notice} />
            <button
              type="button"
              className="fr-btn fr-btn--secondary fr-mb-4w"
              onClick={async () => {
                const status = data.status === 'open' ? 'closed' : 'open';
                if (
                  await attempt(
                    () => api.PATCH('/api/v1/programmes/{id}', { params: { path: { id } }, body: { status } as never }),
                    status === 'closed' ? 'Programme clos : il n’accepte plus de commande.' : 'Programme rouvert.',
                    setNotice,
                  )
                )
                  bump();
              }}
            >
              {data.status === 'open' ? 'Clore le programme' : 'Rouvrir le programme'}
            </button>

            <h2>Financeurs inscrits</h2>
            <DataStatus state={enrolments}>
              {(list) =>
                list.items.length === 0 ? (
                  <p>Aucun financeur inscrit.</p>
                ) : (
                  <Table
                    caption="Financeurs inscrits et leur enveloppe de part de l’État"
                    noCaption
                    headers={['Financeur', 'Enveloppe', 'Réservé par les commandes', 'Disponible', 'Inscrit le']}
                    data={list.items.map((enrolment) => [
                      nameIn(funders.status === 'ready' ? funders.data : undefined, enrolment.funderId),
                      euros(enrolment.envelopeCents),
                      euros(enrolment.reservedCents),
                      euros(enrolment.remainingCents),
                      frenchDate(enrolment.createdAt as unknown as string),
                    ])}
                  />
                )
              }
            </DataStatus>
            <EnrolForm
              programmeId={id}
              defaultCapCents={data.defaultFunderCapCents}
              funders={(funders.status === 'ready' ? funders.data : []).filter(
                (funder) => enrolments.status !== 'ready' || !enrolments.data.items.some((enrolment) => enrolment.funderId === funder.id),
              )}
              onDone={(text) => {
                setNotice(text);
                if (text.severity === 'success') bump();
              }}
            />

            <h2 className="fr-mt-6w">Paramètres</h2>
            <p>Les commandes déjà créées gardent leurs montants ; les chèques déjà générés gardent leur date de fin de validité.</p>
            <ProgrammeForm
              key={data.updatedAt as unknown as string}
              programme={data}
              submitLabel="Enregistrer les paramètres"
              onSave={async (fields) => {
                const ok = await attempt(
                  () => api.PATCH('/api/v1/programmes/{id}', { params: { path: { id } }, body: fields }),
                  'Paramètres enregistrés.',
                  setNotice,
                );
                if (ok) bump();
                return ok;
              }}
            />
          </>
        )}
      </DataStatus>
    </div>
  );
}

function EnrolForm({
  programmeId,
  defaultCapCents,
  funders,
  onDone,
}: {
  programmeId: string;
  defaultCapCents: number;
  funders: { id: string; name: string }[];
  onDone: (notice: Notice) => void;
}) {
  const [funderId, setFunderId] = useState('');
  const [envelope, setEnvelope] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const envelopeCents = envelope.trim() === '' ? undefined : centsOf(envelope);
    if (!funderId) return setProblem('Choisissez un financeur.');
    if (envelopeCents === null) return setProblem('L’enveloppe est un montant en euros.');
    setProblem(null);
    if (
      await attempt(
        () => api.POST('/api/v1/programmes/{id}/enrolments', { params: { path: { id: programmeId } }, body: { funderId, envelopeCents } }),
        'Financeur inscrit.',
        onDone,
      )
    ) {
      setFunderId('');
      setEnvelope('');
    }
  }
  return (
    <form onSubmit={submit} noValidate className="fr-mt-2w">
      <h3 className="fr-h5">Inscrire un financeur</h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Financeur"
            state={problem && !funderId ? 'error' : 'default'}
            stateRelatedMessage={problem && !funderId ? problem : undefined}
            nativeSelectProps={{ value: funderId, onChange: (event) => setFunderId(event.target.value) }}
          >
            <option value="">Choisir un financeur</option>
            {funders.map((funder) => (
              <option key={funder.id} value={funder.id}>
                {funder.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Enveloppe de part de l’État (€)"
            hintText={`Laisser vide pour le plafond du programme (${euros(defaultCapCents)}).`}
            state={problem && funderId ? 'error' : 'default'}
            stateRelatedMessage={problem && funderId ? problem : undefined}
            nativeInputProps={{ value: envelope, inputMode: 'decimal', onChange: (event) => setEnvelope(event.target.value) }}
          />
        </div>
      </div>
      <button type="submit" className="fr-btn">
        Inscrire le financeur
      </button>
    </form>
  );
}
