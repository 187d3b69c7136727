import {type Dispatch, useEffect} from 'react';
import {testAndRecord} from '../../letta/test-and-record.js';
import type {ConfigStore} from '../../repo/index.js';
import type {WizardAction, WizardState} from './wizard-state.js';

/** Once the setup is saved, test the server it saved (outside the view); the result comes back as an action. */
export function useWizardCheck(store: ConfigStore, state: WizardState, dispatch: Dispatch<WizardAction>): void {
  const saved = state.saved !== undefined;
  useEffect(() => {
    if (!saved) return;
    const server = store.servers.active();
    if (!server || server.problem) return;
    const controller = new AbortController();
    // Recorded as any test is (last connected, on ok): a test is a test, wherever it ran.
    testAndRecord(store, server, controller.signal).then(
      (report) => dispatch({type: 'checked', report}),
      () => undefined,
    );
    return () => controller.abort(new Error('closed'));
  }, [saved, store, dispatch]);
}
