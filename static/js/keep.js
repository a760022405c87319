// Nothing an officer types is lost (issue 17). What is typed into a kept form
// (form[data-keep]) stays in this browser as it is typed, per person and per form, and
// comes back with a notice after a failed send, a crash, a reload or a new sign-in; it
// is forgotten once the server has saved it. A form sent without a signal waits in the
// outbox (outbox.js) and goes when the signal returns. The session's end is announced
// before it comes. At sign-out, and when another person signs in on this phone,
// everything kept here is forgotten. Without this script the forms post as usual.
(function () {
  "use strict";
  const body = document.body;
  const user = body.dataset.user;
  const ui = document.getElementById("keep");
  if (!user || !ui || !window.localStorage || !window.indexedDB) return;
  const texts = ui.dataset;
  const PREFIX = "cpo:";
  const store = window.localStorage;
  const signInPaths = [texts.signIn, texts.twoFactor];
  const csrfToken = () => document.querySelector("input[name=csrfmiddlewaretoken]")?.value;
  // the site's own time, as the server writes it (Europe/Kyiv), whatever the phone's zone
  const clock = (at) => new Date(at).toLocaleTimeString(document.documentElement.lang, {
    hour: "2-digit", minute: "2-digit", timeZone: "Europe/Kyiv",
  });
  const part = (name) => document.querySelector(`[data-part=${name}]`);

  async function forgetEverything() {
    Object.keys(store).filter((key) => key.startsWith(PREFIX)).forEach((key) => store.removeItem(key));
    if ("caches" in window) await caches.delete("cpo-pages");
    await Outbox.clear().catch(() => {});
  }

  // Another person signs in on this phone: nothing of the previous one stays. (A kept
  // copy is the same person's: the copies go when another signs in.)
  const copy = body.hasAttribute("data-offline-copy");
  const owner = store.getItem(`${PREFIX}owner`);
  const ready = owner === user || copy ? Promise.resolve() : forgetEverything();
  if (!copy) store.setItem(`${PREFIX}owner`, user);
  const newKey = () => (window.crypto?.randomUUID ? crypto.randomUUID() : null);
  // a kept copy's forms were keyed for the day it was kept: each sending is new
  if (copy) document.querySelectorAll("input[name=form_key]").forEach((key) => (key.value = newKey() || key.value));
  // a field that starts at "now" (an incident's time) starts at this moment, not the copy's
  const startNow = (root) => root.querySelectorAll("input[data-now]").forEach((field) => {
    field.value = field.type === "date" ? now().slice(0, 10) : now();
  });
  if (copy) startNow(document);

  /* The drafts */

  const draftKey = (form) => `${PREFIX}draft:${user}:${new URL(form.action, location.href).pathname}`;

  // The one-time key stays out of a draft: a draft opened in a second tab, or after a
  // reload, is a form of its own, with the key its page brought.
  function typed(form) {
    const never = new Set(["csrfmiddlewaretoken", "form_key"]);
    // a field marked data-not-kept is the page's to fill afresh (the car's last reading)
    form.querySelectorAll("input[type=password], input[type=file], [data-not-kept]").forEach((field) => never.add(field.name));
    return [...new FormData(form)].filter(([name, value]) => !never.has(name) && typeof value === "string");
  }

  // what a person types or picks: not the buttons, whose values are the form's own
  const typedInto = (form) => [...form.elements].filter((field) =>
    field.name && field.tagName !== "BUTTON" && !["submit", "button", "reset"].includes(field.type));

  function keep(form) {
    const names = [...new Set(typedInto(form).map((field) => field.name))];
    store.setItem(draftKey(form), JSON.stringify({ at: Date.now(), names, fields: typed(form) }));
  }

  function put(field, values) {
    if (field.type === "checkbox" || field.type === "radio") {
      const on = values.includes(field.value);
      return field.checked !== on && ((field.checked = on), true);
    }
    if (field.tagName === "SELECT") {
      let changed = false;
      for (const option of field.options) {
        const on = values.includes(option.value);
        if (option.selected !== on) (option.selected = on), (changed = true);
      }
      return changed;
    }
    const value = values.shift() ?? "";
    return field.value !== value && ((field.value = value), true);
  }

  function restore(form) {
    const draft = JSON.parse(store.getItem(draftKey(form)) || "null");
    if (!draft) return;
    const values = new Map(draft.names.map((name) => [name, []]));
    draft.fields.forEach(([name, value]) => values.get(name)?.push(value));
    const changed = typedInto(form).filter((field) =>
      values.has(field.name) && !["csrfmiddlewaretoken", "form_key"].includes(field.name)
      && !["password", "file"].includes(field.type) && !field.hasAttribute("data-not-kept")
      && put(field, values.get(field.name)));
    changed.forEach((field) => field.dispatchEvent(new Event("change", { bubbles: true })));
    if (changed.length) {
      const notice = part("restored").content.firstElementChild.cloneNode(true);
      notice.querySelector("[data-time]").textContent = clock(draft.at);
      notice.querySelector("button").addEventListener("click", () => {
        store.removeItem(draftKey(form));
        location.reload();
      });
      form.before(notice);
    }
  }

  /* Sending */

  function say(text, link, href) {
    const box = part("news");
    const line = document.createElement("p");
    line.className = "mb-1";
    line.textContent = `${text} `;
    if (link) {
      const anchor = Object.assign(document.createElement("a"), { href, textContent: link, className: "alert-link" });
      line.append(anchor);
    }
    box.append(line);
    box.hidden = false;
    return line;
  }

  const sentence = (words) => (/[.…!?]$/.test(words) ? words : `${words}.`);

  async function showOutbox() {
    const waiting = (await Outbox.all()).filter((entry) => !entry.done && entry.user === user);
    const box = part("outbox");
    box.hidden = waiting.length === 0;
    const list = box.querySelector("ul");
    list.replaceChildren(...waiting.map((entry) => {
      const item = document.createElement("li");
      item.textContent = `${entry.title} · ${clock(entry.at)}`;
      return item;
    }));
    return waiting.length;
  }

  // The answers to forms the outbox sent: each said once, then let go (one at a time:
  // the worker's news and the page's own flush may come together).
  let settling = Promise.resolve();
  const settle = () => (settling = settling.then(sayWhatWasSent, sayWhatWasSent));

  async function sayWhatWasSent() {
    const said = [];
    for (const entry of await Outbox.all()) {
      if (!entry.done) continue;
      if (entry.done.outcome === "saved") {
        store.removeItem(entry.draftKey);
        said.push(say(`${texts.sent} ${sentence(entry.title)}`, texts.open, entry.done.url));
      } else {
        // the form comes back as it was typed, where the person corrects it
        const fields = entry.fields.filter(([name, value]) =>
          typeof value === "string" && !["csrfmiddlewaretoken", "form_key"].includes(name));
        const names = [...new Set(fields.map(([name]) => name))];
        store.setItem(entry.draftKey, JSON.stringify({ at: entry.at, names, fields }));
        said.push(say(`${texts.refused} ${sentence(entry.title)}`, texts.correct, entry.page));
      }
      await Outbox.remove(entry.id);
    }
    const waiting = await showOutbox();
    // where the officer looks, the form's "no signal" note gives way to what happened
    if (said.length && !waiting) {
      document.querySelectorAll("form [data-part=waiting]").forEach((note) => {
        const news = Object.assign(document.createElement("div"), { className: "alert alert-success mt-3 mb-0" });
        news.setAttribute("role", "status");
        news.append(...said.map((line) => line.cloneNode(true)));
        note.replaceWith(news);
      });
    }
  }

  // Send what waits. A server that could not take a form just now (a restart, a busy
  // database) is asked again a little later, a few times, while the signal holds.
  let retries = 0;
  async function flush() {
    await ready;
    const result = navigator.onLine ? await Outbox.flush(csrfToken()) : "offline";
    if (result === "signed-out") part("signed-out").hidden = false;
    if (result === "waiting" && navigator.onLine && retries < 6) setTimeout(flush, 5000 * ++retries);
    if (result === "sent") retries = 0;
    await settle();
  }

  // "Now" as the site writes it in a form (Europe/Kyiv): a field left empty for "now"
  // means the moment of the tap, not the moment the signal returns.
  function now() {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Kyiv", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(new Date()).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  }

  // What the waiting list calls a form: its page's heading and the first words typed.
  function titleOf(form) {
    const heading = (document.querySelector("h1")?.textContent || document.title).trim();
    const words = [...form.querySelectorAll("textarea, input[type=text]")].map((field) => field.value.trim()).find(Boolean);
    return words ? `${heading}: ${words.length > 40 ? `${words.slice(0, 40)}…` : words}` : heading;
  }

  // The form waits in the outbox; the screen is free for the next one, with a new key.
  async function wait(form, data) {
    form.querySelectorAll("[data-empty-means-now]").forEach((field) => {
      if (!data.get(field.name)) data.set(field.name, now());
    });
    const formKey = data.get("form_key");
    const earlier = (await Outbox.all()).find((entry) =>
      !entry.done && entry.draftKey === draftKey(form) && formKey && entry.formKey === formKey);
    await Outbox.put({
      ...(earlier ? { id: earlier.id } : {}),
      user, draftKey: draftKey(form), formKey, signInPaths,
      action: new URL(form.action, location.href).href,
      page: location.pathname + location.search,
      title: titleOf(form),
      at: Date.now(),
      fields: [...data],
    });
    store.removeItem(draftKey(form));  // it is in the outbox now
    form.reset();
    startNow(form);
    const key = form.querySelector("input[name=form_key]");
    if (key) key.value = newKey() || key.value;
    const registration = await navigator.serviceWorker?.getRegistration();
    await registration?.sync?.register("outbox").catch(() => {});
    form.querySelectorAll("[data-part=waiting]").forEach((note) => note.remove());
    const note = part("waiting").content.firstElementChild.cloneNode(true);
    form.append(note);
    note.scrollIntoView({ block: "center" });
    note.focus({ preventScroll: true });
    await showOutbox();
    if (navigator.onLine) flush();  // the signal dropped only for a moment: try again now
  }

  // A form that came back with its errors takes the place of the page's content.
  function show(html, url) {
    // the page's address is the form's: a form without an action posts to it again
    if (url && url !== location.href) history.pushState(null, "", url);
    const page = new DOMParser().parseFromString(html, "text/html");
    const main = page.querySelector("main");
    if (!main) {
      document.open();
      document.write(html);
      return document.close();
    }
    document.title = page.title;
    document.querySelector("main").replaceWith(main);
    window.scrollTo(0, 0);
    document.dispatchEvent(new CustomEvent("cpo:page"));
    main.querySelectorAll("form[data-keep]").forEach(keep);
  }

  function send(form, data, buttons) {
    const request = new XMLHttpRequest();
    const action = new URL(form.action, location.href).href;
    const photo = [...data.values()].some((value) => value instanceof File && value.size > 0);
    const progress = photo ? part("progress").content.firstElementChild.cloneNode(true) : null;
    if (progress) {
      form.append(progress);
      request.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        const share = Math.round((100 * event.loaded) / event.total);
        progress.querySelector("progress").value = share;
        progress.querySelector("[data-share]").textContent = `${share} %`;
      });
    }
    const done = () => {
      buttons.forEach((button) => (button.disabled = false));
      progress?.remove();
    };
    request.open("POST", action);
    request.setRequestHeader("X-Follow-Only", "1");
    request.addEventListener("load", () => {
      done();
      store.setItem(`${PREFIX}seen`, String(Date.now()));
      const outcome = Outbox.outcome(request.status, request.responseURL, { action, signInPaths });
      if (outcome === "saved") {
        store.removeItem(draftKey(form));
        location.assign(request.responseURL);
      } else if (outcome === "signed-out") {
        location.assign(`${texts.signIn}?next=${encodeURIComponent(location.pathname + location.search)}`);
      } else if (outcome === "waiting") {
        wait(form, data);
      } else {
        show(request.responseText, request.responseURL);
      }
    });
    request.addEventListener("error", () => { done(); wait(form, data); });
    request.addEventListener("abort", done);
    buttons.forEach((button) => (button.disabled = true));
    request.send(data);
  }

  function typing(event) {
    const form = event.target.form;
    if (!form?.matches("[data-keep]")) return;
    delete form.dataset.queuedAt;  // a new form being typed: not a second tap
    keep(form);
  }
  document.addEventListener("input", typing);
  document.addEventListener("change", typing);
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.matches("[data-sign-out]")) return signOut(event, form);
    if (!form.matches("[data-keep]") || event.defaultPrevented) return;
    event.preventDefault();
    if (form.dataset.busy !== undefined) return;  // a photo is still being made smaller
    const data = new FormData(form, event.submitter);
    keep(form);
    const buttons = [...form.querySelectorAll("button[type=submit], button:not([type])")];
    if (navigator.onLine) return send(form, data, buttons);
    // a double tap without a signal: the first tap's form waits; the second, on the
    // emptied form with nothing typed since, is let go
    if (Date.now() - Number(form.dataset.queuedAt || 0) < 3000) return;
    form.dataset.queuedAt = String(Date.now());
    wait(form, data);
  });

  async function signOut(event, form) {
    event.preventDefault();
    // without a signal the server would keep the session: nothing is forgotten yet
    if (!navigator.onLine) return window.alert(texts.signOutOffline);
    const waiting = (await Outbox.all()).filter((entry) => !entry.done).length;
    const typedHere = Object.keys(store).some((key) => key.startsWith(`${PREFIX}draft:${user}:`));
    if ((waiting || typedHere) && !window.confirm(texts.signOutWaiting)) return;
    await forgetEverything();
    navigator.serviceWorker?.controller?.postMessage("forget");
    form.submit();
  }

  /* Signal, kept pages and the session */

  const offline = part("offline");
  const signal = () => { offline.hidden = navigator.onLine; };
  window.addEventListener("offline", signal);
  window.addEventListener("online", () => { signal(); flush(); });
  signal();
  if (body.hasAttribute("data-offline-copy")) part("copy").hidden = false;

  const idle = Number(texts.sessionSeconds) * 1000;
  store.setItem(`${PREFIX}seen`, String(Date.now()));  // this page renewed the session
  function tick() {
    const left = idle - (Date.now() - Number(store.getItem(`${PREFIX}seen`)));
    part("ending").hidden = !(left > 0 && left <= 120000);
    if (left <= 0) part("ended").hidden = false;
  }
  setInterval(tick, 5000);
  part("ending").querySelector("button").addEventListener("click", async () => {
    const response = await fetch(texts.stillHere, {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() },
    }).catch(() => null);
    if (response?.status === 204) store.setItem(`${PREFIX}seen`, String(Date.now()));
    else part("ended").hidden = false;
    tick();
  });
  part("ended").querySelector("a").href = `${texts.signIn}?next=${encodeURIComponent(location.pathname + location.search)}`;

  ready.then(() => {
    document.querySelectorAll("form[data-keep]").forEach((form) => {
      // Back after a save must not bring the sent text back under a new key: the
      // drafts are this script's to restore, not the browser's
      form.setAttribute("autocomplete", "off");
      restore(form);
    });
    if ("serviceWorker" in navigator && texts.worker) {
      navigator.serviceWorker.register(texts.worker, { scope: "/" })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
          // a page to keep that the worker did not yet answer for (the first after sign-in)
          if (body.hasAttribute("data-kept-offline") && !navigator.serviceWorker.controller) {
            registration.active?.postMessage({ keep: location.href });
          }
          // the forms this page leads to, to open later where there is no signal
          if (!copy && navigator.onLine) {
            document.querySelectorAll("a[data-keep-offline]").forEach((link) =>
              registration.active?.postMessage({ keep: link.href, ifMissing: true }));
          }
        })
        .catch(() => {});
      navigator.serviceWorker.addEventListener("message", settle);
    }
    flush();
  });
})();
