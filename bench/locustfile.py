"""The load bench/run.py puts on the site: every page in turn, all users at once.

Each simulated user signs in as a clerk, a supervisor, an officer and an administrator
(password and a code from its phone key), then, once all have signed in, everybody
loads the first page as fast as the server answers for ``phase_seconds``, then the
second page, and so on: each page is measured alone under the same concurrency.
"""

import json
import os
import re
import time
from pathlib import Path

import gevent
from django_otp.oath import totp
from gevent.event import Event
from locust import FastHttpUser, constant, task
from locust.contrib.fasthttp import FastHttpSession, FastResponse
from locust.exception import StopUser
from locust.stats import CSV_STATS_INTERVAL_SEC

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
PHASE_SECONDS = PLAN["phase_seconds"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(page: FastResponse) -> str:
    """The token of the page's form; a sign-in page without one ends the run."""
    found = CSRF.search(page.text or "")
    assert found is not None, "no CSRF token on the sign-in page"
    return found.group(1)


everyone_signed_in = Event()
run = {"signed_in": 0, "next_user": 0, "finished": 0, "start": 0.0}


class Visitor(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        me = PLAN["users"][run["next_user"] % len(PLAN["users"])]
        run["next_user"] += 1
        self.sessions = {role: self.sign_in(login) for role, login in me["logins"].items()}
        self.pages = me["pages"]
        self.loaded = 0  # how many pages, from the first, this user has loaded
        run["signed_in"] += 1
        if run["signed_in"] == len(PLAN["users"]):
            run["start"] = time.time()
            everyone_signed_in.set()
        everyone_signed_in.wait()

    def sign_in(self, login: dict) -> FastHttpSession:
        session = FastHttpSession(
            self.host,
            self.environment.events.request,
            self,
            network_timeout=self.network_timeout,
            connection_timeout=self.connection_timeout,
            max_retries=self.max_retries,
        )
        # Land on the trivial view, so signing in does not load the dashboard.
        page = session.get("/accounts/login/?next=/health/", name="sign-in")
        if page.status_code != 200:
            # locust sets error on a failed response; its types do not declare it
            raise RuntimeError(f"sign-in page: {page.status_code} {page.error!r}")  # type: ignore[attr-defined]
        page = session.post(
            "/accounts/login/?next=/health/",
            data={
                "username": login["username"],
                "password": PLAN["password"],
                "csrfmiddlewaretoken": csrf_token(page),
            },
            name="sign-in",
        )
        url = page.url or ""
        if "two-factor" in url:
            code = totp(bytes.fromhex(login["totp_key"]))
            session.post(
                url,
                data={
                    "code": f"{code:06d}",
                    "csrfmiddlewaretoken": csrf_token(page),
                },
                name="sign-in",
            )
        return session

    @task
    def load_the_page_of_this_phase(self):
        phase = int((time.time() - run["start"]) // PHASE_SECONDS)
        # A page whose turn passed while a slow answer was awaited is still loaded
        # once, so that no page goes unmeasured in a short run on a busy machine.
        phase = min(phase, self.loaded)
        self.loaded = max(self.loaded, phase + 1)
        if phase >= len(self.pages):
            # The last user to finish its last request ends the run, from a greenlet of
            # its own (quitting stops every user's greenlet, the caller's included), once
            # locust has written its statistics file once more.
            run["finished"] += 1
            if run["finished"] == len(PLAN["users"]):
                gevent.spawn_later(CSV_STATS_INTERVAL_SEC + 1, self.environment.runner.quit)
            raise StopUser
        page = self.pages[phase]
        with self.sessions[page["role"]].get(
            page["path"], name=page["key"], catch_response=True
        ) as response:
            if response.status_code != 200 or "/accounts/" in (response.url or ""):
                response.failure(f"{response.status_code} at {response.url}")
