/**
 * Patient reply: a draft answer to the portal message open on the page, in plain language, in the
 * patient's language, short, and not suggesting a visit unless the message calls for one. Offline
 * it is a template filled from the message and the record; the clinician edits it before sending.
 */
import { z } from 'zod';
import type { Medication, PatientRecord } from '../../record/schema';
import { detectLanguage } from '../readability';
import type { Language, Statement, TaskOptions, TaskOutput } from '../schema';
import { LEVOTHYROXINE, LOWERS_LEVOTHYROXINE_ABSORPTION } from '../rules/thyroid';
import { currentMedications, messageToAnswer } from '../../record/queries';
import { defineTask } from './define';

type Phrases = Record<
  | 'hello'
  | 'thanks'
  | 'refill'
  | 'question'
  | 'keepTaking'
  | 'appointment'
  | 'visit'
  | 'emergency'
  | 'symptomSafety'
  | 'apart'
  | 'general'
  | 'close'
  | 'team'
  | 'noMessage',
  (arg?: string) => string
>;

const PHRASES: Record<Language, Phrases> = {
  en: {
    hello: (name) => `Hello${name ? ` ${name}` : ''},`,
    thanks: () => 'Thank you for your message.',
    refill: (med) =>
      `We got your request for a refill of ${med}. Your clinician will review it, and we will tell you what was decided.`,
    question: (med) => `Your clinician will review your question about ${med} and write back.`,
    keepTaking: (med) => `Please keep taking your ${med} as prescribed until your clinician answers you.`,
    appointment: () => 'Your care team will review your question about your appointment and write back.',
    visit: () => 'Your clinician will review this and tell you if you need to come in.',
    emergency: () =>
      'If you have chest pain, trouble breathing, or you faint, call 911 or go to the emergency room now.',
    symptomSafety: () =>
      'If it gets worse, or you faint, fall, or have chest pain or trouble breathing, call 911 or go to the emergency room.',
    apart: (pair) => `You can take both, but not at the same time. ${pair}`,
    general: () => 'I have read your message and will get back to you soon.',
    close: () => 'Take care,',
    team: () => 'Your care team',
    noMessage: () =>
      'No portal message was found on this page. Open the message you want to answer and read the page again.',
  },
  es: {
    hello: (name) => `Hola${name ? ` ${name}` : ''}:`,
    thanks: () => 'Gracias por su mensaje.',
    refill: (med) =>
      `Recibimos su pedido para resurtir ${med}. Su médico lo va a revisar y le diremos lo que se decidió.`,
    question: (med) => `Su médico va a revisar su pregunta sobre ${med} y le va a responder.`,
    keepTaking: (med) => `Por favor, siga tomando su ${med} como se lo recetaron hasta que su médico le responda.`,
    appointment: () => 'Su equipo de atención va a revisar su pregunta sobre su cita y le va a responder.',
    visit: () => 'Su médico va a revisar esto y le dirá si necesita venir a la clínica.',
    emergency: () =>
      'Si tiene dolor de pecho, le falta el aire o se desmaya, llame al 911 o vaya a la sala de emergencias ahora.',
    symptomSafety: () =>
      'Si se siente peor, se desmaya, se cae, o tiene dolor de pecho o le falta el aire, llame al 911 o vaya a la sala de emergencias.',
    apart: (pair) => `Puede tomar los dos, pero no al mismo tiempo. ${pair}`,
    general: () => 'Leí su mensaje y le responderé pronto.',
    close: () => 'Cuídese,',
    team: () => 'Su equipo de atención',
    noMessage: () => 'No se encontró un mensaje del portal en esta página.',
  },
};

/** Medicines taken apart from each other, with the advice in plain words. */
const TAKE_APART: Array<{ first: RegExp; second: RegExp; advice: Record<Language, (a: string, b: string) => string> }> =
  [
    {
      // Matched on the chart's medication names; the patient's own words are read by SPOKEN_NAMES.
      first: LEVOTHYROXINE,
      second: LOWERS_LEVOTHYROXINE_ABSORPTION,
      advice: {
        en: (a, b) =>
          `Take the ${a} first thing in the morning with water, on an empty stomach. Wait at least four hours before you take the ${b}.`,
        es: (a, b) =>
          `Tome la ${a} en la mañana, con agua y el estómago vacío. Espere por lo menos cuatro horas antes de tomar el ${b}.`,
      },
    },
  ];

/** "Should I stop the empagliflozin?": the patient asks whether to stop or skip a medicine. */
const STOP_QUESTION = /\b(?:stop|quit|skip|hold|cut back|come off)\b|dejar de|suspender|parar de/i;
const APPOINTMENT = /\bappointment|\breschedul|\bvisit (?:time|date)|\bcita\b/i;
const REFILL = /refill|renew|running (?:low|out)|almost out|out of my|resurt|receta|se me (?:acab|termin)/i;
const QUESTION = /\?|should i|can i|puedo|debo/i;
const RED_FLAG =
  /chest pain|trouble breathing|short(?:ness)? of breath|faint|passed out|worst headache|weakness on one side|suicid|dolor de pecho|falta el aire|desmay/i;
const NEEDS_VISIT =
  /dizz|mare(?:o|ad)|fever|fiebre|worse|peor|new (?:pain|lump|rash)|bleeding|sangr|fell|ca[ií]da|swelling|hinchaz|vomit|v[oó]mit/i;

/** Everyday names, and the Spanish ones, of drugs patients name in messages. */
const SPOKEN_NAMES: Record<string, RegExp> = {
  levothyroxine: /levothyrox|levotirox|synthroid|thyroid pill|pastilla de (?:la )?tiroides/i,
  ferrous: /\biron\b|hierro|ferrous/i,
  hydrochlorothiazide: /water pill|diur[eé]tico/i,
};

function medicationsNamed(message: string, meds: Medication[]): Medication[] {
  return meds.filter((m) => {
    const generic = m.name.toLowerCase().split(/[\s-]/)[0];
    return message.toLowerCase().includes(generic) || Boolean(SPOKEN_NAMES[generic]?.test(message));
  });
}

function plainName(med: Medication, language: Language): string {
  const generic = med.name.split(/[\s-]/)[0].toLowerCase();
  if (language === 'es') return { levothyroxine: 'levotiroxina', ferrous: 'hierro' }[generic] ?? generic;
  return generic === 'ferrous' ? 'iron' : generic;
}

/** The name the patient signs with ("Thanks, Jim"), else the first given name on the banner. */
function nameToGreet(record: PatientRecord, message: string): string | undefined {
  const signed = message.match(
    /(?:thanks|thank you|gracias|regards|best|saludos)[,!.]?\s+([\p{Lu}][\p{L}'’-]+)\s*\.?$/iu,
  )?.[1];
  return signed ?? record.patient.name?.split(/[\s,]+/).find(Boolean);
}

export function replyOffline(record: PatientRecord, options: TaskOptions): TaskOutput {
  const message = messageToAnswer(record);
  const language: Language =
    options.reply.language === 'auto' ? (message ? detectLanguage(message.text) : 'en') : options.reply.language;
  const say = PHRASES[language];
  const title = `Patient reply (offline draft, ${language === 'es' ? 'Spanish' : 'English'})`;
  if (!message)
    return {
      task: 'reply',
      engine: 'offline',
      title,
      language,
      sections: [{ heading: 'Reply', statements: [{ text: say.noMessage(), cites: [] }] }],
    };

  const cite = [message.id];
  const body: Statement[] = [{ text: `${say.hello(nameToGreet(record, message.text))} ${say.thanks()}`, cites: cite }];
  const named = medicationsNamed(message.text, currentMedications(record));
  const pair = TAKE_APART.map((rule) => ({
    rule,
    a: named.find((m) => rule.first.test(m.name)),
    b: named.find((m) => rule.second.test(m.name)),
  })).find((p) => p.a && p.b);
  if (RED_FLAG.test(message.text)) body.push({ text: say.emergency(), cites: cite });
  if (pair) {
    body.push({
      text: say.apart(pair.rule.advice[language](plainName(pair.a!, language), plainName(pair.b!, language))),
      cites: [message.id, pair.a!.id, pair.b!.id],
    });
  } else if (REFILL.test(message.text) && named.length) {
    body.push({
      text: say.refill(named.map((m) => plainName(m, language)).join(', ')),
      cites: [message.id, ...named.map((m) => m.id)],
    });
  } else if (QUESTION.test(message.text) && named.length) {
    // Whether to stop or change a medicine is the clinician's call: the template never advises it,
    // and until the clinician answers, the patient keeps taking it (a red flag is sent to urgent care above).
    const meds = named.map((m) => plainName(m, language)).join(', ');
    const cites = [message.id, ...named.map((m) => m.id)];
    if (STOP_QUESTION.test(message.text) && !RED_FLAG.test(message.text))
      body.push({ text: say.keepTaking(meds), cites });
    body.push({ text: say.question(meds), cites });
  } else if (APPOINTMENT.test(message.text)) {
    body.push({ text: say.appointment(), cites: cite });
  } else {
    body.push({ text: say.general(), cites: cite });
  }
  // A symptom gets what to do if it worsens, and the clinician decides about a visit: the draft
  // never books one, nor promises a call, a referral or a prescription.
  if (NEEDS_VISIT.test(message.text) && !RED_FLAG.test(message.text))
    body.push({ text: say.symptomSafety(), cites: cite });
  if (NEEDS_VISIT.test(message.text) || RED_FLAG.test(message.text)) body.push({ text: say.visit(), cites: cite });
  body.push({ text: `${say.close()}\n${say.team()}`, cites: [] });
  if (options.reply.disclosure.trim()) body.push({ text: options.reply.disclosure.trim(), cites: [] });
  return { task: 'reply', engine: 'offline', title, language, sections: [{ heading: 'Reply', statements: body }] };
}

export const REPLY_PROMPT = {
  version: 'reply-v2',
  instructions: (
    options: TaskOptions,
  ) => `Task: draft a reply to the patient's newest portal message (in MESSAGES), for the clinician to edit and send.
Write ${options.reply.language === 'es' ? 'in Spanish' : options.reply.language === 'en' ? 'in English' : 'in the language the patient wrote in'}, in plain words a 6th to 8th grader can read: short sentences, no jargon. Three to six short paragraphs at most.
Answer what the patient asked. When they ask whether to stop a medicine, tell them to keep taking it until the clinician answers, unless the message describes a red-flag symptom. For a red-flag symptom (chest pain, trouble breathing, fainting, signs of stroke), tell them to call 911 or go to the emergency room now; for other symptoms, say what to do if they get worse.
Do not suggest a visit unless the message describes a new or worsening problem that needs one. Never promise an action nobody has decided — a refill, a prescription change, a referral, a call, an appointment: say "your clinician will review".
Answer with only a JSON object: {"language": "en" | "es", "paragraphs": [{"text": string, "cites": [string]}]}.`,
};

export const ModelReplySchema = z.object({
  language: z.enum(['en', 'es']).catch('en'),
  paragraphs: z.array(z.object({ text: z.string(), cites: z.array(z.string()).default([]) })),
});

export function replyFromModel(answer: z.infer<typeof ModelReplySchema>, options: TaskOptions): TaskOutput {
  const statements = [...answer.paragraphs];
  if (options.reply.disclosure.trim()) statements.push({ text: options.reply.disclosure.trim(), cites: [] });
  return {
    task: 'reply',
    engine: 'model',
    title: `Patient reply (model draft, ${answer.language === 'es' ? 'Spanish' : 'English'})`,
    promptVersion: REPLY_PROMPT.version,
    language: answer.language,
    sections: [{ heading: 'Reply', statements }],
  };
}

export const replyTask = defineTask({
  offline: replyOffline,
  model: {
    version: REPLY_PROMPT.version,
    schemaName: 'patient_reply',
    schema: ModelReplySchema,
    instructions: REPLY_PROMPT.instructions,
    toOutput: replyFromModel,
  },
});
