/** Every next-step rule, in the order their suggestions are listed within an urgency. */
import { abnormalResults } from './abnormal-results';
import { allergyConflict } from './allergy-conflict';
import { bloodPressure } from './blood-pressure';
import { diabetesMonitoring } from './diabetes-monitoring';
import { duplicateTherapy } from './duplicate-therapy';
import { immunizations } from './immunizations';
import { lipidMonitoring } from './lipid-monitoring';
import { potassiumRaas } from './potassium-raas';
import { renalDosing } from './renal-dosing';
import { thyroid } from './thyroid';
import type { NextStepRule } from './types';

export const RULES: NextStepRule[] = [
  allergyConflict,
  renalDosing,
  potassiumRaas,
  duplicateTherapy,
  bloodPressure,
  abnormalResults,
  diabetesMonitoring,
  thyroid,
  lipidMonitoring,
  immunizations,
];
export type { NextStepRule, Suggestion } from './types';
