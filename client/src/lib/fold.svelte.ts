/**
 * A block shown folded (cut to a few lines) until the reader asks for the rest: the sticky post,
 * a long standfirst on a phone. It offers its toggle only when folding hides something.
 */
export class Fold {
  expanded = $state(false);
  /** Whether the folded block cuts anything off. */
  overflows = $state(false);
  /** Whether it has been measured (never on the server). */
  measured = $state(false);

  toggle = (): void => {
    this.expanded = !this.expanded;
  };

  /**
   * An attachment for the folded block, given what it shows: measured again when the content, the
   * fold or the block's size (a turned phone, a wider window) changes.
   */
  watch = (content: unknown) => (element: HTMLElement) => {
    void content;
    const measure = () => {
      if (!this.expanded) this.overflows = element.scrollHeight > element.clientHeight + 1;
      this.measured = true;
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  };
}
