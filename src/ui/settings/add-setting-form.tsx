import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {categoryLabel, looksSecret, maskSecret} from '../../repo/index.js';
import {clip} from '../text-fit.js';
import {addSteps, type AddDraft, type AddStep, sensitiveChoices, typeChoices} from './settings-state.js';

type Props = {
  readonly draft: AddDraft;
  readonly category: string;
  readonly width: number;
  readonly isActive: boolean;
  /** The keys that work here, from the add mode's table. */
  readonly footer: string;
  readonly onChange: (draft: Partial<AddDraft>) => void;
};

const labels = {key: 'key', type: 'type', sensitive: 'secret', value: 'value', description: 'description'} as const;

/** The add-a-setting form: one field at a time, earlier answers shown above. Renders only. */
export function AddSettingForm({draft, category, width, isActive, footer, onChange}: Props) {
  const current = addSteps.indexOf(draft.step);
  // One type allowed here (Ports: integer): it is not asked, and said as given.
  const onlyType = typeChoices(category).length === 1 ? typeChoices(category)[0] : undefined;
  // The repository masks a key named like a secret whatever the answer; the form does too.
  const secretByName = looksSecret(draft.key);
  const secret = draft.sensitive || secretByName;
  const answer = (field: AddStep) => {
    if (field === 'sensitive') return draft.sensitive ? 'yes' : secretByName ? 'yes (its name says so)' : 'no';
    if (field === 'value' && secret) return draft.value ? maskSecret(draft.value) : '';
    if (field === 'type' && onlyType) return `${onlyType} (the only type on ${categoryLabel(category)})`;
    return draft[field];
  };
  const choices = draft.step === 'type' ? typeChoices(category) : draft.step === 'sensitive' ? sensitiveChoices.map((c) => c.label) : [];
  return (
    <Box flexDirection="column">
      <Text bold>{clip(`Add a setting to ${categoryLabel(category)}`, width)}</Text>
      {addSteps.map((field, i) => {
        const label = `  ${labels[field].padEnd(12)}`;
        if (i < current) return <Text key={field}>{clip(`${label}${answer(field)}`, width)}</Text>;
        if (field === 'type' && onlyType && i > current)
          return (
            <Text key={field} dimColor>
              {clip(`${label}${answer(field)}`, width)}
            </Text>
          );
        if (i > current)
          return (
            <Text key={field} dimColor>
              {label}
            </Text>
          );
        if (choices.length) {
          // The choices stand in place of the answer, under the field they answer.
          return (
            <Box key={field} flexDirection="column">
              <Text>{`> ${labels[field].padEnd(12)}`}</Text>
              {choices.map((choice, c) => (
                <Text key={choice} inverse={c === draft.choice}>
                  {clip(`    ${c === draft.choice ? '❯' : ' '} ${choice}`, width)}
                </Text>
              ))}
            </Box>
          );
        }
        return (
          <Box key={field} height={1} overflow="hidden">
            <Text>{`> ${labels[field].padEnd(12)}`}</Text>
            {field === 'key' || field === 'value' || field === 'description' ? (
              <LineInput
                key={field}
                value={draft[field]}
                focus={isActive}
                mask={field === 'value' && secret ? '*' : undefined}
                room={width - 14}
                onChange={(value) => onChange({[field]: value})}
              />
            ) : null}
          </Box>
        );
      })}
      <Text dimColor>{clip(footer, width)}</Text>
    </Box>
  );
}
