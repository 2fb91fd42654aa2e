/**
 * Reading level of a patient reply. English: Flesch–Kincaid grade. Spanish: Fernández-Huerta
 * reading ease (the Spanish adaptation of Flesch), shown with its usual school-grade band.
 * Syllables are counted by vowel groups — an estimate, as every readability formula is.
 */
import type { Language } from './schema';

function words(text: string): string[] {
  return text.match(/[\p{L}'’]+/gu) ?? [];
}

function sentences(text: string): number {
  return Math.max(1, (text.match(/[.!?]+(?:\s|$)/g) ?? []).length);
}

export function syllables(word: string, language: Language): number {
  const w = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (language === 'es') return Math.max(1, (w.match(/[aeiouy]+/g) ?? []).length);
  // English: vowel groups, less a silent final e ("make"), at least one.
  const groups = (
    w
      .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
      .replace(/^y/, '')
      .match(/[aeiouy]{1,2}/g) ?? []
  ).length;
  return Math.max(1, groups);
}

export interface ReadingLevel {
  /** A US school grade (English: Flesch–Kincaid; Spanish: the band of its reading-ease score). */
  grade: number;
  label: string;
}

export function readingLevel(text: string, language: Language): ReadingLevel {
  const list = words(text);
  if (!list.length) return { grade: 0, label: 'no text' };
  const perSentence = list.length / sentences(text);
  const perWord = list.reduce((n, w) => n + syllables(w, language), 0) / list.length;
  if (language === 'en') {
    const grade = Math.max(0, Math.round((0.39 * perSentence + 11.8 * perWord - 15.59) * 10) / 10);
    return { grade, label: `Flesch–Kincaid grade ${grade.toFixed(1)}` };
  }
  const ease = Math.round(206.84 - 60 * perWord - 102 * (1 / perSentence));
  const grade = ease >= 90 ? 4 : ease >= 80 ? 6 : ease >= 70 ? 7 : ease >= 60 ? 9 : ease >= 50 ? 11 : 13;
  return { grade, label: `Fernández-Huerta ease ${ease} (about grade ${grade})` };
}

/** Spanish or English, by the commonest function words of each. */
export function detectLanguage(text: string): Language {
  const lower = ` ${text.toLowerCase()} `;
  const count = (list: string[]) => list.reduce((n, w) => n + (lower.split(` ${w} `).length - 1), 0);
  const es =
    count([
      'el',
      'la',
      'de',
      'que',
      'y',
      'en',
      'los',
      'por',
      'con',
      'una',
      'tengo',
      'puedo',
      'gracias',
      'hola',
      'mi',
      'es',
    ]) + (/[¿¡ñ]/.test(text) ? 3 : 0);
  const en = count([
    'the',
    'and',
    'to',
    'of',
    'is',
    'my',
    'i',
    'you',
    'can',
    'it',
    'for',
    'with',
    'have',
    'thanks',
    'hi',
    'hello',
  ]);
  return es > en ? 'es' : 'en';
}
