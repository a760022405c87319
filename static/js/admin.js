// Django admin's two-box selector gives its search icons a name (aria-label) but no role,
// which ARIA does not allow on a plain span: they become images, and keep their name.
window.addEventListener("load", () => {
  setTimeout(() => {
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach((icon) => {
      icon.setAttribute("role", "img");
    });
  });
});
