// django-autocomplete-light's search box (its <autocomplete-select> web component),
// mended where it fails people and tools. Pinned to the library's version 5.0.0; the
// browser tests (axe-core and the keyboard walk) say when an upgrade makes this moot.
//
// - Its `selected` getter and its key handler read the suggestion box before the box
//   exists (before the first letter is typed): axe-core stops with a TypeError on every
//   page with a filter, and Tab or Escape in an empty box throws.
// - The highlighted suggestion is only coloured: a screen reader hears nothing as the
//   arrow keys move, so the box names the highlighted option (aria-activedescendant).
// - The "×" that clears a chosen record is a plain span: a keyboard cannot reach it.
//   It becomes a button with a name that says what it clears.
customElements.whenDefined("autocomplete-light").then(() => {
  const Light = customElements.get("autocomplete-light").prototype;

  Object.defineProperty(Light, "selected", {
    get() {
      return this.box ? this.box.querySelectorAll(`${this.choiceSelector}.hilight`) : [];
    },
  });

  const keyboard = Light.keyboard;
  Light.keyboard = function (event) {
    if (!this.box && event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    return keyboard.call(this, event);
  };

  let boxes = 0;
  const boxBuild = Light.boxBuild;
  Light.boxBuild = function () {
    boxBuild.call(this);
    this.box.id = `search-suggestions-${++boxes}`;
    this.box.setAttribute("aria-label", this.input.getAttribute("placeholder") || "");
    this.input.setAttribute("aria-controls", this.box.id);
  };

  let options = 0;
  const hilight = Light.hilight;
  Light.hilight = function (choice) {
    hilight.call(this, choice);
    choice.id ||= `search-option-${++options}`;
    this.input.setAttribute("aria-activedescendant", choice.id);
  };
});

customElements.whenDefined("autocomplete-select").then(() => {
  const Select = customElements.get("autocomplete-select").prototype;
  const addClear = Select.addClear;
  Select.addClear = function (choice) {
    addClear.call(this, choice);
    const clear = choice.querySelector(".clear");
    if (clear.getAttribute("role") === "button") return;
    const label = choice.firstChild ? choice.firstChild.textContent.trim() : "";
    clear.setAttribute("role", "button");
    clear.setAttribute("tabindex", "0");
    clear.setAttribute("aria-label", `${this.getAttribute("clear-label") || "×"}: ${label}`);
    clear.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        const input = this.input.input;
        clear.click();
        input.focus();
      }
    });
  };
});
