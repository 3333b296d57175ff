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
  /**
   * What to look at, and when (before training or after some steps): the point of a lab lesson
   * is often visible at one moment only. Each claim is tested on the lab's engine.
   */
  readonly look: LessonText;
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
    look: {
      en: 'Before training (step 0), read Gradient norm per layer: A’s first-layer bar is about a hundred-millionth of its last one, B’s about a tenth. Then press Train for about 100 steps: A’s loss stays at 0.69 (guessing), B’s falls to almost 0.',
      'zh-CN':
        '训练之前（第 0 步）看“各层梯度范数”：A 第一层的条只有最后一层的约一亿分之一，B 的约为十分之一。然后按“训练”走大约 100 步：A 的损失停在 0.69（等于瞎猜），B 的几乎降到 0。',
      'zh-TW':
        '訓練之前（第 0 步）看「各層梯度範數」：A 第一層的長條只有最後一層的約一億分之一，B 的約為十分之一。接著按「訓練」走大約 100 步：A 的損失停在 0.69（等於亂猜），B 的幾乎降到 0。',
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
    look: {
      en: 'Look before you press Train: at step 0, in Activations per layer, A’s σ shrinks layer after layer to about a thousandth by the last hidden layer, while B’s keeps most of its size. Training hides it: after about 100 steps both nets fit the data. Press Reset to see step 0 again.',
      'zh-CN':
        '在按“训练”之前看：第 0 步时，在“各层激活值”里，A 的 σ 逐层缩小，到最后一个隐藏层只剩约千分之一，而 B 的基本保持原有大小。训练会掩盖这一点：大约 100 步之后两个网络都拟合了数据。按“重置”可以回到第 0 步再看。',
      'zh-TW':
        '在按「訓練」之前看：第 0 步時，在「各層激勵值」裡，A 的 σ 逐層縮小，到最後一個隱藏層只剩約千分之一，而 B 的大致保持原有大小。訓練會掩蓋這一點：大約 100 步之後兩個網路都擬合了資料。按「重設」可以回到第 0 步再看。',
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
    look: {
      en: 'Before training, read Gradient norm per layer: A’s first-layer bar is tens of thousands of times shorter than its last, B’s is not. Then press Train for about 100 steps: A’s loss stays at 0.69, B’s falls to almost 0.',
      'zh-CN':
        '训练之前看“各层梯度范数”：A 第一层的条比最后一层短几万倍，B 的则不然。然后按“训练”走大约 100 步：A 的损失停在 0.69，B 的几乎降到 0。',
      'zh-TW':
        '訓練之前看「各層梯度範數」：A 第一層的長條比最後一層短好幾萬倍，B 的則不然。接著按「訓練」走大約 100 步：A 的損失停在 0.69，B 的幾乎降到 0。',
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
    look: {
      en: 'At step 0 the two look alike. Press Train for about 100 steps, then read Gradient norm per layer: A’s first-layer bar has faded to about a ten-billionth of its last, B’s is still about as long, and B’s loss is near 0 while A’s is stuck near 0.6.',
      'zh-CN':
        '第 0 步时两者看起来差不多。按“训练”走大约 100 步，再看“各层梯度范数”：A 第一层的条已经衰减到最后一层的约百亿分之一，B 的仍然差不多一样长；B 的损失接近 0，A 的卡在 0.6 左右。',
      'zh-TW':
        '第 0 步時兩者看起來差不多。按「訓練」走大約 100 步，再看「各層梯度範數」：A 第一層的長條已衰減到最後一層的約百億分之一，B 的仍然差不多一樣長；B 的損失接近 0，A 的卡在 0.6 左右。',
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
  // `lesson=` keeps the lesson's text beside the lab (LabPage's lesson panel).
  return `./?page=lab&lab=${text}&lesson=${lesson.id}`;
}
