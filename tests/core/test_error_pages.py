"""Error pages in the site's own look, in the person's language."""

from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from core.views import error_500


def test_a_missing_page_answers_404_in_the_site_look(client, staff_user):
    client.force_login(staff_user)

    response = client.get("/no-such-page/")

    content = response.content.decode()
    assert response.status_code == 404
    assert "Сторінку не знайдено" in content
    assert "site-navbar" in content


def test_a_forbidden_page_answers_403_in_the_site_look(client, officer_user):
    client.force_login(officer_user)

    response = client.get(reverse("officers:officer_create"))

    assert response.status_code == 403
    assert "Ви не можете відкрити цю сторінку" in response.content.decode()


def test_a_form_from_an_out_of_date_page_says_so_and_leads_back_to_it(db):
    """The sign-in form opened before another tab signed in: Django's technical CSRF
    page would leave the person stuck; this one says what happened and what to do."""
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("login"))  # the browser's CSRF cookie
    url = reverse("login") + "?next=/incidents/new/"

    response = browser.post(url, {"username": "officer", "csrfmiddlewaretoken": "x" * 64})

    content = response.content.decode()
    assert response.status_code == 403
    assert "Сторінка застаріла" in content
    assert f'href="{url}"' in content.replace("&amp;", "&")
    assert "CSRF" not in content


def test_the_server_error_page_renders_without_a_database(rf):
    # No db fixture: pytest-django fails this test if the page touches the database.
    with translation.override("uk"):
        response = error_500(rf.get("/"))

    assert response.status_code == 500
    assert "Щось пішло не так" in response.content.decode()


@override_settings(DEBUG=False)
def test_an_unexpected_error_shows_the_500_page_and_no_trace(client, staff_user, monkeypatch):
    client.force_login(staff_user)
    client.raise_request_exception = False

    def broken(*args, **kwargs):
        raise RuntimeError("boom: secret internals")

    monkeypatch.setattr("reports.views.render", broken)
    response = client.get(reverse("home"))

    content = response.content.decode()
    assert response.status_code == 500
    assert "secret internals" not in content
    assert "Щось пішло не так" in content
    assert "<code>" in content  # the reference the logs carry


@override_settings(DEBUG=False)
def test_the_error_reference_is_in_the_log(client, staff_user, monkeypatch, caplog):
    client.force_login(staff_user)
    client.raise_request_exception = False
    monkeypatch.setattr("reports.views.render", lambda *a, **k: 1 / 0)

    response = client.get(reverse("home"))

    reference = response.content.decode().split("<code>")[1].split("</code>")[0]
    assert any(reference in record.getMessage() for record in caplog.records)


def test_security_headers_are_sent(client, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("home"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_content_security_policy_allows_no_inline_script(client, staff_user):
    client.force_login(staff_user)

    policy = client.get(reverse("home"))["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"
