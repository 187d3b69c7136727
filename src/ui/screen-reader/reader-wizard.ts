import {testAndRecord} from '../../letta/test-and-record.js';
import type {ConfigStore} from '../../repo/index.js';
import {checkStep, keepAnswers, leaveQuestion, leavingLoses, leftMessage, openingWizardState, reviewLines, saveWizard} from '../wizard/wizard-actions.js';
import {wizardPrompts} from '../wizard/wizard-prompts.js';
import {choicesFor, isChoiceStep, isTextStep, type WizardState, wizardReducer, wizardSteps} from '../wizard/wizard-state.js';
import {characters, sentence} from './reader-lines.js';

export type ReaderWizardResult = {readonly saved: boolean; readonly message: string};

/**
 * The first-run setup for a screen reader: the same steps, answers and save
 * as the drawn wizard, each step a sentence, each key answered in one line.
 * `input` takes one key (or a paste); `done` is told when the setup ends.
 */
export function readerWizard(
  store: ConfigStore,
  say: (text: string) => void,
  start: {address: string; port: number},
  done: (result: ReaderWizardResult) => void,
) {
  let state: WizardState = openingWizardState(store, start);
  // A step's answer opens whole: the first key typed replaces it, as in the drawn wizard.
  let fresh = true;
  let asking = false;
  let saved: string | undefined;
  let report: string | undefined;
  const dispatch = (action: Parameters<typeof wizardReducer>[1]) => {
    const step = state.step;
    state = wizardReducer(state, action);
    // Each step reached is kept (not secrets), as in the drawn wizard.
    if (state.step !== step && state.saved === undefined) keepAnswers(store, state);
  };
  const leave = () => {
    keepAnswers(store, state);
    done({saved: false, message: sentence(leftMessage(store))});
  };
  const steps = () => (state.values.panelKeys === 'absent' ? wizardSteps.filter((s) => s !== 'panelKeys') : wizardSteps);
  const stepSentence = () => {
    const {step, values} = state;
    const prompt = wizardPrompts[step];
    const head = `Step ${steps().indexOf(step) + 1} of ${steps().length}: ${prompt.title.replace(/\?$/, '')}`;
    const asked = prompt.title.endsWith('?') ? '?' : '.';
    if (step === 'review')
      return `${head}? ${reviewLines(values)
        .map((l) => l.replace(/\s+/g, ' '))
        .join('; ')}. Enter saves, Shift-Tab goes back, Escape skips the setup.`;
    if (isChoiceStep(step)) {
      const choices = choicesFor(step)
        .map((c, i) => `${i + 1}, ${c.label}`)
        .join('; ');
      return `${head}${asked} ${choices}. Press a number; Enter keeps ${choicesFor(step)[state.choice]!.label}.`;
    }
    const value = isTextStep(step) ? values[step] : '';
    const now = value === '' ? 'empty' : prompt.secret ? characters([...value].length) : value;
    return `${head}, ${prompt.help}. Now ${now}. Type to replace it, then Enter; empty skips.`;
  };
  const next = () => {
    const check = checkStep(state.step, state.values);
    if (!check.ok) return say(`${sentence(check.message)} Type again.`);
    dispatch({type: 'next'});
    fresh = true;
    say(stepSentence());
  };
  const save = () => {
    const outcome = saveWizard(store, state.values);
    if (!outcome.ok) return say(`${sentence(outcome.message)} Shift-Tab goes back.`);
    saved = sentence(outcome.message);
    dispatch({type: 'saved', message: outcome.message});
    const server = store.servers.active();
    say(`${saved} Testing the connection to the Letta server...`);
    if (!server || server.problem) return say('No server to test. Press Enter to finish.');
    testAndRecord(store, server).then(
      (found) => {
        report = found.outcome;
        dispatch({type: 'checked', report: found});
        say(
          `Letta: ${found.outcome}, ${found.detail}. Press Enter to finish${found.outcome === 'ok' ? '' : `, or Shift-Tab to fix ${found.outcome === 'auth-failed' ? 'the password' : 'the address or port'}`}.`,
        );
      },
      () => say('The test could not run. Press Enter to finish.'),
    );
  };
  say(`First-run setup${state.resumed ? ', resumed with the answers kept' : ''}. ${stepSentence()}`);
  return {
    input(key: string, paste: boolean): void {
      if (saved !== undefined) {
        if (!paste && key === '\r') return done({saved: true, message: `${saved}${report ? ` Letta: ${report}.` : ''}`});
        if (!paste && key === '\u001b[Z') {
          saved = undefined;
          report = undefined;
          dispatch({type: 'fix'});
          fresh = true;
          return say(stepSentence());
        }
        return say('Enter finishes the setup.');
      }
      if (asking) {
        if (key === 'y' || key === 'Y') return leave();
        asking = false;
        return say(`Kept. ${stepSentence()}`);
      }
      if (!paste && key === '\u001b') {
        if (!leavingLoses(store, state)) return leave();
        asking = true;
        return say(`${leaveQuestion(store)} y or n.`);
      }
      if (!paste && key === '\u001b[Z') {
        dispatch({type: 'back'});
        fresh = true;
        return say(stepSentence());
      }
      const {step} = state;
      if (step === 'review') return key === '\r' && !paste ? save() : say('Enter saves, Shift-Tab goes back, Escape skips the setup.');
      if (isChoiceStep(step)) {
        const index = Number(key) - 1;
        if (!paste && key === '\r') {
          dispatch({type: 'choose'});
          fresh = true;
          return say(stepSentence());
        }
        if (Number.isInteger(index) && index >= 0 && index < choicesFor(step).length) {
          dispatch({type: 'moveChoice', delta: index - state.choice});
          dispatch({type: 'choose'});
          fresh = true;
          return say(stepSentence());
        }
        return say(`Press a number from 1 to ${choicesFor(step).length}.`);
      }
      if (!paste && key === '\r') return next();
      const value = isTextStep(step) ? state.values[step] : '';
      const secret = wizardPrompts[step].secret;
      if (!paste && (key === '\u007f' || key === '\b')) {
        const left = fresh ? '' : [...value].slice(0, -1).join('');
        fresh = false;
        dispatch({type: 'change', value: left});
        return say(left === '' ? 'Empty.' : secret ? `${characters([...left].length)}.` : `Now: ${left}`);
      }
      if (!paste && /^[\u0000-\u001f]|^\u001b/.test(key)) return say('Type, Backspace, Enter, Shift-Tab or Escape.');
      const text = paste ? key.split('\n')[0]! : key;
      const typed = fresh ? text : value + text;
      fresh = false;
      dispatch({type: 'change', value: typed});
      say(secret ? `${characters([...typed].length)}.` : text.length > 1 ? `Pasted: ${text}` : text);
    },
  };
}
