// Shows the packing slip's Print button (hidden without JavaScript) and prints on tap.
const buttons = document.querySelectorAll<HTMLButtonElement>("[data-print]");
buttons.forEach((b) => {
  b.hidden = false;
  b.addEventListener("click", () => window.print());
});
