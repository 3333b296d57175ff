/**
 * The English texts the first screen does not need (see ./en for the split): loaded after the
 * first paint, or before a page or panel that needs them renders. `{name}` marks a parameter.
 */
export const enMore = {
  // Paths off the map (ExitLabels, loaded after the first paint): gone for good, or a start outside.
  'map.leftMap': '{name} left the map at step {step} {arrow}',
  'map.leftMapShort': '{name} {step}{arrow}',
  'map.offMapUntil': '{name} is off the map until step {step} {arrow}',
  'map.offMapWholeRun': '{name} is off the map for the whole run {arrow}',
  'map.offMapShort': '{name} off the map {arrow}',
  // The shortcuts dialog (opens on ?) and the panels' "what am I looking at" notes (open on click).
  'shortcuts.heading': 'Keyboard shortcuts',
  'shortcuts.play': 'Play or pause',
  'shortcuts.step': 'One step back or forward',
  'shortcuts.step10': 'Ten steps back or forward',
  'shortcuts.reset': 'Back to the start',
  'shortcuts.toggle': 'Show or hide optimizer 1 to 9',
  'shortcuts.present': 'Presenter mode on or off',
  'shortcuts.fullscreen': 'Full screen on or off',
  'shortcuts.help': 'Show these shortcuts',
  'shortcuts.close': 'Close this dialog',
  // Review 10 (presenter): Esc's row in the shortcuts table.
  'shortcuts.escape': 'Close this dialog, or leave presenter mode',
  'shortcuts.note':
    'A text field keeps the keys you type into it. A slider or menu keeps its arrow keys only while you reached it with Tab; after you drag or click it, the keys above drive playback again.',
  'help.map':
    'A map of the loss f(x, y): contour lines join points of equal loss, darker is lower. Each coloured path is one optimizer walking downhill from the same start (the ringed dot); drag the start or press play.',
  'help.surface':
    'The function being minimised. Pick a named surface or type your own in x and y; its formula is shown below it. The start point is where every optimizer begins.',
  'help.optimizers':
    'The optimizers racing on the map, with torch.optim’s names and defaults. Open one (▸) to change its learning rate and other settings; untick it to hide its path.',
  'help.charts':
    'How fast each optimizer makes progress: the loss at every step (log scale), and the distance to the nearest minimum. The dashed line is the step shown on the map.',
  'help.formula':
    'The selected optimizer’s update rule as torch runs it, the notes’ version beside it, then this step with the numbers filled in: follow one step of the path by hand.',
  'shortcuts.clicker': "One step back or forward (a presentation clicker's keys)",
  // Analysis drawer (src/views/analysis).
  'analysis.hide': 'Hide analysis',
  'analysis.heading': 'Analysis',
  'analysis.noise.settings': '{kind}, {params}, seed {seed}',
  'analysis.noise.exact':
    'The map’s paths have gradient noise ({noise}). This tab computes with exact gradients: the noisy paths wander around what it shows.',
  'analysis.noise.step':
    'The map’s paths have gradient noise ({noise}): each step below is the noisy step the path took.',
  'analysis.close': 'Close the analysis',
  'analysis.tabs': 'Analysis views',
  'analysis.tab.race': 'Race',
  'analysis.tab.sweep': 'LR sweep',
  'analysis.tab.stability': 'Stability',
  'analysis.tab.basins': 'Basins',
  'analysis.tab.minibatch': 'Mini-batch noise',
  'analysis.tab.step': 'Step by step',
  'analysis.progress': 'Analysis progress',
  'analysis.progressOf': '{done} of {total}',
  'analysis.optimizer': 'Optimizer',
  'analysis.diverged': 'diverged',
  'analysis.col.optimizer': 'Optimizer',
  'analysis.col.lr': 'Tuned lr',
  'analysis.col.steps': 'Steps to ε',
  'analysis.col.final': 'Final loss',
  'analysis.race.criterion':
    'Same start ({x}, {y}), same budget of {steps} steps, same criterion for all: the loss within ε = {epsilon} of the minimum. Each learning rate is tuned for the fewest steps.',
  'analysis.race.epsilon': 'Tolerance ε',
  'analysis.race.target': 'Target loss {loss} ({source}).',
  'analysis.race.source.given': 'given',
  'analysis.race.source.minimum': 'known minimum + ε',
  'analysis.race.source.best-run': 'best loss any run reached + ε',
  'analysis.race.caption': 'Leaderboard: each optimizer at its tuned learning rate',
  'analysis.race.never': 'not reached',
  'analysis.race.apply': 'Apply the tuned learning rates',
  'analysis.sweep.metric': 'Plot',
  'analysis.sweep.metric.loss': 'final loss',
  'analysis.sweep.metric.steps': 'steps to ε',
  'analysis.sweep.plot':
    'Learning-rate sweep; each point is a run, click one to use its learning rate',
  'analysis.sweep.axis': 'learning rate (log scale)',
  'analysis.sweep.edge': 'Diverges from lr {lr}',
  'analysis.sweep.current': 'Current lr {lr}',
  'analysis.sweep.point': 'lr {lr}: final loss {loss}, steps to ε {steps}',
  'analysis.sweep.pointDiverged': 'lr {lr}: diverged',
  'analysis.sweep.edgeCaption':
    'Divergence edge: stable up to lr {stable}, diverges from {diverged} on (shaded).',
  'analysis.sweep.noEdge': 'No divergence edge in this range: even the largest lr stayed finite.',
  'analysis.sweep.help':
    'Same start and step budget as the scene. Click a point to set that learning rate.',
  'analysis.stability.atStart': 'At the start',
  'analysis.stability.atCursor': '{name} at step {k}',
  'analysis.stability.caption': 'Hessian eigenvalues and condition number',
  'analysis.stability.hessian': 'Hessian',
  'analysis.stability.condition': 'Condition number',
  'analysis.stability.shape': 'Shape',
  'analysis.curvature.bowl': 'bowl',
  'analysis.curvature.saddle': 'saddle',
  'analysis.curvature.cap': 'cap',
  'analysis.curvature.flat': 'flat direction',
  'analysis.curvature.undefined': 'not finite',
  'analysis.stability.help':
    'Plain gradient descent diverges on the local quadratic when lr > 2/λ_max. The ellipses on the map are its level sets; their axes are the eigenvectors.',
  'analysis.stability.region':
    'Momentum SGD on the start’s quadratic: where (lr, momentum) converges (blue) or diverges (red)',
  'analysis.stability.axes':
    'lr from {lo} to {hi} (log, left to right); momentum 0 to 0.99 (bottom to top).',
  'analysis.stability.converges':
    'lr {lr}, momentum {momentum}: converges (spectral radius {radius}).',
  'analysis.stability.divergesHere':
    'lr {lr}, momentum {momentum}: does not converge (spectral radius {radius}).',
  'analysis.stability.noRegion':
    'The start is not in a bowl (an eigenvalue ≤ 0), so no setting converges on its quadratic.',
  'analysis.basins.grid': 'Grid',
  'analysis.basins.steps': 'Steps',
  'analysis.basins.overlay': 'Show on the map',
  'analysis.basins.legend': 'Basins of attraction',
  'analysis.basins.diverged': 'diverged',
  'analysis.basins.unsettled': 'not converged within the budget',
  'analysis.basins.minimum': 'minimum {n} {where}',
  'analysis.basins.found': 'resting point {n} {where}',
  'analysis.basins.share': '{pct} %',
  'analysis.basins.help':
    'Every start point of the visible map is coloured by where the optimizer ends after the step budget. Computed in the background; pan or zoom to recompute.',
  'analysis.mb.kind': 'Model',
  'analysis.mb.linear': 'linear regression (MSE)',
  'analysis.mb.logistic': 'logistic regression (cross-entropy)',
  'analysis.mb.n': 'Examples N',
  'analysis.mb.seed': 'Seed',
  'analysis.mb.steps': 'Steps',
  'analysis.mb.lr': 'lr',
  'analysis.mb.batch': 'Batch size {batch} of {n}',
  'analysis.mb.map':
    'Loss contours over (w, b) with the mini-batch SGD path and the full-batch GD path',
  'analysis.mb.gd': 'full-batch gradient descent',
  'analysis.mb.sgd': 'mini-batch SGD, {batch} per batch',
  'analysis.mb.gap': 'Largest distance from the full-batch path: {gap}',
  'analysis.mb.help':
    'The contours are the exact full-data loss; its minimum is at w = {w}, b = {b}. Same seed, same batches, same path.',
  'analysis.step.heading': '{name}, step {k} → {next} at η = {lr}',
  'analysis.step.gradient': 'gradient step −η g',
  'analysis.step.momentum': 'momentum −η b',
  'analysis.step.scaled-gradient': 'scaled gradient',
  'analysis.step.step': 'actual step',
  'analysis.step.scale': 'Per-coordinate scale: x × {x}, y × {y}',
  'analysis.step.magnified': 'arrows × {factor}',
  'analysis.step.none': '{name} has no step here (it diverged earlier).',
  'analysis.step.help':
    'Move the playback cursor to see another step; every arrow starts at the current point, at the step’s own scale.',
  'embed.title': 'Embed this scene',
  'embed.intro':
    'Paste this code into a blog post or web page. The iframe shows the current scene with the controls chosen here.',
  'embed.controls': 'Controls shown',
  'embed.controlPlay': 'Playback (play, step, scrub)',
  'embed.controlCharts': 'Loss and distance charts',
  'embed.controlLr': 'Learning-rate slider: {name}',
  'embed.theme': 'Theme',
  'embed.themeLight': 'Light',
  'embed.themeDark': 'Dark',
  'embed.themeAuto': "Follow the reader's system",
  'embed.height': 'Height (px)',
  'embed.code': 'Embed code',
  'embed.copy': 'Copy code',
  'embed.copied': 'Copied',
  'embed.copyFailed': 'Copying failed: select the code and copy it.',
  'embed.script':
    'Optional: add this script once to the host page, and the iframe resizes itself to fit its content.',
  'embed.copyScript': 'Copy script',
  'embed.preview': 'Preview',
  'embed.close': 'Close',
  'embed.frameTitle': 'Descent: gradient descent, step by step',
  'embed.showMap': 'Map',
  'embed.toMap': 'Show the map again',
  'embed.toCharts': 'Show the charts in the map’s place',

  // Export menu (src/views/export) and the screen-reader live region (src/views/a11y).
  'export.button': 'Export',
  'export.menu': 'Export formats',
  'export.png': 'PNG image',
  'export.svg': 'SVG image',
  'export.gif': 'Animated GIF of the run',
  'export.csv': 'CSV table of every step',
  'export.json': 'JSON of every step',
  'export.pytorch': 'Copy as PyTorch',
  'export.working': 'Preparing the file…',
  'export.gifProgress': 'Encoding GIF: frame {done} of {total}',
  // Video export (h-embed): WebM, and MP4 (H.264) for Keynote, PowerPoint and older iOS Safari,
  // through WebCodecs and Mediabunny.
  'export.webm': 'WebM video of the run (view size)',
  'export.webm1080': 'WebM video of the run (1080p)',
  'export.mp4': 'MP4 video of the run (view size)',
  'export.mp4_1080': 'MP4 video of the run (1080p)',
  'export.videoProgress': 'Encoding video: frame {done} of {total}',
  'export.videoUnsupported':
    'This browser cannot encode video (no WebCodecs VP9 or VP8 encoder); the animated GIF works everywhere.',
  'export.mp4Unsupported':
    'This browser cannot encode MP4 video (no WebCodecs H.264 encoder at this size); try WebM, or the animated GIF, which works everywhere.',
  'export.cancel': 'Cancel',
  'export.cancelled': 'GIF export cancelled',
  'export.saved': 'Saved {file}',
  'export.copied': 'PyTorch code copied to the clipboard',
  'export.copyFallback': 'The clipboard is not available: saved {file} instead',
  'export.failed': 'Export failed: {message}',
  'export.notReady': 'the map has not been drawn yet',
  'formula.pending': 'The formula panel is on its way.',

  // Formula panel (src/views/formula/strings.ts keeps the same English as its fallback).
  'formula.tabs': 'Optimizer whose formula is shown',
  'formula.hidden': 'hidden',
  'formula.rule': 'Update rule, as torch runs it',
  'formula.notes': 'As note 003 writes it',
  'formula.note': 'Torch and the notes',
  'formula.step': 'Step {k} → {next}, with its numbers',
  'formula.elementwise':
    'Vector operations are element-wise; numbers are rounded to 4 significant digits.',
  'formula.diverged':
    '{label} diverged at step {step}: after that the position or the loss is no longer a finite number, so there are no values to show. Move back to step {step} or earlier, or lower the learning rate.',
  'formula.empty': 'Add an optimizer to see its update rule.',
  // learnfix: words inside the formulas' \text{} (src/views/formula/texWords.ts).
  'formula.tex.stopIf': 'stop if',
  'formula.tex.last': 'last',
  'formula.tex.pairs': 'pairs',
  'formula.tex.twoLoop': 'two-loop recursion',
  'formula.tex.strongWolfe': 'strong Wolfe',
  'formula.tex.first': 'first:',
  'formula.tex.times': 'times',
  'formula.tex.otherwise': 'otherwise',
  'formula.tex.where': 'where',
  'formula.tex.directionOnly': 'the direction only',
  'formula.tex.given': 'given',
  'formula.tex.lineSearch': 'line search',
  'formula.tex.evals': 'evals',
  'formula.tex.innerIterations': 'inner iterations',
  'formula.tex.evaluations': 'evaluations',
  'lab.outputLayerNoFactors': 'the output layer: no factors',

  // The gradient-flow lab (src/views/lab reads these through its own `t`).
  'lab.title': 'Gradient-flow lab',
  'lab.intro':
    'Gradients flow backwards through a network, multiplied at every layer. Watch them shrink to nothing or blow up as you change depth, activation and initialisation — and how batch norm and skip connections keep them alive.',
  'lab.urlProblems': 'Some lab settings in the link were not valid and were replaced by defaults:',
  'lab.dismiss': 'Dismiss',
  'lab.clamp.above': '{field}: {got} is more than the largest value, {max}; {used} is used.',
  'lab.clamp.below': '{field}: {got} is less than the smallest value, {min}; {used} is used.',
  'lab.clamp.whole': '{field}: {got} is not a whole number; {used} is used.',
  'lab.clamp.notAbove': '{field}: {got} is not above {min}; {used} is kept.',
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
  'lab.speed': 'Speed',
  'lab.speed.max': 'fastest',
  'lab.speed.n': '{n} steps/s',
  'lab.train': 'Train',
  'lab.pause': 'Pause',
  'lab.step': 'Step',
  'lab.reset': 'Reset',
  'lab.status': 'Step {step} · loss {loss} · accuracy {accuracy}',
  'lab.statusPending': 'Computing…',
  'lab.saturatedWrong':
    'The output is saturated for {saturated} of {count} points (|logit| > {limit}): the network is certain of them. {wrong} of them are on the wrong side; the loss on logits (BCEWithLogitsLoss, used here) still pulls them back, where a cross-entropy taken after a sigmoid would give them almost no gradient.',
  'lab.saturatedRight':
    'The output is saturated for {saturated} of {count} points (|logit| > {limit}): the network is certain of them, and right, so they add almost nothing to the gradient.',
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
  'lab.lossChartEmpty': 'Loss curve: no training step yet',
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
  // lab landscape (issue 13)
  'lab.views': 'What the lab shows',
  'lab.tabTraining': 'Training',
  'lab.tabLandscape': 'Landscape',
  'lab.landscape.title': 'Loss landscape',
  'lab.landscape.intro':
    'The loss of network A on its training data, on a plane through its current weights θ: L(θ + α·d₁ + β·d₂), with batch norm on batch statistics as in training. The network has many more than two weights, so this is a slice: it shows two directions and hides all the others.',
  'lab.landscape.directions': 'Directions',
  'lab.landscape.dir.pca': 'PCA of the training path',
  'lab.landscape.dir.filter': 'Random, filter-normalised',
  'lab.landscape.dir.none': 'Random, unnormalised',
  'lab.landscape.dirHelp.pca':
    'd₁ and d₂ are the two directions in which the saved weights moved most during training (Li et al. 2018). With compare on and the same network and data, both paths share one plane: the PCA of all their snapshots.',
  'lab.landscape.dirHelp.filter':
    'Gaussian random directions in which every unit’s incoming weights are rescaled to the norm of the same weights in θ; biases and batch-norm parameters stay put (Li et al. 2018). α = β = 1 is then a step as large as the weights themselves.',
  'lab.landscape.dirHelp.none':
    'Gaussian random directions as drawn, biases included. A ReLU unit does not care how large its weights are, only in which direction they point: without normalising, the same step moves small units a lot and large ones barely, so the picture depends on the scale of the weights rather than on the landscape.',
  'lab.landscape.newDirections': 'New random directions',
  'lab.landscape.update': 'Update to the current weights',
  'lab.landscape.cancel': 'Cancel',
  'lab.landscape.progressLabel': 'Progress of the slice',
  'lab.landscape.progress': '{done} of {total} points computed (a coarse grid first, then refined)',
  'lab.landscape.cancelled': 'Cancelled. “Update to the current weights” computes the slice again.',
  'lab.landscape.needTraining':
    'Train a few steps first: the PCA of a path needs at least two saved snapshots of the weights.',
  'lab.landscape.moreHelp':
    'Add optimizers to this plane: each trains A’s network on A’s data from A’s initial weights, as many steps as A has taken, and its path is projected onto the same plane (the PCA of all the paths together).',
  'lab.landscape.moreAdd': 'Add an optimizer to the plane',
  'lab.landscape.moreRemove': 'Remove {slot} from the plane',
  'lab.landscape.trainingMore': 'Training {name}: step {done} of {step}…',
  'lab.landscape.moreDiverged':
    '{name} diverged (its loss or weights stopped being finite), so it is left off the plane. Try a smaller lr.',
  'lab.landscape.pathsOther':
    'B trains another network or data set, so its path does not live on A’s landscape; only A is drawn.',
  'lab.landscape.badge': 'The plane holds {share} of the path’s variance',
  'lab.landscape.badgeDetail': 'd₁ {e1} · d₂ {e2}',
  'lab.landscape.mapLabel': 'Loss contours of a {side} slice, loss from {min} to {max}',
  'lab.landscape.axes':
    'α along d₁ from {a0} to {a1} (right); β along d₂ from {b0} to {b1} (up); + marks θ.',
  'lab.landscape.cursor': 'Point on the paths: step {step}',
  'lab.landscape.colPath': 'path',
  'lab.landscape.colStep': 'step',
  'lab.landscape.colTrue': 'true loss',
  'lab.landscape.colPlane': 'plane shows',
  'lab.landscape.colGap': 'difference',
  'lab.landscape.pathLabel': '{slot}: {optimizer}, lr {lr}',
  'lab.landscape.honest':
    'The plane passes through A’s current weights, so there the map is exact. Every other point of a path lies off the plane: the map shows the loss at its shadow on the plane, not at the real weights. The difference is what the two directions leave out.',
  'lab.landscape.originLoss':
    'At θ, the centre of the map, the loss is {loss}: the plane passes through the real weights there. Random directions are nearly orthogonal to the training path, so no path is drawn on them.',
  'lab.landscape.interp': 'Straight line from the initial to the current weights',
  'lab.landscape.interpHelp':
    'L((1 − t)·θ₀ + t·θ) for t from −0.25 to 1.25: t = 0 is the untrained network, t = 1 the current one (Goodfellow et al. 2015). Training did not take this straight line; a curve without bumps says the two ends are joined by an easy valley.',
  'lab.landscape.interpLabel':
    'Loss along the straight line from the initial to the current weights: {start} at t = 0, {end} at t = 1, at most {max}',
  'lab.landscape.tStart': 'θ₀',
  'lab.landscape.tNow': 'θ',
  'lab.landscape.note': 'true {real} · plane {plane}',
  'lab.landscape.pathLossLabel':
    'Loss along the paths against the step: at the real weights (solid) and on the plane (dashed); cursor at step {step}',
  'lab.landscape.pathLossHelp':
    'Solid: the true loss along each path. Dashed: the loss the map shows at the same points. Where they part, the picture is misleading; click to move the cursor.',
  'lab.landscape.stale':
    'This slice was computed at step {step}; training is now at step {now}. “Update to the current weights” recomputes it.',
  'lab.landscape.diverged':
    'The weights are no longer finite numbers (the run diverged), so there is no landscape to draw. Reset or lower the learning rate.',
  'lab.sharpness.title': 'Sharpness as training went',
  'lab.sharpness.help':
    'λ_max, the largest eigenvalue of the training loss’s Hessian, at snapshots along each path (power iteration on Hessian-vector products), against 2/lr. Plain gradient descent on a quadratic diverges once λ_max > 2/lr; Cohen et al. (2021) found that full-batch training pushes λ_max up to that edge and then hovers there. The line is the edge for SGD without momentum; momentum β moves it to (2 + 2β)/lr, and Adam follows a rescaled curvature instead, so its λ_max may cross the line.',
  'lab.sharpness.measure': 'Measure sharpness along the paths',
  'lab.sharpness.progressLabel': 'Progress of the sharpness measurement',
  'lab.sharpness.progress': '{done} of {total} snapshots measured',
  'lab.sharpness.cancelled': 'Cancelled.',
  'lab.sharpness.chartLabel': 'Sharpness λ_max against the training step, with 2/lr: {series}',
  'lab.sharpness.seriesLabel': '{slot} now {value}, 2/lr = {edge}',
  'lab.sharpness.edge': '2/lr {slot}',
  'lab.sharpness.stepAxis': 'step {step}',

  // Learner: the analysis drawer's (lr, momentum) map axis.
  'analysis.stability.lrAxis': 'learning rate lr (log scale)',
  // Learner: the engine's input errors (parser, scene validator, URL), by code (engine/messages.ts).
  'engine.expr.empty': 'Empty expression',
  'engine.expr.tooLong': 'Expression is too long ({length} characters; the limit is {limit})',
  'engine.expr.internal': 'Could not parse the expression: {detail}',
  'engine.expr.tooLarge': "Number '{text}' is too large",
  'engine.expr.badChar': "Unexpected character '{text}'",
  'engine.expr.badBracket': "Unexpected character '{text}' (use '(' and ')')",
  // Notation hints (sched): the hint itself is the engine's English sentence.
  'engine.expr.badCharHint': "Unexpected character '{text}': {hint}",
  'engine.expr.unknownNameHint': "Unknown name '{name}': {hint}",
  'engine.expr.functionPower':
    "'{name}' is a function: write {name}(x)^2 for what textbooks write {name}²x",
  'engine.expr.unmatchedClose': "Unmatched ')'",
  'engine.expr.unexpected': "Unexpected '{text}'",
  'engine.expr.tooDeep': 'Expression is nested too deeply (the limit is {limit} levels)',
  'engine.expr.implicit':
    "Implicit multiplication is not allowed: write '*' between '{before}' and '{after}'",
  'engine.expr.endTooSoon':
    "Unexpected end of expression: expected a number, x, y, a function or '('",
  'engine.expr.emptyParens': "Empty parentheses '()'",
  'engine.expr.expectedOperand': "Unexpected '{text}': expected a number, x, y, a function or '('",
  'engine.expr.missingClose': "Missing ')' for the '(' at column {open}",
  'engine.expr.expectedClose': "Expected ')' for the '(' at column {open}, found '{text}'",
  'engine.expr.unknownName': "Unknown name '{name}'.",
  'engine.expr.unknownNameSuggest': "Unknown name '{name}'. Did you mean {suggestions}?",
  'engine.expr.implicitName':
    "Unknown name '{name}': implicit multiplication is not allowed, write {product}",
  'engine.expr.isFunction': "'{name}' is a function: write {usage}",
  'engine.expr.arityOne': "'{name}' takes 1 argument: write {usage}",
  'engine.expr.arityOneGot': "'{name}' takes 1 argument but got {got}: write {usage}",
  'engine.expr.arity': "'{name}' takes {arity} arguments: write {usage}",
  'engine.expr.arityGot': "'{name}' takes {arity} arguments but got {got}: write {usage}",
  'engine.scene.notObject': 'a scene must be an object, got {got}',
  'engine.scene.unknownField': 'is not a field of a scene',
  'engine.scene.steps': 'must be a whole number from 1 to {max}, got {got}',
  'engine.scene.list': 'must be a list, got {got}',
  'engine.scene.tooMany': 'at most {max} optimizers, got {count}; the first {max} are kept',
  'engine.scene.noneUsable': 'none of the listed optimizers can run',
  'engine.scene.asgdZero':
    'torch raises ZeroDivisionError at step {step}: (1 + lambd·lr·t)^alpha is 0 there',
  'engine.scene.asgdOverflow':
    'torch raises OverflowError at step {step}: (1 + lambd·lr·t)^alpha is beyond a float there',
  'engine.scene.typed': 'must be an object with a type, got {got}',
  'engine.scene.range': 'must be a number in (0, {max}], got {got}',
  'engine.scene.rangeWhole': 'must be a whole number in (0, {max}], got {got}',
  'engine.scene.scheduleType': 'must be one of {types}, got {got}',
  'engine.scene.scheduleField': 'is not a field of a {type} schedule',
  'engine.scene.nonNegative': 'must be a number >= 0, got {got}',
  'engine.scene.optimizerType': 'must be one of {types}, got {got}',
  'engine.scene.notHyper': 'is not a hyper-parameter of {type}',
  'engine.scene.positive': 'must be a number > 0, got {got}',
  'engine.scene.label': 'must be text of at most {max} characters',
  'engine.scene.color': 'must be a colour like #1f77b4, got {got}',
  'engine.scene.boolean': 'must be true or false, got {got}',
  // Plug-in boundary (issue 12): a start outside f's domain and the lab's network spec.
  'engine.start.outsideDomain':
    'f({x}, {y}) = {value}: the start lies outside where f is defined, so there is no path to draw; move the start',
  'engine.network.width': 'expected an integer from 1 to {max}',
  'engine.network.layers': 'expected 1 to {max} layers, got {got}',
  'engine.network.activation': 'unknown activation {got}',
  'engine.network.residual': 'a residual needs equal widths, but layer {layer} maps {from} → {to}',
  'engine.network.bnEps': 'expected a positive number',
  'engine.network.bnMomentum': 'expected a number in [0, 1]',
  'engine.lab.unknown': 'unknown setting, ignored',
  'engine.lab.twice': 'given twice; the first value is kept',
  'engine.lab.tooLong': 'longer than {max} characters, ignored',
  'engine.lab.tooMany': 'more than two configurations; only A and B are read',
  'engine.lab.whole': '"{got}" is not a whole number from {min} to {max}; {used} is used',
  'engine.lab.aboveZero': '"{got}" is not a number above 0 and at most {max}; {used} is used',
  'engine.lab.clip': '"{got}" is not 0 (off) or a positive number up to {max}; {used} is used',
  'engine.lab.choice': '"{got}" is not one of {choices}; {used} is used',
  'engine.lab.flag': '"{got}" is not 0 or 1; {used} is used',
  'engine.page.choice': '"{got}" is not one of {choices}; {used} is used',
  'engine.page.page': '"{got}" is not one of {choices}; the visualizer is shown',
  'engine.page.embed': '"{got}" is not 1 or 0; the whole app is shown',
  'engine.page.present': '"{got}" is not 1 or 0; presenter mode stays off',
  'engine.page.lang':
    '"{got}" is not one of {choices}; the saved or the browser’s language is used',
  'engine.page.lesson': '"{got}" is not a lesson; the scene is shown without one',
  'engine.page.control':
    '"{got}" is not a control (play, charts, none, or a slider such as lr:0); it is left out',
  'engine.page.noControls': 'none of the controls could be read; the default, play, is shown',
  'engine.page.notEncoded': 'is not valid percent-encoded text; the default is used',
  'engine.page.analysisPart':
    '"{got}" is not a view ({choices}) or a setting of the Analyze drawer; it is ignored',
  'engine.page.analysisValue': '"{got}" is not a number from {min} to {max}; {used} is used',
  // A worker failure is said after the first paint (the notice waits for these words).
  'app.workerError':
    'The computation worker stopped; it was restarted and the scene computed again.',
  'app.workerTimeout':
    'The computation worker stopped answering; it was replaced and the scene computed again.',
  'engine.scene.nesterov': 'needs momentum > 0 and dampening = 0 (as torch.optim.SGD requires)',
  'engine.scene.lbfgsMaxEval':
    'must give max_eval >= 1 (default max_iter × 5 // 4) with strong_wolfe, as torch.optim.LBFGS needs',
  'engine.scene.rpropStepSizes':
    'must keep at least one bound: with both null, torch.optim.Rprop raises at the first step (torch.clamp needs a min or a max)',
  'engine.scene.lbfgsZeroLr':
    'must be > 0 with strong_wolfe: its line search starts from a step of lr, and torch.optim.LBFGS divides by zero (ZeroDivisionError) interpolating from 0',
  'engine.scene.evaluationBudget':
    'lets L-BFGS evaluate f {count} times, more than {max}; max_iter and max_eval use their defaults',
  'engine.scene.surfaceRef': 'must be {"id": ...} or {"expr": ...}, got {got}',
  'engine.scene.surfaceOneOf': 'must have exactly one of "id" or "expr"',
  'engine.scene.surfaceField': 'is not a field of a surface (it has "id" or "expr")',
  'engine.scene.text': 'must be text, got {got}',
  'engine.scene.start': 'must be a point [x, y], got {got}',
  'engine.scene.startRange': 'must be a finite number within ±{max}, got {got}',
  'engine.scene.unknownSurface': 'unknown surface {got}; valid ids: {ids}',
  'engine.scene.finite': 'must be a finite number, got {got}',
  'engine.scene.min': 'must be >= {min}, got {got}',
  'engine.scene.minExclusive': 'must be > {min}, got {got}',
  'engine.scene.max': 'must be <= {max}, got {got}',
  'engine.scene.pair': 'must be a pair [a, b], got {got}',
  'engine.scene.finiteOrNull': 'must be a finite number or null, got {got}',
  'engine.scene.integer': 'must be a whole number, got {got}',
  'engine.scene.maxExclusive': 'must be < {max}, got {got}',
  'engine.scene.tuple': 'must be a list of {length} numbers, got {got}',
  'engine.scene.choice': 'must be one of {choices}, got {got}',
  // learnfix: schedule errors by code (engine/messages.ts), torch's own words added on English pages only.
  'engine.schedule.required': 'is required (torch has no default)',
  'engine.schedule.schedulers': 'must be a list of 1 to {max} schedules, got {got}',
  'engine.schedule.plateauInSequential':
    'plateau cannot be in a sequential: torch SequentialLR refuses ReduceLROnPlateau (stepped with the loss)',
  'engine.schedule.nestedSequential':
    'a sequential cannot hold another sequential here: list its schedules in this one',
  'engine.schedule.milestoneList': 'must be a list of at most {max} whole numbers, got {got}',
  'engine.schedule.milestoneElement': 'element {index} must be a finite number, got {got}',
  'engine.schedule.zeroDivision': 'makes torch divide by zero',
  'engine.schedule.fractionalPower': 'makes torch raise a negative number to a fractional power',
  'engine.schedule.interval': 'must be in {interval} (torch {scheduler})',
  'engine.schedule.below': 'must be < {max} (torch {scheduler}), got {got}',
  'engine.schedule.positiveWhole': 'must be a positive whole number, got {got}',
  'engine.schedule.wholeAtLeast': 'must be a whole number >= {min}, got {got}',
  'engine.schedule.between': 'must be between {min} and {max}, got {got}',
  'engine.schedule.tooFewSteps': 'is {total}, but the scene takes more steps',
  'engine.schedule.noMomentum':
    'needs an optimizer with momentum or betas; set cycle_momentum to false',
  'engine.schedule.momentumBufferLate':
    "raises RMSprop's momentum from 0 at step {step}, where torch fails (KeyError 'momentum_buffer'): set max_momentum above 0",
  'engine.schedule.noMomentumOf':
    '{optimizer} has neither momentum nor betas to cycle: set cycle_momentum to false',
  'engine.schedule.milestoneCount':
    'must hold one milestone fewer than schedulers ({expected}), got {got}',
  'engine.schedule.sequentialAtMilestone':
    'torch cannot start a sequential schedule at a milestone',
  'engine.schedule.sequentialEmpty': 'must hold at least one schedule (torch SequentialLR)',
  'engine.schedule.plateauAlone': 'plateau is stepped with the loss; it is built on its own',

  // Each optimizer's note (the engine's OPTIMIZERS[type].note), shown by the formula panel.
  'optimizer.note.sgd':
    "The notes' momentum v = αv + ηg, θ −= v is torch's b = μb + g, θ −= ηb with v = ηb, the same path while η is constant; the notes' NAG takes the gradient at the look-ahead point θ − αv, torch uses the equivalent reparametrised form θ −= η(g + μb) with the gradient at θ.",
  'optimizer.note.adagrad':
    "Same rule as the notes' box, but torch's default eps is 1e-10 (the notes suggest 1e-6), added outside the square root, and torch can start the sum at initial_accumulator_value and decay lr as lr / (1 + (t − 1)·lr_decay).",
  'optimizer.note.adadelta':
    "The notes' box with one addition: torch scales Δ by lr (default 1.0, which is the notes' rule); its default eps is 1e-6 where the notes suggest 1e-5.",
  'optimizer.note.rmsprop':
    "torch adds eps outside the square root (√v + ε) where the notes write √(v + ε), and its default decay alpha is 0.99 (the notes suggest 0.9); lr's default 0.01 is torch's, the notes suggest 0.001.",
  'optimizer.note.adam':
    "The notes' box exactly, computed in torch's order: the bias corrections are folded into a step size η/(1 − β₁ᵗ) and a denominator √v/√(1 − β₂ᵗ) + ε, which equals η·m̂/(√v̂ + ε) up to rounding.",
  'optimizer.note.adamw':
    "Not in the notes: Adam with weight decay applied to θ directly (θ ← θ(1 − ηλ)) rather than added to the gradient, so the decay is not rescaled by Adam's per-coordinate denominator.",
  'optimizer.note.adamax':
    "Not in the notes: Adam's variant from the same paper with an infinity-norm second moment; torch adds eps inside the max (|g| + ε) rather than to the denominator.",
  'optimizer.note.nadam':
    "Not in the notes' boxes (it joins their NAG and Adam). The momentum term is divided by 1 − π_t·μ_{t+1}, as in the paper and torch 2.x; torch 1.13 divided by 1 − π_t·μ_t·μ_{t+1}, counting μ_t twice (fixed in torch 2.0), so a 1.13 run drifts from these paths.",
  'optimizer.note.radam':
    'Not in the notes: Adam whose adaptive step is switched on only once the variance of v̂ is tractable (ρ_t > 5, the 6th step with β₂ = 0.999), and then scaled by r_t; before that it moves by η·m̂ alone.',
  'schedule.child': 'Schedule {n}',
  'schedule.addChild': 'Add a schedule',
  'schedule.removeChild': 'Remove schedule {n}',
  'schedule.list': '{name} (steps, comma-separated)',
  'schedule.listInvalid': "'{text}' is not a list of numbers",
  'schedule.preview': 'lr over the {steps} steps: from {first} to {last}, between {min} and {max}',
  'schedule.previewPlateau': 'as if the loss stopped improving',
  'schedule.previewNone': 'no preview: the schedule is not valid for this optimizer',
  'formula.outside':
    "f({x}, {y}) is not a finite number: the start lies outside the function's domain (a log or square root of a number ≤ 0, a division by zero…), so no optimizer can take a step. Move the start point to where f is defined; the learning rate is not the problem.",
  // optim helper (issue 12): notes of the torch 2.x optimizers Rprop, ASGD, Adafactor, Muon, L-BFGS.
  'optimizer.note.rprop':
    'Not in the notes: only the sign of each gradient coordinate is used. torch starts every step size at lr, multiplies it by η+ while the sign holds and by η− when it flips (then skips that coordinate once), within [step_sizes]; later lr changes do not reach it.',
  'optimizer.note.asgd':
    "Not in the notes: SGD whose step η_t decays as η/(1 + λ_d·η·t)^α, plus an average θ̄ (torch's ax) of the iterates from step t0 on; torch returns θ, not θ̄, and with the default t0 = 10⁶ the average simply equals θ.",
  'optimizer.note.adafactor':
    "Not in the notes: no first moment, β₂ rises with t (1 − t^c), and the step is relative to θ's own size (α_t); on a matrix torch keeps only row and column averages of v (the memory saving), but the map's point is a vector, so v is kept whole, as torch does for vectors. eps1 = null means float64 machine epsilon.",
  'optimizer.note.muon':
    "Not in the notes. Muon replaces the momentum matrix by the nearest orthogonal one (UVᵀ of its SVD, approximated by k Newton–Schulz steps in bfloat16). The map's point is the 1×2 matrix [[x, y]], whose only singular direction is itself: orthogonalising it keeps the direction and sets the length to about 1, so every step moves about η′ whatever the gradient's size. Muon's strength, evening out all the singular values of a weight matrix, only shows on real weight matrices: in the gradient-flow lab Muon trains the hidden layers' W, with AdamW for the rest, as torch's documentation advises.",
  'optimizer.note.lbfgs':
    'Not in the notes: a quasi-Newton method that builds a curvature estimate from the last history_size steps. One torch step(closure) runs up to max_iter inner iterations and calls the closure again for each (and for every line-search probe): a step here can cost many evaluations of f and ∇f.',
  // noise (issue 14): the engine's messages for a bad noise field.
  'engine.noise.notField': 'is not a field of {type} noise',
  'engine.noise.required': 'is required for {type} noise',
  'engine.noise.whole': 'must be a whole number from {min} to {max}, got {got}',
  'engine.noise.scale': 'must be a number from 0 to {max}, got {got}',
  'engine.noise.df': 'must be a number > 1 (so the noise has a mean) and <= {max}, got {got}',
  'engine.noise.notSum':
    'minibatch noise needs a sum over data (the bumps surface), got {got}; use gaussian, heavy_tail or hessian',
  'engine.noise.batchTooLarge':
    'must be at most {terms} (the number of terms of {surface}), got {got}',
  'engine.noise.closure':
    'cannot be used with L-BFGS ({path}): its line search re-evaluates the gradient within one step',

  // Teaching in depth (issue 14): divergence explained beside the map, and the regime pad.
  'why.heading': 'Why this path',
  'why.noise':
    'These numbers are for exact gradients: the gradient noise jostles the path around them.',
  'regime.title': 'Regime pad: lr × momentum',
  'regime.model': 'Local quadratic at step {step}, {point}: λ = {lambdas}.',
  'regime.label':
    'Regime pad of {name}: ← → change the learning rate, ↑ ↓ the momentum (Shift: bigger steps)',
  'regime.monotone': 'monotone',
  'regime.oscillation': 'oscillation',
  'regime.ripples': 'ripples',
  'regime.divergence': 'divergence',
  'regime.critical': 'critical damping',
  'regime.axisLr': 'lr',
  'regime.readout': 'lr {lr}, μ {mu}: {regime} along λ = {lambda}, error ×{rate} per step',
  'regime.best': 'Fastest here: lr {lr}, μ {mu} (×{rate} per step).',
  'regime.downhill': 'Along λ = {lambda} the surface curves down: every setting runs away there.',
  'regime.noCurvature':
    'Nothing curves upward at step {step}, {point} (λ = {lambdas}): no lr and momentum converge here.',

  // lab lessons (issue 14): a lab lesson's text beside the lab.
  'lessons.look': 'What to look at, and when:',
  // predict-then-run (issue 14): the question before a run, the answer controls, the verdict.
  'predict.kicker': 'Predict, then run',
  'predict.q.position': 'Where will {name} be after {step} steps?',
  'predict.q.diverge': 'Will {name} diverge (its numbers overflow) within {steps} steps?',
  'predict.q.first': 'Which optimizer is first to bring the loss below {loss}?',
  'predict.how.position':
    'Click on the map where you think it will be, or type the point and press Set guess.',
  'predict.how.choice': 'Pick your answer, then run.',
  'predict.room':
    'Room vote: a show of hands for each answer (click the room’s choice if you like), then Reveal.',
  'predict.choices': 'Your answer',
  'predict.setGuess': 'Set guess',
  'predict.badX': 'x must be a number, got “{got}”.',
  'predict.badY': 'y must be a number, got “{got}”.',
  'predict.yourGuess': 'Your guess: {point}',
  'predict.yes': 'Yes, it diverges',
  'predict.no': 'No, it stays finite',
  'predict.none': 'None within {steps} steps',
  'predict.run': 'Run and compare',
  'predict.reveal': 'Reveal',
  'predict.keys': 'Space, → or PageDown reveal too.',
  'predict.running': 'Running: step {cursor} of {step}…',
  'predict.truth.position': 'After {step} steps {name} is at {point}.',
  'predict.truth.positionGone':
    '{name} diverged before step {step}: its numbers overflowed, so there is no point to find.',
  'predict.truth.diverged': '{name} diverged: its numbers overflowed at step {step}.',
  'predict.truth.stayed': '{name} did not diverge: all {steps} steps stayed finite.',
  'predict.truth.first': '{names} brought the loss below {loss} first, at step {step}.',
  'predict.truth.firstNone': 'No optimizer brought the loss below {loss} within {steps} steps.',
  'predict.and': ' and ',
  'predict.right': 'Right!',
  'predict.wrong': 'Not this time.',
  'predict.noGuess': 'No answer was given.',
  'predict.distance': 'Your guess was {distance} away ({percent}% of the map’s width).',
  'predict.again': 'Ask again',
  'predict.error':
    'The link’s {path} is not valid: {message} The question is off; the scene works as usual.',
  'predict.error.kind':
    'expected position:STEP[:OPTIMIZER], diverge[:OPTIMIZER] or first[:LOSS], got “{got}”.',
  'predict.error.step':
    'the step must be a whole number from 1 to {max} (the scene’s steps), got “{got}”.',
  'predict.error.optimizer':
    'the optimizer must be a number from 1 to {max} (as numbered in the legend), got “{got}”.',
  'predict.error.loss': 'the loss must be a finite number, got “{got}”.',
  'predict.notFit':
    'This lesson’s question no longer fits the scene (its optimizer or step is gone): reopen the lesson to ask it.',
  'predict.guessLabel': 'your guess',
  'predict.truthLabel': 'step {step}',
  'predict.bodyHidden': 'The charts and the lesson’s explanation appear after the reveal.',
  'predict.chartsHidden': 'The charts appear after the reveal.',
  'predict.distanceLabel': '{distance} away',
  // Hidden-state glyphs on the map (issue 14, src/views/map/GlyphLayer.tsx).
  'glyphs.toggle': 'Hidden state on map',
  'glyphs.toggleHelp':
    "Draw {name}'s hidden state at the playback step: gradient, momentum, per-coordinate step",
  'glyphs.gradient': 'gradient −ηg',
  'glyphs.buffer': 'momentum −ηb',
  'glyphs.lookahead': 'look-ahead −ημb',
  'glyphs.mHat': 'momentum −ηm̂',
  'glyphs.box': 'per-coordinate step',
  'glyphs.search': 'search direction αd',
  'glyphs.magnified': 'drawn {factor}× larger than the real step',
  // 3-D view (issue 13, src/views/surface3d): the toggle, the canvas's label, its help.
  'view3d.on': '3-D',
  'view3d.off': '2-D map',
  'view3d.toggleOn': 'Show the surface in 3-D',
  'view3d.toggleOff': 'Back to the contour map',
  'view3d.loading': 'Loading the 3-D view…',
  'view3d.label':
    'The surface in 3-D, loss from {min} to {max} ({scale}), with the optimizers’ paths on it. {help}',
  'view3d.scale.linear': 'linear height',
  'view3d.scale.log': 'logarithmic height',
  'view3d.help':
    'Drag to turn, wheel or pinch to zoom; with the view focused, arrow keys turn it, + and − zoom, Home resets.',
  'view3d.helpTouch':
    'Drag with the mouse or two fingers to turn, wheel or pinch to zoom; with the view focused, arrow keys turn it, + and − zoom, Home resets.',
  'view3d.helpEmbed':
    'Drag with the mouse or two fingers to turn, {key} + wheel or pinch to zoom; with the view focused, arrow keys turn it, + and − zoom, Home resets.',
  'view3d.logNote':
    'Height is logarithmic, log(1 + (f − min)/k) with k the median cell’s height above the minimum, so the valley stays visible beside walls thousands of times higher.',
  'view3d.unavailable':
    'The 3-D view needs WebGL, which this browser cannot start here ({reason}). The contour map shows the same surface.',
  'lab.failure.crashed':
    'the lab’s background worker stopped and has been restarted; press Reset or try again',
  'lab.failure.timeout':
    'the lab’s background worker took too long and was stopped; try a smaller network or fewer steps',
  'lab.failure.notTrained': 'nothing has been trained yet; train first',
  'lab.failure.diverged':
    'the weights are no longer finite (the run diverged); reset and lower the learning rate',
  'lab.failure.needTraining':
    'the PCA plane needs a training path of at least two snapshots; train first',
  'lab.failure.unexpected': 'an unexpected error; reload the page if it happens again',
  'view3d.noContext': 'the browser could not create a WebGL context',
  'view3d.axisLoss': 'loss',
  'view3d.axes':
    'Axes: {x} along the front edge ({xTicks}), {y} along the left edge ({yTicks}), loss up the back corner ({lossTicks}).',
  // Notation hints of the expression parser (engine/surfaces/notation.ts) and torch's reasons
  // for bounds (engine/optimizers/reasons.ts): parts of an engine message, coded to be translated.
  'engine.withReason': '{message} ({reason})',
  'engine.hint.ln': 'the natural logarithm is log here: write log(x)',
  'engine.hint.logBase':
    'write log(x)/log({base}) for the base-{base} logarithm (log is the natural logarithm here)',
  'engine.hint.write': 'write {code}',
  'engine.hint.sine': 'the sine is sin here: write sin(x)',
  'engine.hint.tangent': 'the tangent is tan here: write tan(x)',
  'engine.hint.cot': 'write 1/tan(x) for the cotangent',
  'engine.hint.sec': 'write 1/cos(x) for the secant',
  'engine.hint.csc': 'write 1/sin(x) for the cosecant',
  'engine.hint.sqr':
    'sqr means the square in some languages and calculators: write x^2 (or sqrt(x) for the square root)',
  'engine.hint.cbrt': 'write x^(1/3) for the cube root (of x >= 0)',
  'engine.hint.asinh': 'write log(x + sqrt(x^2 + 1)) for the inverse hyperbolic sine',
  'engine.hint.acosh': 'write log(x + sqrt(x^2 - 1)) for the inverse hyperbolic cosine',
  'engine.hint.atanh': 'write 0.5*log((1 + x)/(1 - x)) for the inverse hyperbolic tangent',
  'engine.hint.sign': 'sign is not available (its gradient is 0 wherever it is defined)',
  'engine.hint.atan2': 'atan2 is not available: write atan(y/x) where x > 0',
  'engine.hint.glued': 'a function takes its argument in brackets: write {fn}({arg})',
  'engine.hint.gluedAlias': 'a function takes its argument in brackets; {fn}: {inner}',
  'engine.hint.power': 'write {v}^{n} for a power, or {v}*{n}',
  'engine.hint.superscript': "write '^{digit}' for a power",
  'engine.hint.sqrt': 'write sqrt(...) for the square root',
  'engine.hint.multiply': "write '*' to multiply",
  'engine.hint.divide': "write '/' to divide",
  'engine.hint.caret': "write '^' for a power",
  'engine.hint.abs': 'write abs(...) for |...|',
  'engine.hint.minus': "write '-' (a plain hyphen-minus)",
  'engine.hint.superMinus': "write '^' and a bracketed exponent, e.g. x^(-1)",
  'engine.hint.fullWidth':
    "full-width '{char}': write '{ascii}' (switch the input method to half-width)",
  'engine.hint.brackets': "use '(' and ')'",
  'engine.why.negativeLr': '{torch} refuses a negative learning rate',
  'engine.why.negativeWeightDecay': '{torch} refuses a negative weight decay',
  'engine.why.negativeEps': '{torch} refuses a negative epsilon',
  'engine.why.negative': '{torch} refuses a negative {name}',
  'engine.why.betas': '{torch} needs each beta in [0, 1)',
  'engine.why.unit': '{torch} needs {name} in [0, 1]',
  'engine.why.rpropEtas':
    '{torch} needs 0 < etas[0] < 1 < etas[1] (shrink on a sign flip, grow otherwise)',
  'engine.why.lbfgsHistory': '{torch} fails at its second step with a history smaller than 1',
  'engine.why.lbfgsHistoryWhole': '{torch} multiplies a list by it, which needs a whole number',
  'engine.why.lbfgsHistoryCap':
    'the app keeps at most a million pairs; a longer history is never filled',
  'engine.why.adafactorDecay':
    '{torch} needs beta2_decay <= 0 (β₂ = 1 − t^beta2_decay must stay in [0, 1))',
  'engine.why.adafactorD': '{torch} needs the clipping threshold d >= 1',
  'engine.why.muonCoefficients':
    '{torch} turns the coefficients into float32 for its bfloat16 matrix products, which overflows',
  'engine.why.muonEps': '{torch} clamps in bfloat16, which cannot hold a larger eps',
  'engine.why.muonSteps': '{torch} runs at most {max} Newton–Schulz steps',
  'chart.offChart': 'off the chart from step {step} {arrow}',
  // Pages and panels that load every text before they render (lessons, lab, presenter, editor).
  'lessons.heading': 'Lessons',
  'lessons.intro':
    'Ready-made scenes from the notes, each with two or three sentences on what to look at. Open one to watch it run with its explanation beside the map; present it to a class with P.',
  'lessons.visualizerSection': 'Optimizers on a loss surface',
  'lessons.labSection': 'Gradient flow through deep networks',
  'lessons.openLab': 'Open in the lab',
  'lessons.preview': 'Preview: the paths of this lesson on its surface',
  'lessons.stopPresenting': 'Exit presenter mode',
  'lessons.fullscreen': 'Full screen',
  'lessons.lr': 'Learning rate of {name}',
  'optimizers.none': 'None',
  'formula.leftDomain':
    "{label} left f's domain after step {step}: f is not defined at the next point (a square root or log of a negative number, say), so there are no values after it. Move back to step {step} or earlier, or lower the learning rate to keep the steps inside.",
  // Ensemble mode's map legend (EnsembleMap.tsx, loaded with every text).
  'noise.ensembleKey': 'Ensemble of {count} seeds (faint), mean path (bold):',
  'noise.ensembleReach': '{name}: {hits} of {count} runs end in the lowest minimum’s basin',
  'noise.ensembleNoMinimum': '{name}: this surface lists no minimum to reach',
  'noise.ensembleTooLarge':
    'The ensemble is not drawn: its runs would take more than {max} optimizer steps. Use fewer steps or optimizers.',
  'noise.ensembleDiverged': '{diverged} diverged',
  // Only for a run torch stops by raising (L-BFGS, a family loaded after the first paint).
  'optimizers.raised': 'torch stops after step {step}: {error}',
  // The map's hover card and the noise control's settings (both load after the first paint).
  'hover.step': 'step {step}',
  'hover.position': 'position',
  'hover.loss': 'loss',
  'hover.gradient': 'gradient',
  'hover.update': 'update',

  'noise.batchSize': 'Batch size B',
  'noise.seed': 'Seed',
  'noise.ensemble': 'Ensemble: {count} seeds drawn faintly, their mean bold',
} as const;
