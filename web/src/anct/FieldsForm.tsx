import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';

export interface FieldSpec<K extends string = string> {
  key: K;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'date' | 'textarea';
  /** A select's choices (value → label). */
  options?: Record<string, string>;
  optional?: boolean;
  /** A sentence saying what is wrong with the typed value, or null. */
  check?: (value: string) => string | null;
}

/**
 * A small form of text fields checked before sending; `onSubmit` returns true once the server accepted it (the form empties).
 * `onSubmit` receives one (trimmed) value for every field key, typed by the keys of `fields`.
 */
export function FieldsForm<K extends string>({
  fields,
  submitLabel,
  onSubmit,
  initial = {},
}: {
  fields: FieldSpec<K>[];
  submitLabel: string;
  onSubmit: (values: Record<K, string>) => Promise<boolean>;
  initial?: Partial<Record<K, string>>;
}) {
  const empty = () => Object.fromEntries(fields.map((field) => [field.key, initial[field.key] ?? '']));
  const [values, setValues] = useState<Record<string, string>>(empty);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const field of fields) {
      const value = (values[field.key] ?? '').trim();
      const problem = value ? field.check?.(value) : null;
      if (!value && !field.optional) found[field.key] = `Renseignez : ${field.label.toLowerCase()}.`;
      else if (problem) found[field.key] = problem;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    // Built from every key of `fields`, so it holds a value for each K (TypeScript cannot follow that through fromEntries).
    const sent = Object.fromEntries(fields.map((field) => [field.key, (values[field.key] ?? '').trim()])) as Record<K, string>;
    const ok = await onSubmit(sent);
    setSending(false);
    if (ok) setValues(empty());
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="fr-grid-row fr-grid-row--gutters">
        {fields.map((field) => {
          const common = {
            state: problems[field.key] ? ('error' as const) : ('default' as const),
            stateRelatedMessage: problems[field.key],
          };
          const change = (value: string) => setValues({ ...values, [field.key]: value });
          return (
            <div key={field.key} className={field.type === 'textarea' ? 'fr-col-12' : 'fr-col-12 fr-col-md-6'}>
              {field.options ? (
                <Select
                  label={field.label}
                  hint={field.hint}
                  {...common}
                  nativeSelectProps={{ value: values[field.key], onChange: (event) => change(event.target.value) }}
                >
                  <option value="">{field.optional ? 'Tous' : 'Choisir'}</option>
                  {Object.entries(field.options).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </Select>
              ) : field.type === 'textarea' ? (
                <Input
                  label={field.label}
                  hintText={field.hint}
                  {...common}
                  textArea
                  nativeTextAreaProps={{ value: values[field.key], onChange: (event) => change(event.target.value) }}
                />
              ) : (
                <Input
                  label={field.label}
                  hintText={field.hint}
                  {...common}
                  nativeInputProps={{
                    type: field.type ?? 'text',
                    value: values[field.key],
                    onChange: (event) => change(event.target.value),
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
      <button type="submit" className="fr-btn" disabled={sending}>
        {submitLabel}
      </button>
    </form>
  );
}

export const digits = (count: number, what: string) => (value: string) =>
  new RegExp(`^\\d{${count}}$`).test(value.replace(/\s/g, '')) ? null : `${what} : ${count} chiffres.`;
export const email = (value: string) =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'Une adresse e-mail, par exemple prenom.nom@exemple.fr.';
export const inseeCode = (value: string) =>
  /^(\d{5}|2[AB]\d{3})$/i.test(value) ? null : 'Le code INSEE de la commune : 5 caractères, par exemple 69387.';
