// The project's own small behaviours; no inline scripts in the pages.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
