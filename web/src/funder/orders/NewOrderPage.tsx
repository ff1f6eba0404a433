import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { isNonEmpty, type NonEmpty } from '../../layout/non-empty';
import { usePageTitle } from '../../layout/usePageTitle';
import { dataOf, errorCode, type ProgrammeView } from '../funder-api';
import { quoteTyped } from './order-quote';

/** Départements typed as "69, 01 2A": the codes, upper case, separated by commas or spaces. */
function departementsOf(typed: string): string[] {
  return typed
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

/** The order form: the amounts are computed as the officer types, with the rules the server applies. */
export function NewOrderPage() {
  usePageTitle('Nouvelle commande');
  const [search] = useSearchParams();
  const programmes = useApiData(
    async () =>
      dataOf(await api.GET('/api/v1/programmes', { params: { query: { limit: 200 } } })).items.filter(
        (programme) => programme.status === 'open',
      ),
    [],
  );
  return (
    <div className="fr-container fr-my-6w">
      <h1>Nouvelle commande de carnets</h1>
      <DataStatus state={programmes}>
        {(open) =>
          isNonEmpty(open) ? (
            <OrderForm programmes={open} initialProgrammeId={search.get('programme') ?? open[0].id} />
          ) : (
            <p>Aucun programme ouvert aux commandes pour votre collectivité.</p>
          )
        }
      </DataStatus>
    </div>
  );
}

/** The largest carnet size a programme allows, proposed first (a programme allows at least one size: checked when it is created). */
function largestSize(programme: ProgrammeView): number {
  const size = programme.allowedCarnetSizes.at(-1);
  if (size === undefined) throw new Error(`Le programme « ${programme.name} » n’autorise aucune taille de carnet.`);
  return size;
}

function OrderForm({ programmes, initialProgrammeId }: { programmes: NonEmpty<ProgrammeView>; initialProgrammeId: string }) {
  const navigate = useNavigate();
  const [programmeId, setProgrammeId] = useState(
    programmes.some((programme) => programme.id === initialProgrammeId) ? initialProgrammeId : programmes[0].id,
  );
  // programmeId is always one of `programmes` (the select only offers them).
  const programme = programmes.find((candidate) => candidate.id === programmeId) ?? programmes[0];
  const [carnetSize, setCarnetSize] = useState(() => largestSize(programme));
  const [typedCount, setTypedCount] = useState('');
  const [personalisation, setPersonalisation] = useState('');
  const [territory, setTerritory] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const quote = quoteTyped(programme, typedCount, carnetSize);
  const countProblem =
    quote.state !== 'priced' ? (quote.problem ?? (submitted ? 'Saisissez le nombre de carnets à commander.' : null)) : null;

  function chooseProgramme(id: string) {
    const chosen = programmes.find((candidate) => candidate.id === id);
    if (!chosen) return;
    setProgrammeId(id);
    if (!chosen.allowedCarnetSizes.includes(carnetSize)) setCarnetSize(largestSize(chosen));
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (quote.state !== 'priced' || sending) return;
    setSending(true);
    try {
      const departements = departementsOf(territory);
      const created = await api.POST('/api/v1/orders', {
        body: {
          programmeId,
          carnetCount: Number(typedCount.replace(/\s/g, '')),
          carnetSize,
          ...(personalisation.trim() ? { personalisationText: personalisation.trim() } : {}),
          ...(departements.length > 0 ? { territoryDepartements: departements } : {}),
        },
      });
      if (!created.data) {
        setFailure(
          errorCode(created.error) === 'VALIDATION_FAILED'
            ? 'La commande n’a pas été acceptée : vérifiez les codes de département (par exemple 69, 2A ou 974) et le texte du carnet.'
            : 'La commande n’a pas été acceptée : les règles du programme ou votre enveloppe ont peut-être changé. Rechargez la page.',
        );
        return;
      }
      // Created as a draft, then sent to ANCT; if sending fails, the order page offers to send it again.
      await api.POST('/api/v1/orders/{id}/submit', { params: { path: { id: created.data.id } } });
      void navigate(`/financeur/commandes/${created.data.id}`);
    } catch {
      setFailure('La connexion a échoué. Vérifiez dans vos commandes si celle-ci a été créée avant de recommencer.');
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={send} noValidate>
      <Select label="Programme" nativeSelectProps={{ value: programmeId, onChange: (event) => chooseProgramme(event.target.value) }}>
        {programmes.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} ({candidate.year})
          </option>
        ))}
      </Select>
      <RadioButtons
        legend="Chèques par carnet"
        name="carnetSize"
        orientation="horizontal"
        options={programme.allowedCarnetSizes.map((size) => ({
          label: `${size} chèques de ${euros(programme.faceValueCents)}`,
          nativeInputProps: { value: String(size), checked: carnetSize === size, onChange: () => setCarnetSize(size) },
        }))}
      />
      <Input
        label="Nombre de carnets"
        hintText={`Commande minimale du programme : ${euros(programme.minimumOrderCents)} en valeur des chèques.`}
        state={countProblem ? 'error' : 'default'}
        stateRelatedMessage={countProblem ?? undefined}
        nativeInputProps={{
          inputMode: 'numeric',
          autoComplete: 'off',
          value: typedCount,
          onChange: (event) => setTypedCount(event.target.value),
        }}
      />
      <section aria-labelledby="order-amounts" className="fr-mb-4w">
        <h2 id="order-amounts" className="fr-h4">
          Montants de la commande
        </h2>
        <div aria-live="polite">
          {quote.state === 'priced' ? (
            <Table
              caption="Calculés avec les règles du programme, comme l’ANCT les appliquera"
              noCaption
              headers={['Montant', 'Valeur']}
              data={[
                ['Valeur des chèques', euros(quote.price.faceValueTotalCents.toString())],
                ['Frais de gestion', euros(quote.price.feeCents.toString())],
                ['Total à payer', <strong>{euros(quote.price.totalDueCents.toString())}</strong>],
                [
                  'Part maximale de l’État',
                  `${euros(quote.price.maxStateShareCents.toString())}${quote.price.maxStateShareCents < quote.price.stateShareAtRateCents ? ' (limitée par ce qui reste de votre enveloppe)' : ''}`,
                ],
              ]}
            />
          ) : (
            <p>Les montants s’affichent dès que le nombre de carnets respecte les règles du programme.</p>
          )}
        </div>
        <p className="fr-text--sm">
          La part de l’État est versée sur la valeur des chèques effectivement utilisés, au plus ce montant. Reste de votre enveloppe sur ce
          programme : {euros(programme.enrolment?.remainingCents ?? 0)}.
        </p>
      </section>
      <Input
        label="Texte imprimé sur la couverture (facultatif)"
        hintText="120 caractères au plus, par exemple « Offert par le Département du Rhône »."
        nativeInputProps={{ maxLength: 120, value: personalisation, onChange: (event) => setPersonalisation(event.target.value) }}
      />
      <Input
        label="Départements où les chèques sont acceptés (facultatif)"
        hintText="Codes séparés par des virgules, par exemple 69, 01. Vide : partout en France."
        nativeInputProps={{ autoComplete: 'off', value: territory, onChange: (event) => setTerritory(event.target.value) }}
      />
      {failure && <Alert severity="error" small description={failure} className="fr-mb-3w" />}
      <Button type="submit" disabled={sending}>
        Envoyer la commande à l’ANCT
      </Button>
    </form>
  );
}
