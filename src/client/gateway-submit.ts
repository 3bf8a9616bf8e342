// The hosted gateway's hand-off page (src/gateways): posts its form to the gateway at once. The
// visible button posts the same form where scripts do not run.
const form = document.querySelector<HTMLFormElement>("form[data-autosubmit]");
if (form) form.submit();
