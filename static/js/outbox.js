// Forms sent without a signal wait here until it returns: IndexedDB, which the service
// worker (Background Sync) reads as well as the pages (the "online" event). Each form
// goes once: its one-time key (core.once) makes a second arrival answer with the record
// the first one made. A classic script, so that the worker can importScripts it.
(function (scope) {
  "use strict";
  const DATABASE = "cpo-outbox";
  const STORE = "forms";

  function database() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function withStore(mode, work) {
    const db = await database();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }

  const Outbox = {
    put: (entry) => withStore("readwrite", (store) => store.put(entry)),
    all: () => withStore("readonly", (store) => store.getAll()),
    remove: (id) => withStore("readwrite", (store) => store.delete(id)),
    clear: () => withStore("readwrite", (store) => store.clear()),

    // What the server's answer means: "saved" (it sent the person on to another page),
    // "signed-out" (to sign-in: the session ended), "refused" (the form came back, with
    // its errors) or "waiting" (no answer, or the server failed to take it just now).
    outcome(status, finalUrl, entry) {
      if (status === 0 || status >= 500) return "waiting";  // try again later: it goes once
      const landed = new URL(finalUrl);
      if (entry.signInPaths.some((path) => landed.pathname.startsWith(path))) return "signed-out";
      return landed.href === new URL(entry.action).href ? "refused" : "saved";
    },

    async send(entry, csrfToken) {
      const body = new FormData();
      for (const [name, value] of entry.fields) {
        body.append(name, name === "csrfmiddlewaretoken" && csrfToken ? csrfToken : value);
      }
      try {
        const response = await fetch(entry.action, {
          method: "POST", body, credentials: "same-origin", headers: { "X-Follow-Only": "outbox" },
        });
        // The worker sends the token of the day the form was kept; if the person has
        // signed in again since, it is stale, and the next page sends a fresh one.
        if (response.status === 403 && !csrfToken) return { outcome: "waiting" };
        return { outcome: this.outcome(response.status, response.url, entry), url: response.url };
      } catch (offline) {
        return { outcome: "waiting" };
      }
    },

    // Send what waits, oldest first. A form sent is marked done with where it landed;
    // the page that next opens tells the person and lets it go (Outbox.remove).
    flush(csrfToken) {
      // one sender at a time, page or worker: the second finds the forms marked done
      const locks = scope.navigator.locks;
      return locks ? locks.request("cpo-outbox", () => this.sendAll(csrfToken)) : this.sendAll(csrfToken);
    },

    async sendAll(csrfToken) {
      for (const entry of await this.all()) {
        if (entry.done) continue;
        const result = await this.send(entry, csrfToken);
        if (result.outcome === "waiting" || result.outcome === "signed-out") return result.outcome;
        await this.put({ ...entry, done: result });
      }
      return "sent";
    },
  };
  scope.Outbox = Outbox;
})(self);
