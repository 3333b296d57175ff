/**
 * The gradient-flow lab's presets as lessons: each is a pair of network configurations shown side
 * by side (the lab's A | B compare) and links to `?page=lab&lab=<text>`, the text written by the
 * lab's own URL codec so the lab reads it exactly as if a user had set it up.
 */
import { DEFAULT_LAB_CONFIG, encodeLabUrl } from '../state/lab';
import type { LabConfig, LabUrlState } from '../state/lab';
import type { LessonText } from './catalog';

/** A lab preset with its explanation. */
export interface LabLesson {
  /** Stable id. */
  readonly id: string;
  readonly title: LessonText;
  readonly body: LessonText;
  /** Configuration A and the compared configuration B. */
  readonly state: LabUrlState;
}

const deep = (patch: Partial<LabConfig>): LabConfig => ({
  ...DEFAULT_LAB_CONFIG,
  depth: 16,
  width: 16,
  ...patch,
});

/** The lab presets, in teaching order. */
export const LAB_LESSONS: readonly LabLesson[] = [
  {
    id: 'lab-sigmoid-vs-relu',
    title: {
      en: 'Sigmoid vs ReLU at depth',
      'zh-CN': '深层网络中的 Sigmoid 与 ReLU',
      'zh-TW': '深層網路中的 Sigmoid 與 ReLU',
    },
    body: {
      en: "A sigmoid's slope is at most 1/4, so the chain rule multiplies the gradient by a small factor at every layer: 16 layers deep, the first layers of A barely learn. ReLU passes the gradient through unchanged wherever a unit is active, so B's early layers keep a usable gradient.",
      'zh-CN':
        'Sigmoid 的斜率最大只有 1/4，链式法则在每一层都把梯度乘上一个小因子：在 16 层深的 A 中，前面几层几乎学不到东西。ReLU 在单元激活时把梯度原样传回，所以 B 的前几层仍保有可用的梯度。',
      'zh-TW':
        'Sigmoid 的斜率最大只有 1/4，連鎖律在每一層都把梯度乘上一個小因子：在 16 層深的 A 中，前面幾層幾乎學不到東西。ReLU 在單元啟動時把梯度原樣傳回，所以 B 的前幾層仍保有可用的梯度。',
    },
    state: {
      a: deep({ activation: 'sigmoid', init: 'xavier' }),
      b: deep({ activation: 'relu', init: 'he' }),
    },
  },
  {
    id: 'lab-xavier-vs-he',
    title: {
      en: 'Xavier vs He initialisation for ReLU',
      'zh-CN': 'ReLU 网络的 Xavier 与 He 初始化',
      'zh-TW': 'ReLU 網路的 Xavier 與 He 初始化',
    },
    body: {
      en: 'ReLU zeroes half of its inputs, so each layer halves the variance of the signal. Xavier scales the weights for activations that keep it, and the activations of A shrink layer after layer. He initialisation doubles the variance to make up for the lost half, so B keeps its scale all the way down.',
      'zh-CN':
        'ReLU 会把一半输入置零，因此每经过一层，信号的方差就减半。Xavier 的权重尺度是为保持方差的激活函数设计的，A 的激活值逐层缩小。He 初始化把方差加倍以弥补失去的一半，所以 B 一路保持原有的尺度。',
      'zh-TW':
        'ReLU 會把一半輸入歸零，因此每經過一層，訊號的變異數就減半。Xavier 的權重尺度是為保持變異數的激活函數設計的，A 的激活值逐層縮小。He 初始化把變異數加倍以彌補失去的一半，所以 B 一路保持原有的尺度。',
    },
    state: {
      a: deep({ activation: 'relu', init: 'xavier' }),
      b: deep({ activation: 'relu', init: 'he' }),
    },
  },
  {
    id: 'lab-batchnorm',
    title: {
      en: 'With and without batch norm',
      'zh-CN': '有无批归一化',
      'zh-TW': '有無批次正規化',
    },
    body: {
      en: "Weights drawn twice too large push a deep sigmoid network into saturation, where the slopes are nearly zero and A's gradients fade. Batch norm re-centres and rescales every layer's inputs, so B's units stay in the steep middle of the sigmoid and the gradient reaches the first layers.",
      'zh-CN':
        '权重初始化得大了一倍，会把深层 sigmoid 网络推入饱和区，那里的斜率几乎为零，A 的梯度随之消失。批归一化把每一层的输入重新居中并缩放，让 B 的单元停留在 sigmoid 陡峭的中段，梯度得以传到最前面的几层。',
      'zh-TW':
        '權重初始化得大了一倍，會把深層 sigmoid 網路推入飽和區，那裡的斜率幾乎為零，A 的梯度隨之消失。批次正規化把每一層的輸入重新置中並縮放，讓 B 的單元停留在 sigmoid 陡峭的中段，梯度得以傳到最前面的幾層。',
    },
    state: {
      a: deep({ activation: 'sigmoid', init: 'xavier', weightScale: 2 }),
      b: deep({ activation: 'sigmoid', init: 'xavier', weightScale: 2, batchnorm: true }),
    },
  },
  {
    id: 'lab-residual',
    title: {
      en: 'Residual connections',
      'zh-CN': '残差连接',
      'zh-TW': '殘差連接',
    },
    body: {
      en: 'In a plain 32-layer tanh network the gradient is a product of 32 Jacobians and fades on its way back. A skip connection adds the identity to every layer, so the gradient always has a direct path to the first layers: B trains where A stalls.',
      'zh-CN':
        '在普通的 32 层 tanh 网络中，梯度是 32 个雅可比矩阵的乘积，在反向传播途中逐渐衰减。跳跃连接为每一层加上恒等映射，梯度总有一条直通前几层的路径：A 停滞时，B 仍在训练。',
      'zh-TW':
        '在普通的 32 層 tanh 網路中，梯度是 32 個雅可比矩陣的乘積，在反向傳播途中逐漸衰減。跳躍連接為每一層加上恆等映射，梯度總有一條直通前幾層的路徑：A 停滯時，B 仍在訓練。',
    },
    state: {
      a: deep({ depth: 32, activation: 'tanh', init: 'xavier' }),
      b: deep({ depth: 32, activation: 'tanh', init: 'xavier', residual: true }),
    },
  },
];

/** The lab's `lab` parameter text for a preset. */
export function labLessonText(lesson: LabLesson): string {
  return encodeLabUrl(lesson.state);
}

/** The address of a preset in the lab, relative to the app. */
export function labLessonHref(lesson: LabLesson): string {
  // Readable like the lab's own URL writer: ':' ',' ';' are legal in a query and stay as they are.
  const text = encodeURIComponent(labLessonText(lesson))
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%3B/g, ';');
  return `./?page=lab&lab=${text}`;
}
