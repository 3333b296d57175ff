/**
 * English strings of the gradient-flow lab, keyed `lab.*` (the lead merges them into src/i18n).
 * `{name}` marks a parameter.
 */
export const labStrings = {
  'lab.title': 'Gradient-flow lab',
  'lab.intro':
    'Gradients flow backwards through a network, multiplied at every layer. Watch them shrink to nothing or blow up as you change depth, activation and initialisation — and how batch norm and skip connections keep them alive.',
  'lab.urlProblems': 'Some lab settings in the link were not valid and were replaced by defaults:',
  'lab.dismiss': 'Dismiss',
  'lab.controls': 'Network settings',
  'lab.compare': 'A | B compare',
  'lab.compareHelp': 'Two configurations side by side',
  'lab.editing': 'Configuration being edited',
  'lab.slotA': 'A',
  'lab.slotB': 'B',
  'lab.depth': 'Depth (layers)',
  'lab.width': 'Width (units per layer)',
  'lab.activation': 'Activation',
  'lab.init': 'Initialisation',
  'lab.weightScale': 'Weight scale ×',
  'lab.batchnorm': 'Batch norm',
  'lab.residual': 'Residual connections',
  'lab.clip': 'Clip gradient norm (0 = off)',
  'lab.optimizer': 'Optimizer',
  'lab.lr': 'Learning rate',
  'lab.dataset': 'Data set',
  'lab.seed': 'Seed',
  'lab.train': 'Train',
  'lab.pause': 'Pause',
  'lab.step': 'Step',
  'lab.reset': 'Reset',
  'lab.status': 'Step {step} · loss {loss} · accuracy {accuracy}',
  'lab.statusPending': 'Computing…',
  'lab.diverged':
    'Diverged: the loss is no longer a finite number. Lower the learning rate or the weight scale.',
  'lab.inline':
    'Running without a worker (this page cannot start one); big networks will make it sluggish.',
  'lab.error': 'The computation failed: {message}',
  'lab.config': 'Configuration {slot}',
  'lab.diagram': 'Network diagram',
  'lab.diagramHelp':
    'Activations flow right, gradients flow left. Each link’s thickness and colour show that layer’s weight-gradient norm on a log scale; pick a layer to see its chain rule.',
  'lab.diagramLayer': 'Layer {layer}: ‖∂L/∂W‖ = {norm}',
  'lab.forward': 'forward: activations →',
  'lab.backward': '← backward: gradients',
  'lab.input': 'input',
  'lab.output': 'output',
  'lab.legendSmall': 'vanishing',
  'lab.legendLarge': 'exploding',
  'lab.bars': 'Gradient norm per layer',
  'lab.barsHelp': '‖∂L/∂W‖ of each layer, log scale; input side at the top.',
  'lab.barLabel': 'Layer {layer} gradient norm {norm}',
  'lab.histograms': 'Activations per layer',
  'lab.histogramsHelp':
    'Histogram of g(z) over the data set; “flat” counts saturated or dead units.',
  'lab.histogramLabel': 'Layer {layer}: mean {mean}, std {std}, {flat}% flat',
  'lab.layer': 'Layer {layer}',
  'lab.histogramCaption': 'Layer {layer} · σ {std}',
  'lab.histogramCaptionFlat': 'Layer {layer} · σ {std} · {flat}% flat',
  'lab.lossChart': 'Loss',
  'lab.lossChartLabel': 'Loss curve over {steps} steps, now {loss}',
  'lab.boundary': 'Decision boundary',
  'lab.boundaryLabel': '{dataset} data with the network’s decision boundary; accuracy {accuracy}',
  'lab.chain': 'Chain rule for layer {layer}',
  'lab.chainHelp':
    'Note 000’s scalar chain: every later weight multiplies an earlier gradient. In a real layer the weight becomes Wᵀ and g′ joins it; the ratio of δ norms is what each layer multiplies by.',
  'lab.chainMean': 'On average each layer above multiplies the gradient by {gain}.',
  'lab.linearTitle': 'The chain rule on a linear chain (note 000)',
  'lab.linearHelp':
    'Three scalar layers y = w·y₋₁ with no activation, input x, target t = 0 and L = ½(ŷ − t)². Every gradient carries the product of the weights after it: make them all below 1 and the first one vanishes, above 1 and it explodes.',
  'lab.linearWeight': 'w{index} = {value}',
  'lab.linearInput': 'x = {value}',
  'lab.linearLoss': 'ŷ = {yhat}, L = {loss}',
  'lab.calculator': 'Backprop calculator',
  'lab.calculatorHelp':
    'A small network for one sample and ½‖y − t‖². Edit any weight or input, then step through BP1–BP4; the last column checks every gradient by finite differences.',
  'lab.calcLayers': 'Layer sizes',
  'lab.calcLayerSize': 'Units in layer {layer}',
  'lab.calcInputSize': 'Inputs',
  'lab.calcActivation': 'Activation (all layers)',
  'lab.calcInput': 'x{index}',
  'lab.calcTarget': 't{index}',
  'lab.calcWeight': 'W{layer} row {row} column {col}',
  'lab.calcBias': 'b{layer} row {row}',
  'lab.calcPrev': 'Back',
  'lab.calcNext': 'Next',
  'lab.calcStage': 'Stage {n} of {total}: {name}',
  'lab.calcReset': 'New random weights',
  'lab.stageForward': 'forward pass',
  'lab.stageBP1': 'BP1 — output error δ{layer}',
  'lab.stageBP2': 'BP2 — δ{layer} from δ{next}',
  'lab.stageBP3': 'BP3 — bias gradients',
  'lab.stageBP4': 'BP4 — weight gradients, and the check',
  'lab.calcLoss': 'Loss ½‖y − t‖² = {loss}',
  'lab.calcAgree': 'Backprop and finite differences agree: largest relative difference {err}.',
  'lab.calcDisagree': 'Largest relative difference {err}: check the saturated units.',
  'lab.colParam': 'parameter',
  'lab.colValue': 'value',
  'lab.colBackprop': 'backprop',
  'lab.colNumeric': 'finite diff.',
  'lab.formulas': 'The formulas',
  'lab.fChain': 'Chain rule through a linear chain (note 000)',
  'lab.fBackprop': 'Backpropagation, BP1–BP4 (note 004)',
  'lab.fInit': 'Initialisation ranges (note 003)',
  'lab.fBnForward': 'Batch norm, forward (note 003)',
  'lab.fBnBackward': 'Batch norm, backward (note 003)',
  'lab.fInitHelp':
    'Xavier keeps the variance of activations and gradients equal for tanh-like units; He doubles it for ReLU, which zeroes half its inputs.',
  'lab.act.sigmoid': 'sigmoid',
  'lab.act.tanh': 'tanh',
  'lab.act.relu': 'ReLU',
  'lab.act.leaky_relu': 'leaky ReLU',
  'lab.act.elu': 'ELU',
  'lab.act.linear': 'linear',
  'lab.init.zero': 'zero',
  'lab.init.normal': 'normal N(0, 1)',
  'lab.init.xavier': 'Xavier',
  'lab.init.he': 'He',
  'lab.data.spiral': 'spiral',
  'lab.data.moons': 'moons',
  'lab.data.circles': 'circles',
  'lab.data.xor': 'XOR',
} as const;

/** A lab string key. */
export type LabStringKey = keyof typeof labStrings;

/** The English string `key` with `{name}` placeholders filled from `params`. */
export function t(
  key: LabStringKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return labStrings[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
