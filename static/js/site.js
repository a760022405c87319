// The project's own small behaviours; no inline scripts in the pages.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});

// A table wider than the screen scrolls sideways; a keyboard reaches it by Tab only if
// the scrolling box can take focus, and a screen reader names it by its heading.
function scrollableTables() {
  document.querySelectorAll(".table-responsive").forEach((box, index) => {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("tabindex", "0");
      // a group, not a region: the section around it is already the landmark
      box.setAttribute("role", "group");
      const heading = box.querySelector("caption") || box.closest("section, .card, main")?.querySelector("h1, h2, h3");
      if (heading) {
        heading.id ||= `table-heading-${index}`;
        box.setAttribute("aria-labelledby", heading.id);
      }
    } else if (box.getAttribute("role") === "group") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-labelledby");
    }
  });
}
scrollableTables();
window.addEventListener("resize", scrollableTables);

// A form that came back with errors: the summary at the top takes focus, so that a
// screen reader reads it first, and each of its links takes the person to the field.
function focusErrorSummary() {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.querySelectorAll("a[href^='#']").forEach((link) => {
    link.addEventListener("click", (event) => {
      const field = document.getElementById(link.hash.slice(1));
      if (!field) return;
      event.preventDefault();
      const label = document.querySelector(`label[for="${field.id}"]`);
      (label || field).scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
    });
  });
}
focusErrorSummary();
// keep.js put a form that came back with its errors in place of the page's content
document.addEventListener("cpo:page", () => {
  scrollableTables();
  focusErrorSummary();
});

// A form whose words may not stay on the phone (the preventive register's) does not wait
// in the outbox when there is no signal: it stays on the screen as typed, and says so.
document.querySelectorAll("form[data-online-only]").forEach((form) => {
  const note = form.querySelector("[data-offline-note]");
  form.addEventListener("submit", (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    note?.removeAttribute("hidden");
    note?.focus();
  });
  window.addEventListener("online", () => note?.setAttribute("hidden", ""));
});
