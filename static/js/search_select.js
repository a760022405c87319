// django-autocomplete-light's search box (its <autocomplete-select> web component),
// mended where it fails people and tools. Pinned to the library's version 5.0.0; the
// browser tests (axe-core and the keyboard walk) say when an upgrade makes this moot.
//
// This file loads before the library, and mends each class as the library defines it:
// the boxes already on the page are built at that moment, with their handlers bound.
//
// - Its `selected` getter and its key handler read the suggestion box before the box
//   exists (before the first letter is typed): axe-core stops with a TypeError on every
//   page with a filter, and Tab, Enter, Escape or an arrow in an empty box throws.
// - The highlighted suggestion is only coloured: a screen reader hears nothing as the
//   arrow keys move, so the box names the highlighted option (aria-activedescendant).
// - The "×" that clears a chosen record is a plain span: a keyboard cannot reach it.
//   It becomes a button with a name that says what it clears.
// - Choosing a suggestion hides the text box, and the focus with it: the focus moves to
//   the chosen record's clear button, and back to the text box once it is cleared.
const mend = {
  "autocomplete-light": mendSearchBox,
  "autocomplete-select-input": () => {},
  "autocomplete-select": mendChoice,
};
const define = customElements.define.bind(customElements);
customElements.define = (name, constructor, options) => {
  if (mend[name] && !mend[name].done) {
    mend[name](constructor.prototype);
    mend[name].done = true;
  }
  return define(name, constructor, options);
};

function mendSearchBox(Light) {
  Object.defineProperty(Light, "selected", {
    get() {
      return this.box ? this.box.querySelectorAll(`${this.choiceSelector}.hilight`) : [];
    },
  });

  const keyboard = Light.keyboard;
  Light.keyboard = function (event) {
    if (!this.box) {
      // Before any suggestion is shown: the arrows ask for the suggestions, the rest
      // is left to the browser.
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        this.onInput();
      }
      return;
    }
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
}

function mendChoice(Select) {
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
        clear.click();
      }
    });
  };

  const choiceSelect = Select.choiceSelect;
  Select.choiceSelect = function (choice, trigger = true) {
    choiceSelect.call(this, choice, trigger);
    if (trigger && this.input.input.hidden) {
      const clear = this.deck.querySelector(".clear");
      if (clear) clear.focus();
    }
  };

  const choiceUnselect = Select.choiceUnselect;
  Select.choiceUnselect = function (choice, noShowHide = false) {
    const hadFocus = this.contains(document.activeElement);
    choiceUnselect.call(this, choice, noShowHide);
    if (!noShowHide && (hadFocus || document.activeElement === document.body)) {
      this.input.input.focus();
    }
  };
}
