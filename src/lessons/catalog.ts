/**
 * The lesson gallery: ready scenes from the notes, each a title, a few sentences and a Scene, in
 * the three languages. Every lesson's claim is checked by lessons.test.ts against the engine, so
 * a text never promises a picture the scene does not show.
 */
import type { Domain, Scene } from '../engine/types';
import type { Prediction } from './predict';

/** The languages lessons are written in. */
export type LessonLocale = 'en' | 'zh-CN' | 'zh-TW';

/** One piece of text in every language. */
export type LessonText = Readonly<Record<LessonLocale, string>>;

/** A ready scene with its explanation. */
export interface Lesson {
  /** Stable id, used in the URL (`?lesson=<id>`). */
  readonly id: string;
  /** Which note it comes from (file name in the notes folder). */
  readonly note: string;
  readonly title: LessonText;
  /** Two or three sentences: what to look at, and why it happens. */
  readonly body: LessonText;
  readonly scene: Scene;
  /** Optimizers (by index) whose learning-rate slider the presenter view keeps. */
  readonly focus: readonly number[];
  /**
   * The learning rates worth sliding through in this lesson, [low, high]; the presenter's sliders
   * span it (see `lessonLrSpan`). Absent: a quarter to four times each focus optimizer's rate.
   */
  readonly lrRange?: readonly [number, number];
  /** The map's window when the lesson opens, where the surface's default would waste it. */
  readonly domain?: Domain;
  /**
   * Predict, then run (issue 14): the question asked before the run plays (optimizer 0-based).
   * Its answer is read from the engine's run, never written here (see predict.ts).
   */
  readonly predict?: Prediction;
}

const NOTE_000 = '000_2889dba9c4799901.txt';
const NOTE_001 = '001_be69bd27b6607a83.txt';
const NOTE_002 = '002_6b09daed4d738e1b.txt';
const NOTE_003 = '003_f0589d13e5483333.txt';

const QUADRATIC = { id: 'quadratic' } as const;
const START = [-4, 2] as const;

/** The gallery, in teaching order. */
export const LESSONS: readonly Lesson[] = [
  {
    id: 'lr-too-small',
    note: NOTE_000,
    title: {
      en: 'Learning rate too small',
      'zh-CN': '学习率太小',
      'zh-TW': '學習率太小',
    },
    body: {
      en: 'With a tiny learning rate every step is safe but short: after 100 steps the path at 0.02 is still far from the minimum. The path at 0.5, a rate 25 times larger, arrived long ago. Drag the slider up and watch the crawl turn into a stride.',
      'zh-CN':
        '学习率很小时，每一步都稳妥却很短：走了 100 步，学习率 0.02 的路径离最低点还很远。学习率 0.5 的路径大了 25 倍，早已到达。把滑块往右拖，看看缓慢爬行如何变成大步前进。',
      'zh-TW':
        '學習率很小時，每一步都穩妥卻很短：走了 100 步，學習率 0.02 的路徑離最低點還很遠。學習率 0.5 的路徑大了 25 倍，早已到達。把滑桿往右拖，看看緩慢爬行如何變成大步前進。',
    },
    scene: {
      surface: QUADRATIC,
      start: START,
      steps: 100,
      optimizers: [
        { type: 'sgd', lr: 0.02, color: '#e69f00' },
        { type: 'sgd', lr: 0.5, color: '#0072b2' },
      ],
    },
    predict: { kind: 'position', step: 50, optimizer: 0 },
    focus: [0],
    lrRange: [0.005, 1],
  },
  {
    id: 'lr-just-right',
    note: NOTE_000,
    title: {
      en: 'Learning rate just right',
      'zh-CN': '学习率恰到好处',
      'zh-TW': '學習率恰到好處',
    },
    body: {
      en: 'On z = x²/10 + y² the steep y direction tolerates any rate below 1, the shallow x direction wants the largest one. At 0.5 the y error vanishes in one step; at 0.9 both directions shrink fast, y by bouncing from side to side.',
      'zh-CN':
        '在 z = x²/10 + y² 上，陡峭的 y 方向只要学习率小于 1 就能收敛，平缓的 x 方向则希望学习率越大越好。取 0.5 时，y 方向的误差一步就消失；取 0.9 时，两个方向都收缩得很快，y 方向是左右来回跳着收敛的。',
      'zh-TW':
        '在 z = x²/10 + y² 上，陡峭的 y 方向只要學習率小於 1 就能收斂，平緩的 x 方向則希望學習率越大越好。取 0.5 時，y 方向的誤差一步就消失；取 0.9 時，兩個方向都收縮得很快，y 方向是左右來回跳著收斂的。',
    },
    scene: {
      surface: QUADRATIC,
      start: START,
      steps: 60,
      optimizers: [
        { type: 'sgd', lr: 0.5, color: '#0072b2' },
        { type: 'sgd', lr: 0.9, color: '#009e73' },
      ],
    },
    predict: { kind: 'diverge', optimizer: 1 },
    focus: [0, 1],
    lrRange: [0.1, 1.2],
  },
  {
    id: 'lr-too-large',
    note: NOTE_000,
    title: {
      en: 'Learning rate too large',
      'zh-CN': '学习率太大',
      'zh-TW': '學習率太大',
    },
    body: {
      en: 'Above 1 the steep direction overshoots by more than it corrects: each step lands farther out on the other side, and the path oscillates away from the minimum. Just below 1 it still oscillates, but each swing is smaller, so it converges.',
      'zh-CN':
        '学习率超过 1 时，陡峭方向每一步都冲过头，而且越冲越远：路径在两侧来回震荡并离最低点越来越远。略小于 1 时仍然会震荡，但摆幅逐步变小，所以最终收敛。',
      'zh-TW':
        '學習率超過 1 時，陡峭方向每一步都衝過頭，而且越衝越遠：路徑在兩側來回震盪並離最低點越來越遠。略小於 1 時仍然會震盪，但擺幅逐步變小，所以最終收斂。',
    },
    scene: {
      surface: QUADRATIC,
      start: START,
      steps: 60,
      optimizers: [
        { type: 'sgd', lr: 0.95, color: '#009e73' },
        { type: 'sgd', lr: 1.05, color: '#d55e00' },
      ],
    },
    focus: [1],
    lrRange: [0.5, 1.5],
  },
  {
    id: 'momentum-ravine',
    note: NOTE_003,
    title: {
      en: 'Momentum and NAG in a ravine',
      'zh-CN': '峡谷中的动量法与 NAG',
      'zh-TW': '峽谷中的動量法與 NAG',
    },
    body: {
      en: 'In a long narrow valley plain gradient descent must keep its rate small for the steep walls and then crawls along the floor. Momentum adds up the small, consistent pushes along the valley and cancels the bouncing between the walls, so it arrives in about a third of the steps. NAG looks ahead before it commits and overshoots less.',
      'zh-CN':
        '在狭长的山谷里，普通梯度下降为了不在陡峭的谷壁间失控只能用小学习率，于是沿谷底缓慢爬行。动量法把沿谷底方向一致的小推力累积起来，并抵消在两壁之间的来回摆动，大约只用三分之一的步数就到达终点。NAG 先往前看一步再更新，冲过头的情况更少。',
      'zh-TW':
        '在狹長的山谷裡，普通梯度下降為了不在陡峭的谷壁間失控只能用小學習率，於是沿谷底緩慢爬行。動量法把沿谷底方向一致的小推力累積起來，並抵消在兩壁之間的來回擺動，大約只用三分之一的步數就到達終點。NAG 先往前看一步再更新，衝過頭的情況更少。',
    },
    scene: {
      surface: { expr: 'x^2/100 + y^2' },
      start: [-4.5, 1.5],
      steps: 200,
      optimizers: [
        { type: 'sgd', lr: 0.9, label: 'SGD', color: '#0072b2' },
        { type: 'sgd', lr: 0.5, momentum: 0.8, label: 'Momentum', color: '#e69f00' },
        { type: 'sgd', lr: 0.5, momentum: 0.8, nesterov: true, label: 'NAG', color: '#009e73' },
      ],
    },
    predict: { kind: 'first', loss: 1e-3 },
    focus: [1, 2],
    // The ravine is 10× longer than wide: show the valley, not a thin strip of a square.
    domain: { x: [-5, 1], y: [-1.8, 1.8] },
  },
  {
    id: 'adaptive-rates',
    note: NOTE_003,
    title: {
      en: "AdaGrad's shrinking steps, RMSProp and Adam",
      'zh-CN': 'AdaGrad 越走越小的步子，与 RMSProp 和 Adam',
      'zh-TW': 'AdaGrad 越走越小的步子，與 RMSProp 和 Adam',
    },
    body: {
      en: "AdaGrad divides by the square root of every squared gradient it has ever seen, so its steps only ever shrink: on Rosenbrock's banana valley it stalls half-way. RMSProp and Adam forget old gradients at a fixed rate and keep moving along the valley floor.",
      'zh-CN':
        'AdaGrad 用历史上所有梯度平方之和的平方根去除，所以步长只会越来越小：在 Rosenbrock 香蕉形山谷里它走到一半就停滞了。RMSProp 和 Adam 以固定的速率遗忘旧梯度，能沿着谷底继续前进。',
      'zh-TW':
        'AdaGrad 用歷史上所有梯度平方之和的平方根去除，所以步長只會越來越小：在 Rosenbrock 香蕉形山谷裡它走到一半就停滯了。RMSProp 和 Adam 以固定的速率遺忘舊梯度，能沿著谷底繼續前進。',
    },
    scene: {
      surface: { id: 'rosenbrock' },
      start: [-1.5, 2],
      steps: 500,
      optimizers: [
        { type: 'adagrad', lr: 0.3, label: 'AdaGrad', color: '#cc79a7' },
        { type: 'rmsprop', lr: 0.01, label: 'RMSProp', color: '#56b4e9' },
        { type: 'adam', lr: 0.05, label: 'Adam', color: '#d55e00' },
      ],
    },
    focus: [0],
  },
  {
    id: 'saddle',
    note: NOTE_001,
    title: {
      en: 'Adam at a saddle point',
      'zh-CN': '鞍点上的 Adam',
      'zh-TW': '鞍點上的 Adam',
    },
    body: {
      en: 'Started almost exactly on the ridge of z = x² − y², the gradient across the ridge is tiny, so SGD lingers near the saddle for dozens of steps. Adam rescales each coordinate by its own gradient size, so even a tiny slope gives a full-sized step, and it slides off the saddle at once.',
      'zh-CN':
        '从几乎正好在 z = x² − y² 山脊上的点出发，横跨山脊方向的梯度极小，所以 SGD 会在鞍点附近徘徊几十步。Adam 按每个坐标自己的梯度大小重新缩放，即使坡度很小也能迈出完整的一步，因此立刻从鞍点滑开。',
      'zh-TW':
        '從幾乎正好在 z = x² − y² 山脊上的點出發，橫跨山脊方向的梯度極小，所以 SGD 會在鞍點附近徘徊幾十步。Adam 按每個座標自己的梯度大小重新縮放，即使坡度很小也能邁出完整的一步，因此立刻從鞍點滑開。',
    },
    scene: {
      surface: { id: 'saddle' },
      start: [-2, 0.001],
      steps: 60,
      optimizers: [
        { type: 'sgd', lr: 0.05, label: 'SGD', color: '#0072b2' },
        { type: 'adam', lr: 0.05, label: 'Adam', color: '#d55e00' },
      ],
    },
    focus: [1],
  },
  {
    id: 'local-minima',
    note: NOTE_001,
    title: {
      en: 'Local minima: where you end depends on how you move',
      'zh-CN': '局部极小值：终点取决于怎么走',
      'zh-TW': '局部極小值：終點取決於怎麼走',
    },
    body: {
      en: "Himmelblau's function has four equally deep minima. From the same start, plain SGD and Adam settle in the nearest one, while momentum carries its speed over a ridge into another basin. Move the start point to see the basins change.",
      'zh-CN':
        'Himmelblau 函数有四个同样深的极小值。从同一个起点出发，普通 SGD 和 Adam 落入最近的那个，而动量法带着速度越过山脊，进入了另一个盆地。移动起点，看看各个盆地如何变化。',
      'zh-TW':
        'Himmelblau 函數有四個同樣深的極小值。從同一個起點出發，普通 SGD 和 Adam 落入最近的那個，而動量法帶著速度越過山脊，進入了另一個盆地。移動起點，看看各個盆地如何變化。',
    },
    scene: {
      surface: { id: 'himmelblau' },
      start: [0, 0],
      steps: 300,
      optimizers: [
        { type: 'sgd', lr: 0.01, label: 'SGD', color: '#0072b2' },
        { type: 'sgd', lr: 0.01, momentum: 0.9, label: 'Momentum', color: '#e69f00' },
        { type: 'adam', lr: 0.1, label: 'Adam', color: '#d55e00' },
      ],
    },
    predict: { kind: 'position', step: 300, optimizer: 1 },
    focus: [1],
  },
  {
    id: 'stuck-rastrigin',
    note: NOTE_001,
    title: {
      en: 'Stuck in a local minimum',
      'zh-CN': '困在局部极小值',
      'zh-TW': '困在局部極小值',
    },
    body: {
      en: "Rastrigin's surface is a bowl covered in bumps. Every optimizer here settles in the dimple next to its start, with a loss near 18, although the global minimum at the origin has loss 0. Gradient descent only sees the local slope.",
      'zh-CN':
        'Rastrigin 曲面是一个布满小坑的大碗。这里的每个优化器都停在起点旁边的小坑里，损失约为 18，而原点处的全局最小值损失为 0。梯度下降只看得到局部的坡度。',
      'zh-TW':
        'Rastrigin 曲面是一個佈滿小坑的大碗。這裡的每個優化器都停在起點旁邊的小坑裡，損失約為 18，而原點處的全域最小值損失為 0。梯度下降只看得到局部的坡度。',
    },
    scene: {
      surface: { id: 'rastrigin' },
      start: [3.3, 2.6],
      steps: 200,
      optimizers: [
        { type: 'sgd', lr: 0.002, label: 'SGD', color: '#0072b2' },
        { type: 'sgd', lr: 0.002, momentum: 0.95, label: 'Momentum', color: '#e69f00' },
        { type: 'adam', lr: 0.3, label: 'Adam', color: '#d55e00' },
      ],
    },
    focus: [0, 1, 2],
  },
  {
    id: 'lr-decay',
    note: NOTE_001,
    title: {
      en: 'Learning-rate decay',
      'zh-CN': '学习率衰减',
      'zh-TW': '學習率衰減',
    },
    body: {
      en: 'A rate of 1.05 is too large for the steep direction and the constant-rate path swings ever wider. Multiply the rate by 0.9 after every step, as the notes suggest, and the early large steps make quick progress before the rate becomes safe. Halving it every 10 steps works too.',
      'zh-CN':
        '学习率 1.05 对陡峭方向来说太大，固定学习率的路径摆幅越来越大。按笔记的建议每步把学习率乘以 0.9，前期的大步子迅速推进，随后学习率变得安全。每 10 步减半同样有效。',
      'zh-TW':
        '學習率 1.05 對陡峭方向來說太大，固定學習率的路徑擺幅越來越大。按筆記的建議每步把學習率乘以 0.9，前期的大步子迅速推進，隨後學習率變得安全。每 10 步減半同樣有效。',
    },
    scene: {
      surface: QUADRATIC,
      start: START,
      steps: 100,
      optimizers: [
        { type: 'sgd', lr: 1.05, label: 'constant lr', color: '#d55e00' },
        {
          type: 'sgd',
          lr: 1.05,
          schedule: { type: 'exponential', gamma: 0.9 },
          label: 'exponential decay',
          color: '#0072b2',
        },
        {
          type: 'sgd',
          lr: 1.05,
          schedule: { type: 'step', step_size: 10, gamma: 0.5 },
          label: 'step decay',
          color: '#009e73',
        },
      ],
    },
    predict: { kind: 'first', loss: 1e-3 },
    focus: [0],
    lrRange: [0.5, 1.5],
  },
  {
    id: 'gradient-clipping',
    note: NOTE_002,
    title: {
      en: 'Gradient clipping',
      'zh-CN': '梯度裁剪',
      'zh-TW': '梯度裁剪',
    },
    body: {
      en: "Rosenbrock's valley walls are so steep that one gradient step at this rate throws the point far away, and within a few steps the numbers overflow. Clipping the gradient's length to 10 before each step bounds every move, so the same learning rate walks safely into the valley.",
      'zh-CN':
        'Rosenbrock 山谷的谷壁非常陡，以这个学习率走一步就会把点甩得很远，几步之内数值就溢出了。每步之前把梯度长度裁剪到 10，就限制了每一步的移动距离，同样的学习率也能安全地走进山谷。',
      'zh-TW':
        'Rosenbrock 山谷的谷壁非常陡，以這個學習率走一步就會把點甩得很遠，幾步之內數值就溢位了。每步之前把梯度長度裁剪到 10，就限制了每一步的移動距離，同樣的學習率也能安全地走進山谷。',
    },
    scene: {
      surface: { id: 'rosenbrock' },
      start: [-1.5, 2],
      steps: 300,
      optimizers: [
        { type: 'sgd', lr: 0.0025, label: 'no clipping', color: '#d55e00' },
        { type: 'sgd', lr: 0.0025, clip_grad_norm: 10, label: 'clipped', color: '#0072b2' },
      ],
    },
    predict: { kind: 'diverge', optimizer: 0 },
    focus: [1],
  },
  {
    // noise (issue 14): momentum's value under noisy gradients, claim tested in lessons.test.ts.
    id: 'momentum-noise',
    note: NOTE_001,
    title: {
      en: 'Momentum vs SGD under noise',
      'zh-CN': '有噪声时：动量法对比 SGD',
      'zh-TW': '有雜訊時：動量法對比 SGD',
    },
    body: {
      en: 'Seven wells of different depths, and every gradient carries Gaussian noise. Both optimizers take the same effective step (SGD at 2, momentum at 0.2 / (1 − 0.9) = 2). SGD drops into the nearest shallow well and the noise only rattles it there; momentum keeps its speed across the small wells and settles in the deepest one. Change the noise seed: SGD almost never leaves its well, momentum reaches the deepest one in most runs.',
      'zh-CN':
        '这里有七个深浅不一的坑，每次算出的梯度都带着高斯噪声。两个优化器的有效步长相同（SGD 为 2，动量法为 0.2 / (1 − 0.9) = 2）。SGD 掉进最近的浅坑，噪声只是让它在坑里晃动；动量法带着速度越过一个个小坑，最后停在最深的那个里。换一个噪声的随机种子试试：SGD 几乎从不离开它的坑，动量法多数时候都能到达最深的坑。',
      'zh-TW':
        '這裡有七個深淺不一的坑，每次算出的梯度都帶著高斯雜訊。兩個最佳化器的有效步長相同（SGD 為 2，動量法為 0.2 / (1 − 0.9) = 2）。SGD 掉進最近的淺坑，雜訊只是讓它在坑裡晃動；動量法帶著速度越過一個個小坑，最後停在最深的那個裡。換一個雜訊的隨機種子試試：SGD 幾乎從不離開它的坑，動量法多數時候都能到達最深的坑。',
    },
    scene: {
      surface: { id: 'bumps' },
      start: [3.5, 1],
      steps: 300,
      optimizers: [
        { type: 'sgd', lr: 2, label: 'SGD', color: '#d55e00' },
        { type: 'sgd', lr: 0.2, momentum: 0.9, label: 'Momentum', color: '#0072b2' },
      ],
      noise: { type: 'gaussian', scale: 0.05, seed: 1 },
    },
    focus: [0, 1],
    lrRange: [0.05, 4],
  },
];

/** The lesson with this id, if any. */
export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
