import {useKeys} from '../hooks/use-keys.js';

type Handlers = {
  readonly onSkipAll: () => void;
  readonly onBack: () => void;
  readonly onSave: () => void;
  readonly reviewing: boolean;
  readonly isActive: boolean;
};

/** Esc skips the whole setup, Shift-Tab goes back, Enter on the review saves. */
export function useWizardInput({onSkipAll, onBack, onSave, reviewing, isActive}: Handlers): void {
  useKeys(
    (_input, key) => {
      if (key.escape) return onSkipAll();
      if (key.tab && key.shift) return onBack();
      if (reviewing && key.return) return onSave();
    },
    {isActive},
  );
}
