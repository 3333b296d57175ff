/**
 * Schedule errors (the validator's and torch's own, raised while the schedule is dry-run) speak
 * the page's language: each carries a message code whose sentence is in all three catalogues, and
 * torch's English words (its exception) are added on English pages only.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_MESSAGES, type EngineMessageCode } from '../engine/messages';
import { validateScene } from '../engine/scene';
import { enAll } from '../i18n/en-all';
import { zhCN } from '../i18n/zh-CN';
import { zhTW } from '../i18n/zh-TW';
import { loadAllTexts, setLocale } from '../i18n';
import { localFieldMessage } from './fieldMessage';

/** One optimizer with a schedule, over `steps` steps: one kind of bad schedule each. */
const BAD: readonly { name: string; type?: string; steps?: number; schedule: unknown }[] = [
  { name: 'step_size 0 (Python divides by zero)', schedule: { type: 'step', step_size: 0 } },
  {
    name: 'one-cycle stepped past total_steps',
    steps: 200,
    schedule: { type: 'onecycle', max_lr: 1, total_steps: 10 },
  },
  { name: 'cycle_momentum on AdaGrad', type: 'adagrad', schedule: { type: 'onecycle', max_lr: 1 } },
  { name: 'a required field left out', schedule: { type: 'exponential' } },
  { name: 'a bad choice', schedule: { type: 'cyclic', base_lr: 0.1, max_lr: 1, mode: 'zigzag' } },
  { name: 'a bool that is not', schedule: { type: 'onecycle', max_lr: 1, three_phase: 'yes' } },
  { name: 'milestones not a list', schedule: { type: 'multistep', milestones: 3 } },
  { name: 'a milestone not a number', schedule: { type: 'multistep', milestones: [1, 'x'] } },
  { name: 'a factor above its bound', schedule: { type: 'linear', start_factor: 2 } },
  { name: 'a bound excluded', schedule: { type: 'linear', start_factor: 0 } },
  { name: 'plateau factor 1', schedule: { type: 'plateau', factor: 1 } },
  { name: 't_mult fractional', schedule: { type: 'cosine_warm_restarts', t_0: 5, t_mult: 1.5 } },
  {
    name: 'a sequential of nothing',
    schedule: { type: 'sequential', schedulers: [], milestones: [] },
  },
  {
    name: 'plateau inside a sequential',
    schedule: { type: 'sequential', schedulers: [{ type: 'plateau' }], milestones: [] },
  },
  {
    name: 'a sequential inside a sequential',
    schedule: {
      type: 'sequential',
      schedulers: [{ type: 'sequential', schedulers: [], milestones: [] }],
      milestones: [],
    },
  },
  {
    name: 'milestones that do not match the schedules',
    schedule: {
      type: 'sequential',
      schedulers: [
        { type: 'step', step_size: 2 },
        { type: 'exponential', gamma: 0.9 },
      ],
      milestones: [],
    },
  },
  {
    name: 'polynomial power −1 (0 to a negative power)',
    steps: 20,
    schedule: { type: 'polynomial', total_iters: 5, power: -1 },
  },
];

function errorsOf(bad: (typeof BAD)[number]) {
  const type = bad.type ?? 'sgd';
  const config = type === 'sgd' ? { type, lr: 0.1, momentum: 0 } : { type };
  return validateScene({
    steps: bad.steps ?? 50,
    optimizers: [{ ...config, schedule: bad.schedule }],
  }).errors;
}

/** English words of the messages; a Chinese sentence keeps only field names, values and torch names. */
const ENGLISH =
  /\b(must|got|is required|divide|zero|but|steps|takes|needs|neither|nor|set|element|list|between|whole|number|cannot|hold|torch: |Tried)\b/;

/** The sentence without the path and the values kept as written (quotes, code names, lists). */
function sentence(text: string): string {
  return text
    .slice(text.indexOf(': ') + 2)
    .replace(/'[^']*'|"[^"]*"/g, '')
    .replace(/[a-z][\w-]*(, [a-z][\w-]*)+/g, '');
}

beforeAll(async () => {
  await loadAllTexts();
});
afterEach(async () => {
  await setLocale('en');
});

describe('schedule errors', () => {
  it('each kind is caught, with a message code', () => {
    for (const bad of BAD) {
      const errors = errorsOf(bad);
      expect(errors.length, bad.name).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.path, bad.name).toMatch(/^optimizers\[0\]\.schedule/);
        expect(error.code, `${bad.name}: ${error.message}`).toBeDefined();
      }
    }
  });

  it('every engine message is in the English catalogue word for word, and in both Chinese ones', () => {
    for (const [code, english] of Object.entries(ENGINE_MESSAGES)) {
      const key = `engine.${code as EngineMessageCode}` as const;
      expect(enAll[key as keyof typeof enAll], key).toBe(english);
      expect(zhCN[key as keyof typeof zhCN], key).toMatch(/[\u4e00-\u9fff]/);
      expect(zhTW[key as keyof typeof zhTW], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("are Chinese on Chinese pages, with no English word and no torch's English reason", async () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      await setLocale(locale);
      for (const bad of BAD) {
        for (const error of errorsOf(bad)) {
          const text = localFieldMessage(error);
          expect(text, `${locale} ${bad.name}`).toMatch(/[\u4e00-\u9fff]/);
          expect(sentence(text), `${locale} ${bad.name}: ${text}`).not.toMatch(ENGLISH);
        }
      }
    }
  });

  it("keep torch's exact English words on English pages", () => {
    const [past] = errorsOf(BAD[1]!);
    expect(localFieldMessage(past!)).toBe(
      'optimizers[0].schedule.total_steps: is 10, but the scene takes more steps (torch: "Tried to step 11 times")',
    );
    const [zero] = errorsOf(BAD[0]!);
    expect(localFieldMessage(zero!)).toContain('makes torch divide by zero (ZeroDivisionError)');
    const [adagrad] = errorsOf(BAD[2]!);
    expect(localFieldMessage(adagrad!)).toMatch(
      /^optimizers\[0\]\.schedule\.cycle_momentum: AdaGrad has neither momentum nor betas to cycle: set cycle_momentum to false \(torch: "optimizer must support momentum/,
    );
  });
});
