"""Every page kind, as every role, at phone and desktop width, in Ukrainian and English,
passes axe-core (WCAG 2.2 AA) with no critical or serious finding, and no page script
throws.

The pages are found the way a person finds them: from the home page, by every link the
role is shown, one page of each kind (``/villages/7/`` stands for every village). The
demo community (``seed_demo``) gives each page something to show. Pages no link leads
to are added by hand: signing in, errors, and forms sent back with their mistakes.

axe-core comes from the npm registry (``package.json``; ``make install-dev`` installs
it) and is served to the browser by the test itself, never from a CDN.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts import two_factor
from tests.e2e.test_registries_in_browser import sign_in
from tests.factories import PASSWORD, current_code, enrolled_phone

pytestmark = pytest.mark.e2e

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [360, 1280]
LANGUAGES = ["uk", "en"]
ROLES = ["staff", "supervisor", "officer", "admin"]
BLOCKING = {"critical", "serious"}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Links that are not pages: downloads, uploaded files, switching language, signing out.
NOT_PAGES = re.compile(r"export=|format=|/media/|/i18n/|/logout")
LIMIT = 150


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core is not installed; make install-dev runs npm ci.")
        pytest.skip("axe-core is not installed (make install-dev runs npm ci)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def demo(db):
    call_command("seed_demo", "--password", PASSWORD, stdout=io.StringIO())


def kind_of(path: str) -> str:
    """``/villages/7/edit/`` and ``/villages/2/edit/`` are one kind of page. In Django
    admin, each model's list and forms are kinds of their own (their columns and fields
    differ); the index of an app, a record's history or its deletion page is one
    template whatever the model."""
    path = path.split("#")[0].split("?")[0]
    kind = re.sub(r"\d+", "N", path)
    if kind.startswith("/admin/"):
        kind = re.sub(r"^/admin/[^/]+/[^/]+/N/(history|delete)/$", r"/admin/MODEL/N/\1/", kind)
        kind = re.sub(r"^/admin/[^/]+/$", "/admin/APP/", kind)
    return kind


class Sweep:
    """Opens pages in one browser context and keeps what axe and the page say."""

    def __init__(self, context, base: str, axe_source: str):
        self.base = base
        self.page = context.new_page()
        self.page.set_default_timeout(20_000)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        context.route(
            f"{base}/__axe.js",
            lambda route: route.fulfill(body=axe_source, content_type="text/javascript"),
        )
        self.findings: dict[str, list[str]] = {}
        self.checked: list[str] = []

    def check(self, name: str) -> None:
        """Run axe on the page as it is now."""
        self.page.wait_for_load_state()
        self.checked.append(name)
        problems = [f"script error: {error}" for error in self.errors]
        self.errors.clear()
        # What a click on a <details> shows (the steps of a case) is checked too.
        self.page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        try:
            self.page.add_script_tag(url=f"{self.base}/__axe.js")
            result = self.page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                " resultTypes: ['violations']})",
                WCAG,
            )
        except Exception as error:  # axe itself could not finish: that is a finding too
            problems.append(f"axe did not complete: {str(error)[:300]}")
        else:
            problems += [
                f"{v['impact']} {v['id']}: {v['help']} at "
                + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
                for v in result["violations"]
                if v["impact"] in BLOCKING
            ]
        if problems:
            self.findings[name] = problems

    def visit(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.check(path)

    def crawl(self, start: list[str], follow: re.Pattern = re.compile("")) -> None:
        """Every page kind the role's links lead to, breadth first from ``start``,
        following the links that ``follow`` matches."""
        queue, kinds = list(start), set[str]()
        while queue and len(kinds) < LIMIT:
            path = queue.pop(0)
            kind = kind_of(path)
            if kind in kinds:
                continue
            kinds.add(kind)
            self.visit(path)
            links = self.page.eval_on_selector_all(
                "a[href^='/']", "links => links.map(link => link.getAttribute('href'))"
            )
            queue += [link for link in links if follow.match(link) and not NOT_PAGES.search(link)]

    def submit_empty(self, path: str) -> None:
        """A form sent without its required fields comes back with its errors."""
        self.page.goto(self.base + path)
        self.page.locator("main form[method=post] button[type=submit].btn-primary").first.click()
        self.page.wait_for_load_state()
        # a kept form (keep.js) comes back in place of the page's content, not as a page
        self.page.locator("[data-error-summary]").first.wait_for()
        assert self.page.locator("[data-error-summary]").count() == 1, path
        self.check(f"{path} (sent empty)")

    def report(self) -> str:
        return "\n".join(
            f"{name}\n  " + "\n  ".join(problems) for name, problems in self.findings.items()
        )


# Where each role's walk starts. The administrator's is Django admin and the pages only
# an administrator has (the audit log, the subject access report): the rest of the site
# is council staff's, swept as staff.
START = {
    "staff": ["/"],
    "supervisor": ["/"],
    "officer": ["/", "/offline/"],
    "admin": ["/admin/", "/audit/", "/privacy/subject-access/", "/"],
}
FOLLOW = {"admin": re.compile(r"/(admin|audit|privacy)/")}
FORMS_SENT_EMPTY = {
    "staff": ["/villages/new/", "/officers/new/", "/acts/issue/", "/vehicles/new/"],
    "supervisor": [],
    "officer": ["/incidents/new/", "/register/new/"],
    "admin": ["/privacy/subject-access/"],
}


def browser_context(browser, live_server, width: int, language: str):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="uk-UA")
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    return context


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe(browser, live_server, axe_source, demo, role, width, language):
    context = browser_context(browser, live_server, width, language)
    sweep = Sweep(context, live_server.url, axe_source)
    sign_in(sweep.page, live_server, role)

    sweep.crawl(START[role], FOLLOW.get(role, re.compile("")))
    for path in FORMS_SENT_EMPTY[role]:
        sweep.submit_empty(path)
    context.close()

    assert len(sweep.checked) >= 20, sweep.checked
    assert sweep.findings == {}, f"{role}, {width}px, {language}:\n{sweep.report()}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_pages_before_and_around_sign_in_pass_axe(
    browser, live_server, axe_source, demo, width, language
):
    context = browser_context(browser, live_server, width, language)
    sweep = Sweep(context, live_server.url, axe_source)
    page = sweep.page

    sweep.visit("/accounts/login/")
    # a form older than the browser's CSRF cookie (another tab signed in meanwhile)
    page.evaluate(
        "document.querySelectorAll('[name=csrfmiddlewaretoken]')"
        ".forEach((field) => (field.value = 'x'.repeat(64)))"
    )
    page.click("button[type=submit].btn-primary")
    sweep.check("/accounts/login/ (out of date)")
    page.click(".empty-state a.btn-primary")  # open the page again
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", "not the password")
    page.click("button[type=submit].btn-primary")
    sweep.check("/accounts/login/ (wrong password)")
    device = enrolled_phone(get_user_model().objects.get(username="officer"))
    assert two_factor.is_required(device.user)
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].btn-primary")
    page.wait_for_url("**/accounts/two-factor/**")
    sweep.check("two-factor code")
    page.fill("input[name=code]", "000000")
    page.click("button[type=submit].btn-primary")
    sweep.check("two-factor code (wrong)")
    page.wait_for_timeout(1500)  # django-otp makes a second try after a wrong code wait
    page.fill("input[name=code]", current_code(device))
    page.click("button[type=submit].btn-primary")
    page.wait_for_url(f"{live_server.url}/")
    sweep.visit("/villages/999999/")
    sweep.visit("/this-page-does-not-exist/")
    context.close()

    assert sweep.findings == {}, f"{width}px, {language}:\n{sweep.report()}"


# What keep.js shows on an officer's phone: every notice at once, as the script shows them.
SHOW_EVERY_NOTICE = """() => {
  document.querySelectorAll("main [data-part][hidden]").forEach((part) => (part.hidden = false));
  const form = document.querySelector("form[data-keep]");
  document.querySelectorAll("#keep template").forEach((template) => {
    form.append(template.content.firstElementChild.cloneNode(true));
  });
  const news = document.querySelector("#keep [data-part=news]");
  news.innerHTML = '<p class="mb-1">Sent: an incident. <a class="alert-link" href="/">Open</a></p>';
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_phones_notices_pass_axe(browser, live_server, axe_source, demo, width, language):
    context = browser_context(browser, live_server, width, language)
    sweep = Sweep(context, live_server.url, axe_source)
    sign_in(sweep.page, live_server, "officer")
    sweep.page.goto(f"{live_server.url}/incidents/new/")

    sweep.page.evaluate(SHOW_EVERY_NOTICE)
    sweep.check("/incidents/new/ (every notice of keep.js)")
    context.close()

    assert sweep.findings == {}, sweep.report()
