import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import {categoryLabel, configTypes, looksSecret, type ConfigType} from '../../repo/index.js';
import {clip} from '../text-fit.js';
import {addSteps, type AddDraft, type AddStep} from './settings-state.js';

type Props = {
  readonly draft: AddDraft;
  readonly category: string;
  readonly width: number;
  readonly isActive: boolean;
  readonly onChange: (draft: Partial<AddDraft>) => void;
  readonly onSubmitText: () => void;
  readonly onPickType: (type: ConfigType) => void;
  readonly onPickSensitive: (sensitive: boolean) => void;
};

const labels = {key: 'key', type: 'type', sensitive: 'secret', value: 'value', description: 'description'} as const;

/** The add-a-setting form: one field at a time, earlier answers shown above. */
export function AddSettingForm(props: Props) {
  const {draft, category, width, isActive} = props;
  const order = addSteps;
  const current = order.indexOf(draft.step);
  // The repository masks a key named like a secret whatever the answer; the form does too.
  const secretByName = looksSecret(draft.key);
  const secret = draft.sensitive || secretByName;
  const answer = (field: AddStep) => {
    if (field === 'sensitive') return draft.sensitive ? 'yes' : secretByName ? 'yes (its name says so)' : 'no';
    if (field === 'value' && secret) return draft.value ? '********' : '';
    return draft[field];
  };
  const types = category === 'ports' ? (['integer'] as const) : configTypes;
  return (
    <Box flexDirection="column">
      <Text bold>{clip(`Add a setting to ${categoryLabel(category)}`, width)}</Text>
      {order.map((field, i) => {
        const label = `  ${labels[field].padEnd(12)}`;
        if (i < current) return <Text key={field}>{clip(`${label}${answer(field)}`, width)}</Text>;
        if (i > current) return <Text key={field} dimColor>{label}</Text>;
        return (
          <Box key={field} height={1} overflow="hidden">
            <Text>{`> ${labels[field].padEnd(12)}`}</Text>
            {field === 'key' || field === 'value' || field === 'description' ? (
              <TextInput
                value={draft[field]}
                focus={isActive}
                mask={field === 'value' && secret ? '*' : undefined}
                onChange={(value) => props.onChange({[field]: value})}
                onSubmit={props.onSubmitText}
              />
            ) : null}
          </Box>
        );
      })}
      {draft.step === 'type' ? (
        <SelectInput
          isFocused={isActive}
          items={types.map((t) => ({key: t, label: t, value: t}))}
          onSelect={(item) => props.onPickType(item.value)}
        />
      ) : null}
      {draft.step === 'sensitive' ? (
        <SelectInput
          isFocused={isActive}
          items={[
            {key: 'no', label: 'no: shown in clear', value: false},
            {key: 'yes', label: 'yes: masked everywhere', value: true},
          ]}
          onSelect={(item) => props.onPickSensitive(item.value)}
        />
      ) : null}
      <Text dimColor>{clip('Enter: next   Esc: cancel', width)}</Text>
    </Box>
  );
}
