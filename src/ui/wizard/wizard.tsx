import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useEffect, useReducer, useRef} from 'react';
import {printable, proposedServer, type ConfigStore} from '../../repo/index.js';
import {useWizardCheck} from './use-wizard-check.js';
import {footerText} from '../bindings/binding.js';
import {useKeyTable} from '../bindings/use-key-table.js';
import {clip} from '../text-fit.js';
import {keepAnswers, leaveQuestion, openingWizardState, reviewLines} from './wizard-actions.js';
import {type WizardKeyContext, wizardKeysFor, type WizardResult} from './wizard-keys.js';
import {choicesFor, isChoiceStep, isTextStep, wizardReducer, wizardSteps} from './wizard-state.js';
import {wizardPrompts as prompts} from './wizard-prompts.js';

export type {WizardResult} from './wizard-keys.js';

type Props = {
  readonly store: ConfigStore;
  readonly width: number;
  readonly height: number;
  readonly onDone: (result: WizardResult) => void;
  /** The server it starts from: one found answering on this box, else the active one; else the design's default. */
  readonly start?: {readonly address: string; readonly port: number};
};

/** First-run setup: a few short steps, each skippable; Esc skips the lot. Renders only; keys are its tables'. */
export function Wizard({store, width, height, onDone, start = proposedServer}: Props) {
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => openingWizardState(store, start));
  // Each step reached is kept in the file (not secrets, not at the start): a dropped session resumes there.
  const keptStep = useRef(state.step);
  // biome-ignore lint/correctness/useExhaustiveDependencies: kept when the step changes, with the answers of that moment
  useEffect(() => {
    if (keptStep.current === state.step || state.saved !== undefined) return;
    keptStep.current = state.step;
    keepAnswers(store, state);
  }, [state.step]);
  const ctx: WizardKeyContext = {store, state, dispatch, done: onDone};
  const table = wizardKeysFor(state);
  useKeyTable(table, ctx, {readOnly: false, say: (problem) => dispatch({type: 'problem', problem})}, true);
  useWizardCheck(store, state, dispatch);
  const {step, values, problem} = state;
  const prompt = prompts[step];
  // The panel keys step counts only where it is asked.
  const steps = values.panelKeys === 'absent' ? wizardSteps.filter((s) => s !== 'panelKeys') : wizardSteps;
  const number = steps.indexOf(step) + 1;
  const footer = <Text dimColor>{clip(footerText(table, ctx, false, width), width)}</Text>;
  // On a short terminal the spacing goes first, then the hint: the frame never outgrows it.
  const roomy = height >= 13;
  const gap = roomy ? <Text> </Text> : null;

  if (state.saved !== undefined) {
    const report = state.report;
    const verdict = !report ? 'testing the connection...' : report.outcome === 'ok' ? `ok: ${report.detail}` : `${report.outcome}: ${report.detail}`;
    return (
      <Box flexDirection="column" height={height} width={width}>
        <Text bold>{clip('sanctum-config: first-run setup, saved', width)}</Text>
        {gap}
        <Text>{clip(state.saved, width)}</Text>
        {gap}
        <Text bold>{clip('Does the Letta server answer?', width)}</Text>
        {roomy ? <Text wrap="wrap">{printable(verdict)}</Text> : <Text>{clip(printable(verdict), width)}</Text>}
        {report && report.outcome !== 'ok' && height >= 10 ? (
          <Text dimColor>{clip(`S-Tab goes back to fix ${report.outcome === 'auth-failed' ? 'the password' : 'the address or port'}`, width)}</Text>
        ) : null}
        <Box flexGrow={1} />
        {footer}
      </Box>
    );
  }
  if (state.askingSkip) {
    return (
      <Box flexDirection="column" height={height} width={width}>
        <Text bold>{clip('sanctum-config: first-run setup', width)}</Text>
        {gap}
        <Text bold>{clip(`${leaveQuestion(store)} y / n`, width)}</Text>
        <Box flexGrow={1} />
        {footer}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold>{clip(`sanctum-config: first-run setup${state.resumed ? ', resumed' : ''} (step ${number} of ${steps.length})`, width)}</Text>
      {gap}
      <Text bold>{clip(prompt.title, width)}</Text>
      {height >= 10 ? <Text dimColor>{clip(prompt.help, width)}</Text> : null}
      {gap}
      {isTextStep(step) ? (
        <Box height={1} overflow="hidden">
          <Text>{'> '}</Text>
          <LineInput
            key={step}
            focus
            value={values[step]}
            mask={prompt.secret ? '*' : undefined}
            placeholder="(empty skips)"
            room={width - 2}
            onChange={(value) => dispatch({type: 'change', value})}
          />
        </Box>
      ) : null}
      {isChoiceStep(step)
        ? choicesFor(step).map((choice, i) => (
            <Text key={choice.value} inverse={i === state.choice}>
              {clip(`${i === state.choice ? '❯' : ' '} ${i + 1} ${choice.label}`, width)}
            </Text>
          ))
        : null}
      {step === 'review' ? reviewLines(values).map((line) => <Text key={line}>{clip(`  ${line}`, width)}</Text>) : null}
      {gap}
      {problem || roomy ? (
        <Text bold color="red">
          {clip(problem ? `! ${problem}` : '', width) || ' '}
        </Text>
      ) : null}
      <Box flexGrow={1} />
      {footer}
    </Box>
  );
}
