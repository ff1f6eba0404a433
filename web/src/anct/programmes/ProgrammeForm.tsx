import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import type { components } from '../../api/schema';
import { bpOf, centsOf, percentOf, typedEuros } from '../back-office';

type Programme = components['schemas']['ProgrammeDto'];
export type ProgrammeFields = components['schemas']['CreateProgrammeDto'];

/** The form's fields as typed: euros and percentages, as a person reads them. */
interface Typed {
  name: string;
  year: string;
  validUntil: string;
  faceValue: string;
  carnetSizes: string;
  stateRate: string;
  funderCap: string;
  minimumOrder: string;
  feeRate: string;
  graceDays: string;
  targetPublicRate: string;
  offlineCeiling: string;
}

function typedFrom(programme: Programme | undefined): Typed {
  return {
    name: programme?.name ?? '',
    year: String(programme?.year ?? new Date().getFullYear()),
    validUntil: programme?.validUntil ?? '',
    faceValue: typedEuros(programme?.faceValueCents ?? 1000),
    carnetSizes: (programme?.allowedCarnetSizes ?? [5, 10]).join(', '),
    stateRate: percentOf(programme?.stateShareRateBp ?? 5000),
    funderCap: typedEuros(programme?.defaultFunderCapCents ?? 300_000_000),
    minimumOrder: typedEuros(programme?.minimumOrderCents ?? 1_000_000),
    feeRate: percentOf(programme?.operatorFeeRateBp ?? 400),
    graceDays: String(programme?.graceDays ?? 31),
    targetPublicRate: percentOf(programme?.targetPublicMinRateBp ?? 5000),
    offlineCeiling: typedEuros(programme?.offlineValueCeilingCents ?? 50_000),
  };
}

type Problems = Partial<Record<keyof Typed, string>>;

function parse(typed: Typed): { fields: ProgrammeFields | null; problems: Problems } {
  const problems: Problems = {};
  const year = Number(typed.year);
  if (typed.name.trim().length < 2) problems.name = 'Donnez un nom au programme.';
  if (!Number.isInteger(year) || year < 2019 || year > 2100) problems.year = 'Une année entre 2019 et 2100.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed.validUntil)) problems.validUntil = 'Choisissez la date de fin de validité.';
  const faceValueCents = centsOf(typed.faceValue);
  if (!faceValueCents) problems.faceValue = 'Un montant en euros, par exemple 10,00.';
  const sizes = typed.carnetSizes
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1) || new Set(sizes).size !== sizes.length)
    problems.carnetSizes = 'Des nombres entiers distincts séparés par des virgules, par exemple 5, 10.';
  const stateShareRateBp = bpOf(typed.stateRate);
  if (stateShareRateBp === null) problems.stateRate = 'Un pourcentage entre 0 et 100.';
  const defaultFunderCapCents = centsOf(typed.funderCap);
  if (defaultFunderCapCents === null) problems.funderCap = 'Un montant en euros.';
  const minimumOrderCents = centsOf(typed.minimumOrder);
  if (minimumOrderCents === null) problems.minimumOrder = 'Un montant en euros (0 pour aucun minimum).';
  const operatorFeeRateBp = bpOf(typed.feeRate);
  if (operatorFeeRateBp === null) problems.feeRate = 'Un pourcentage entre 0 et 100.';
  const graceDays = Number(typed.graceDays);
  if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > 366) problems.graceDays = 'Un nombre de jours entre 0 et 366.';
  const targetPublicMinRateBp = bpOf(typed.targetPublicRate);
  if (targetPublicMinRateBp === null) problems.targetPublicRate = 'Un pourcentage entre 0 et 100.';
  const offlineValueCeilingCents = centsOf(typed.offlineCeiling);
  if (offlineValueCeilingCents === null) problems.offlineCeiling = 'Un montant en euros.';
  if (
    Object.keys(problems).length > 0 ||
    faceValueCents === null ||
    stateShareRateBp === null ||
    defaultFunderCapCents === null ||
    minimumOrderCents === null ||
    operatorFeeRateBp === null ||
    targetPublicMinRateBp === null ||
    offlineValueCeilingCents === null
  )
    return { fields: null, problems };
  return {
    fields: {
      name: typed.name.trim(),
      year,
      validUntil: typed.validUntil,
      faceValueCents,
      allowedCarnetSizes: sizes,
      stateShareRateBp,
      defaultFunderCapCents,
      minimumOrderCents,
      operatorFeeRateBp,
      graceDays,
      targetPublicMinRateBp,
      offlineValueCeilingCents,
    },
    problems,
  };
}

const FIELDS: { key: keyof Typed; label: string; hint?: string; type?: string }[] = [
  { key: 'name', label: 'Nom du programme' },
  { key: 'year', label: 'Année', hint: 'Imprimée dans les numéros de commande et de carnet.', type: 'number' },
  { key: 'validUntil', label: 'Fin de validité des chèques', hint: 'Dernier jour où les chèques sont valables.', type: 'date' },
  {
    key: 'graceDays',
    label: 'Délai de grâce (jours)',
    hint: 'Jours après la fin de validité pendant lesquels les encaissements sont encore acceptés.',
    type: 'number',
  },
  { key: 'faceValue', label: 'Valeur faciale d’un chèque (€)' },
  { key: 'carnetSizes', label: 'Tailles de carnet autorisées', hint: 'Nombre de chèques par carnet, séparés par des virgules.' },
  { key: 'stateRate', label: 'Taux de cofinancement de l’État (%)' },
  {
    key: 'funderCap',
    label: 'Plafond de la part de l’État par financeur (€)',
    hint: 'Enveloppe proposée par défaut à l’inscription d’un financeur.',
  },
  { key: 'minimumOrder', label: 'Commande minimale (€, valeur faciale)' },
  { key: 'feeRate', label: 'Frais de l’opérateur (% de la valeur faciale)' },
  { key: 'targetPublicRate', label: 'Part minimale de public cible (%)' },
  { key: 'offlineCeiling', label: 'Plafond des encaissements hors ligne par lieu (€)' },
];

/** All the parameters of a programme, typed in euros and percentages; `onSave` gets them in cents and basis points. */
export function ProgrammeForm({
  programme,
  submitLabel,
  onSave,
}: {
  programme?: Programme;
  submitLabel: string;
  onSave: (fields: ProgrammeFields) => Promise<boolean>;
}) {
  const [typed, setTyped] = useState<Typed>(() => typedFrom(programme));
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parse(typed);
    setProblems(parsed.problems);
    if (!parsed.fields) return;
    setSaving(true);
    const saved = await onSave(parsed.fields);
    setSaving(false);
    if (saved && !programme) setTyped(typedFrom(undefined));
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="fr-grid-row fr-grid-row--gutters">
        {FIELDS.map((field) => (
          <div key={field.key} className="fr-col-12 fr-col-md-6">
            <Input
              label={field.label}
              hintText={field.hint}
              state={problems[field.key] ? 'error' : 'default'}
              stateRelatedMessage={problems[field.key]}
              nativeInputProps={{
                type: field.type ?? 'text',
                value: typed[field.key],
                onChange: (event) => setTyped({ ...typed, [field.key]: event.target.value }),
              }}
            />
          </div>
        ))}
      </div>
      <button type="submit" className="fr-btn" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
