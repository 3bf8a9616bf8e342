import type { ComponentChildren } from "preact";

export interface FormProps {
  action: string;
  csrf: string;
  children: ComponentChildren;
  class?: string;
  id?: string;
  enctype?: "multipart/form-data";
}

/** A POST form carrying the CSRF token. Works without JavaScript. */
export function Form({ action, csrf, children, class: cls, id, enctype }: FormProps) {
  return (
    <form method="post" action={action} class={cls} id={id} encType={enctype} noValidate>
      <input type="hidden" name="_csrf" value={csrf} />
      {children}
    </form>
  );
}
