// A photo shrinks in the browser before it goes up on a village's weak signal: on
// choosing it in a photo field (data-photo), it is drawn upright (by its EXIF
// orientation) at most 1600 px on its longest side and put back into the field as a
// JPEG, so the form's plain post sends the small file. A photo that is small already,
// or that the browser cannot decode, is left as it is; the server checks and
// re-encodes whatever arrives. While a photo is being shrunk its form is marked
// data-busy and cannot be sent. The words come from the page (includes/_photo_shrink.html).
const MAX_SIDE = 1600;
const QUALITY = 0.85;
const SMALL_BYTES = 1024 * 1024;

const words = document.querySelector("[data-photo-words]")?.dataset;
const language = document.documentElement.lang || undefined;
const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
const pixels = new Intl.NumberFormat(language, { useGrouping: false });

function fill(template, values) {
  return template.replace(/%\((\w+)\)s/g, (match, name) => (name in values ? values[name] : match));
}

function size(bytes) {
  if (bytes < 1024 * 1024) return fill(words.kb, { size: decimal.format(Math.max(1, Math.round(bytes / 1024))) });
  return fill(words.mb, { size: decimal.format(bytes / (1024 * 1024)) });
}

async function decode(file) {
  try {
    return await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch (error) {
    // a browser that does not know the option still turns photos upright by default
    if (!(error instanceof TypeError)) return null;
    try {
      return await createImageBitmap(file);
    } catch {
      return null;
    }
  }
}

// The photo to send instead of ``file``: {file, width, height}; {small: true} when the
// photo is fine as it is; null when the browser cannot decode or encode it.
async function shrink(file) {
  const bitmap = await decode(file);
  if (!bitmap) return null;
  const longest = Math.max(bitmap.width, bitmap.height);
  if (longest <= MAX_SIDE && file.size <= SMALL_BYTES) {
    bitmap.close();
    return { small: true };
  }
  const scale = Math.min(1, MAX_SIDE / longest);
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff"; // transparent areas become white, as on the server
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
  canvas.width = canvas.height = 0; // let the phone have its memory back
  if (!blob) return null;
  if (scale === 1 && blob.size >= file.size) return { small: true }; // no smaller: keep it
  const name = `${file.name.replace(/\.[^./]*$/, "") || "photo"}.jpg`;
  return {
    file: new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified }),
    width,
    height,
  };
}

// A form being shrunk for cannot be sent: its buttons wait until every photo is done.
const pending = new WeakMap();

function busy(form, on) {
  if (!form) return;
  const count = (pending.get(form) || 0) + (on ? 1 : -1);
  pending.set(form, count);
  if (on && count === 1) {
    form.dataset.busy = "";
    form.setAttribute("aria-busy", "true");
    form.querySelectorAll("button:not([type]), button[type=submit], input[type=submit]").forEach((button) => {
      if (button.disabled) return;
      button.disabled = true;
      button.dataset.photoDisabled = "";
    });
  } else if (count === 0) {
    delete form.dataset.busy;
    form.removeAttribute("aria-busy");
    form.querySelectorAll("[data-photo-disabled]").forEach((button) => {
      button.disabled = false;
      delete button.dataset.photoDisabled;
    });
  }
}

function attach(input, index) {
  const form = input.form;
  const status = document.createElement("p");
  status.className = "form-text mb-0";
  status.id = `${input.id || `photo-${index}`}-shrink`;
  status.setAttribute("aria-live", "polite");
  (input.closest(".mb-3") || input.parentElement).append(status);
  const say = (text) => { status.textContent = text; };
  let latest = 0;

  form?.addEventListener("submit", (event) => {
    if (form.dataset.busy !== undefined) event.preventDefault();
  });

  input.addEventListener("change", async () => {
    const file = input.files && input.files.length === 1 ? input.files[0] : null;
    const mine = ++latest;
    say("");
    if (!file) return;
    busy(form, true);
    say(words.reducing);
    let result = null;
    try {
      result = await shrink(file);
    } catch {
      result = null;
    }
    if (mine === latest) {
      if (result?.file) {
        const transfer = new DataTransfer();
        transfer.items.add(result.file);
        input.files = transfer.files;
        say(fill(words.reduced, {
          width: pixels.format(result.width),
          height: pixels.format(result.height),
          size: size(result.file.size),
        }));
      } else {
        say(fill(result?.small ? words.small : words.failed, { size: size(file.size) }));
      }
      // for other scripts of the page: the field now holds what will be sent
      input.dispatchEvent(new CustomEvent("photo:ready", { bubbles: true }));
    }
    busy(form, false);
  });
}

function attachAll() {
  document.querySelectorAll("input[type=file][data-photo]:not([data-photo-ready])").forEach((input, index) => {
    input.dataset.photoReady = "";
    attach(input, index);
  });
}

if (words && typeof createImageBitmap === "function" && typeof DataTransfer === "function") {
  attachAll();
  // keep.js put a form that came back with its errors in place of the page's content
  document.addEventListener("cpo:page", attachAll);
}
