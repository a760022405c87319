// Django admin, named for a screen reader where its widgets leave a control unnamed.
// Runs after the admin's own scripts have built their widgets (on load).
window.addEventListener("load", () => {
  setTimeout(() => {
    // The two-box selector's search icons carry a name but no role.
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach((icon) => {
      icon.setAttribute("role", "img");
    });
    // The autocomplete (select2) box and its text are named by the chosen value only:
    // nothing when empty. Both take the field's label ("select2-id_x-container": id_x).
    document.querySelectorAll("[id^=select2-][id$=-container]").forEach((text) => {
      const id = text.id.replace(/^select2-/, "").replace(/-container$/, "");
      const label = document.querySelector(`label[for="${id}"]`);
      if (!label) return;
      const name = label.textContent.replace(/:$/, "").trim();
      text.setAttribute("aria-label", name);
      text.closest("[role=combobox]")?.setAttribute("aria-label", name);
    });
    // A date and time field: "Дата: [ ] Час: [ ]" as text, with one label for both.
    document.querySelectorAll("p.datetime input").forEach((input) => {
      if (document.querySelector(`label[for="${input.id}"]`)) return;
      const text = input.previousSibling && input.previousSibling.textContent.trim();
      const field = input.closest(".form-row, .fieldBox, div")?.querySelector("label");
      const name = [field && field.textContent.replace(/:$/, "").trim(), text.replace(/:$/, "")];
      input.setAttribute("aria-label", name.filter(Boolean).join(", "));
    });
    // The rows of a tabular inline: each cell's control is named by its column.
    document.querySelectorAll(".tabular table").forEach((table) => {
      const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
      table.querySelectorAll("tbody tr").forEach((row) => {
        [...row.children].forEach((cell, index) => {
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((control) => {
            if (control.labels && control.labels.length) return;
            if (control.getAttribute("aria-label")) return;
            if (headings[index]) control.setAttribute("aria-label", headings[index]);
          });
        });
      });
    });
  });
});
