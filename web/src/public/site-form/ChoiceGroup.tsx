import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';

/** Boxes to tick among the exact values of one of the standard's lists (the values are French already). */
export function ChoiceGroup<Choice extends string>({
  legend,
  hint,
  choices,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  choices: readonly Choice[];
  value: Choice[];
  onChange: (value: Choice[]) => void;
}) {
  return (
    <Checkbox
      legend={legend}
      hintText={hint}
      small
      options={choices.map((choice) => ({
        label: choice,
        nativeInputProps: {
          value: choice,
          checked: value.includes(choice),
          onChange: (event) => onChange(event.target.checked ? [...value, choice] : value.filter((chosen) => chosen !== choice)),
        },
      }))}
    />
  );
}
