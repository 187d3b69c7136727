import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import {useReducer, useState} from 'react';
import type {ConfigStore} from '../../repo/index.js';
import {clip} from '../text-fit.js';
import {useWizardInput} from './use-wizard-input.js';
import {checkStep, reviewLines, saveWizard} from './wizard-commands.js';
import {type AuthChoice, initialWizardState, isTextStep, wizardReducer, wizardSteps, type WizardStepId} from './wizard-state.js';

export type WizardResult = {readonly saved: boolean; readonly message: string};

type Props = {
  readonly store: ConfigStore;
  readonly width: number;
  readonly height: number;
  readonly onDone: (result: WizardResult) => void;
  /** A server found answering on this box, proposed instead of the stored one. */
  readonly proposed?: {readonly address: string; readonly port: number};
};

const prompts: Record<WizardStepId, {title: string; help: string; secret?: boolean}> = {
  address: {title: 'Letta server address', help: 'host name or IP, optionally with http:// or https://'},
  port: {title: 'Letta server port', help: 'Sanctum publishes Letta on 8284; a stock Letta server uses 8283'},
  auth: {title: 'How does the server check who you are?', help: 'letta server --secure uses a password'},
  secret: {title: 'Password or token', help: 'sent as Authorization: Bearer', secret: true},
  openai: {title: 'OpenAI API key', help: 'for OpenAI models; leave empty to skip', secret: true},
  anthropic: {title: 'Anthropic API key', help: 'for Claude; leave empty to skip', secret: true},
  review: {title: 'Save this setup?', help: 'written in one transaction'},
};

const authItems: {key: string; label: string; value: AuthChoice}[] = [
  {key: 'none', label: 'none, or keep what is stored', value: 'none'},
  {key: 'password', label: 'a password (letta server --secure)', value: 'password'},
  {key: 'token', label: 'a token / API key', value: 'token'},
];

/** First-run setup: a few short steps, each skippable; Esc skips the lot. */
export function Wizard({store, width, height, onDone, proposed}: Props) {
  // Read once for the first state, not on every render.
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => {
    const start = proposed ?? store.servers.active();
    return initialWizardState(start?.address ?? 'localhost', start?.port ?? 8080);
  });
  const [problem, setProblem] = useState('');
  const {step, values} = state;
  const prompt = prompts[step];
  const number = wizardSteps.indexOf(step) + 1;

  const next = () => {
    const check = checkStep(step, values);
    if (!check.ok) return setProblem(check.message);
    setProblem('');
    dispatch({type: 'next'});
  };
  const save = () => {
    const outcome = saveWizard(store, values);
    if (!outcome.ok) return setProblem(outcome.message);
    onDone({saved: true, message: outcome.message});
  };
  useWizardInput({
    reviewing: step === 'review',
    isActive: true,
    onSkipAll: () => onDone({saved: false, message: 'setup skipped; nothing saved (sanctum-config init runs it again)'}),
    onBack: () => {
      setProblem('');
      dispatch({type: 'back'});
    },
    onSave: save,
  });

  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold>{clip(`sanctum-config: first-run setup (step ${number} of ${wizardSteps.length})`, width)}</Text>
      <Text> </Text>
      <Text bold>{clip(prompt.title, width)}</Text>
      <Text dimColor>{clip(prompt.help, width)}</Text>
      <Text> </Text>
      {isTextStep(step) ? (
        <Box height={1} overflow="hidden">
          <Text>{'> '}</Text>
          <TextInput
            value={values[step]}
            mask={prompt.secret ? '*' : undefined}
            placeholder="(empty skips)"
            onChange={(value) => dispatch({type: 'change', value})}
            onSubmit={next}
          />
        </Box>
      ) : null}
      {step === 'auth' ? (
        <SelectInput items={authItems} onSelect={(item) => dispatch({type: 'chooseAuth', auth: item.value})} />
      ) : null}
      {step === 'review' ? reviewLines(values).map((line) => <Text key={line}>{clip(`  ${line}`, width)}</Text>) : null}
      <Text> </Text>
      <Text bold color="red">{clip(problem ? `! ${problem}` : '', width) || ' '}</Text>
      <Box flexGrow={1} />
      <Text dimColor>
        {clip(step === 'review' ? 'Enter save · S-Tab back · Esc skip setup' : 'Enter next (empty skips) · S-Tab back · Esc skip setup', width)}
      </Text>
    </Box>
  );
}
