/**
 * An exception torch raises inside a step for these particular numbers (bad settings are refused
 * by the validator before any step): the run ends there, as torch's own script would, and the
 * trajectory says so in torch's words (Trajectory.raised).
 */
export class TorchRaises extends Error {
  constructor(
    /** Python's exception class, e.g. 'ZeroDivisionError'. */
    readonly exception: string,
    /** torch's function that raises, e.g. 'torch.optim.lbfgs._cubic_interpolate'. */
    readonly where: string,
  ) {
    super(`${exception} in ${where}`);
    this.name = 'TorchRaises';
  }
}
