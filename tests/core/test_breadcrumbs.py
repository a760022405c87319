"""Breadcrumbs: declared by the view, shown by base.html from one include."""

import re

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.breadcrumbs import breadcrumbs
from tests import factories


def crumbs_html(crumbs, **context) -> str:
    with translation.override("uk"):
        return render_to_string("includes/_breadcrumbs.html", {"breadcrumbs": crumbs, **context})


def test_the_trail_runs_from_the_home_page_to_this_one():
    html = crumbs_html(breadcrumbs(("Автомобілі", "/vehicles/"), here="АЕ 1001 ВО"))

    # Whitespace between the tags is the template's indentation, not the page's.
    assert re.sub(r">\s+<", "><", html.strip()) == (
        '<nav aria-label="Навігаційний ланцюжок"><ol class="breadcrumb">'
        '<li class="breadcrumb-item"><a href="/">Головна</a></li>'
        '<li class="breadcrumb-item"><a href="/vehicles/">Автомобілі</a></li>'
        '<li class="breadcrumb-item active" aria-current="page">АЕ 1001 ВО</li>'
        "</ol></nav>"
    )


def test_a_trail_left_off_the_printed_page_says_so():
    html = crumbs_html(breadcrumbs(here="Табель"), no_print=True)

    assert '<nav aria-label="Навігаційний ланцюжок" class="no-print">' in html


def test_labels_are_escaped():
    html = crumbs_html(breadcrumbs(("<b>", "/x/?a=1&b=2"), here="<i>"))

    assert '<a href="/x/?a=1&amp;b=2">&lt;b&gt;</a>' in html
    assert 'aria-current="page">&lt;i&gt;</li>' in html


def test_a_training_form_leads_back_through_its_officer(client, staff_user, officer):
    training = factories.make_training(officer)
    client.force_login(staff_user)

    response = client.get(reverse("officers:training_update", args=[training.pk]))

    assert response.context["breadcrumbs"] == [
        ("Офіцери", reverse("officers:officer_list")),
        (str(officer), officer.get_absolute_url()),
        (str(training), training.get_absolute_url()),
        ("Редагування", None),
    ]


def test_a_page_without_breadcrumbs_shows_none(client, staff_user):
    client.force_login(staff_user)

    content = client.get(reverse("home")).content.decode()

    assert 'class="breadcrumb"' not in content
