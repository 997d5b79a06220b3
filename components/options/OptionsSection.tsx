import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  title: string;
  /** One or two sentences on what the section changes. */
  help?: string;
  children: ComponentChildren;
}

/** One settings group: a titled region the page's headings and landmarks navigate by. */
export function OptionsSection({ id, title, help, children }: Props) {
  return (
    <section class="options-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {help ? <p class="section-help muted">{help}</p> : null}
      {children}
    </section>
  );
}
