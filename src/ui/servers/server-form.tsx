import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {clip} from '../text-fit.js';
import {maskSecret, type SecretServerField, secretServerFields, serverFields} from '../../repo/index.js';
import {formFields, type FormField, type ServerForm as Form} from './servers-state.js';
import {removedConflict} from './servers-actions.js';

type Props = {
  readonly form: Form;
  /** Why it cannot be saved yet, if so. */
  readonly problem?: string;
  readonly width: number;
  readonly isActive: boolean;
  /** The keys that work here, from the form's table. */
  readonly footer: string;
  readonly onChange: (value: string) => void;
};

const labels = Object.fromEntries(serverFields.map((f) => [f.field, 'unit' in f ? `${f.label} (${f.unit})` : f.label])) as Record<FormField, string>;
const isSecret = (field: FormField): field is SecretServerField => (secretServerFields as readonly string[]).includes(field);

/** The server form: every field on its own line, the focused one marked with >. Renders only. */
export function ServerForm({form, problem, width, isActive, footer, onChange}: Props) {
  const title = form.id === undefined ? 'New Letta server' : `Edit server ${form.id}`;
  const placeholder = (field: FormField) => (isSecret(field) ? (form.hiddenSecrets[field] ? '(unchanged; type to replace)' : '(not set)') : '');
  return (
    <Box flexDirection="column">
      <Text bold>{clip(title, width)}</Text>
      {formFields.map((field, i) => {
        const focused = i === form.field;
        const label = `${focused ? '>' : ' '} ${labels[field].padEnd(12)}`;
        const secret = isSecret(field);
        return (
          <Box key={field} height={1} overflow="hidden">
            <Text inverse={focused}>{label}</Text>
            <Text> </Text>
            {focused ? (
              <LineInput
                key={field}
                value={form.values[field]}
                focus={isActive}
                mask={secret ? '*' : undefined}
                placeholder={placeholder(field)}
                room={width - label.length - 1}
                onChange={onChange}
              />
            ) : (
              <Text dimColor={!form.values[field]}>
                {clip(secret ? (form.values[field] ? maskSecret(form.values[field]) : placeholder(field)) : form.values[field], width - 16)}
              </Text>
            )}
          </Box>
        );
      })}
      <Text> </Text>
      <Text bold={Boolean(problem || form.conflict || form.askingDiscard)}>
        {clip(formQuestion(form) ?? (problem ? `! ${problem}` : 'ready to save'), width)}
      </Text>
      <Text dimColor>{clip(footer, width)}</Text>
    </Box>
  );
}

/** What the form asks, when it asks: whether to discard, or what to do about another program's change. */
function formQuestion(form: Form): string | undefined {
  if (form.askingDiscard) return 'Discard your changes to this form? y / n';
  if (form.conflict === removedConflict) return `! server ${form.id} was removed by another program: add it back, or discard?`;
  if (form.conflict) return `! ${form.conflict} changed meanwhile by another program: which to keep?`;
  return undefined;
}
