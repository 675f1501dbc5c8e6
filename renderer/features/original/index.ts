// The original feature's public entry: the sources feature shows a source's original
// beside its text (OriginalPane) and adds files through the intake (the dialog parts).
export { OriginalPane } from './OriginalPane';
export { pickTarget, type PickedPlace } from './pickTarget';
export type { PagePick } from './types';
export { DEFAULT_CHOICES, IntakeOptions } from './IntakeOptions';
export { IntakeRecord } from './IntakeRecord';
export { useIntake } from './useIntake';
export { fileAsSaved } from './fileAsSaved';
