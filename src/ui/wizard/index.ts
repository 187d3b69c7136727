export {Wizard, type WizardResult} from './wizard.js';
