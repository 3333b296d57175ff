import type { FieldError } from '../engine/types';
import { localMessage } from './fieldMessage';

/**
 * A link's problems, one per line: the field at fault as code, then what is wrong with it in the
 * reader's language. Shared by the visualizer's, the lab's and the lessons page's link notices.
 * `unnamed` stands in for an error without a path (the scene text as a whole).
 */
export function ProblemList(props: { problems: readonly FieldError[]; unnamed?: string }) {
  return (
    <ul>
      {props.problems.map((p, i) => (
        <li key={i}>
          <code>{p.path || props.unnamed}</code>: {localMessage(p)}
        </li>
      ))}
    </ul>
  );
}
