"""A word that is both an action and a state reads as one or the other, never both:
a case is "Відкрита" (open), the button "Відкрити" (to open)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# The text of a button or of a link drawn as one: <button ...>{% translate "X" %}
BUTTON = re.compile(
    r"<(?:button|a)\b(?=[^>]*(?:\bbtn\b|type=\"submit\"))[^>]*>\s*{% translate \"([^\"]+)\" %}"
)


def button_words() -> set[str]:
    return {
        word
        for template in TEMPLATES.rglob("*.html")
        for word in BUTTON.findall(template.read_text(encoding="utf-8"))
    }


def status_labels() -> list[tuple[str, object]]:
    """Each choice of each status field of the project's own models."""
    return [
        (f"{model.__name__}.{field.name}", label)
        for model in apps.get_models()
        if model.__module__.split(".")[0] in {"officers", "stations"}
        and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField) and field.choices and "status" in field.name
        for _value, label in field.choices
    ]


@pytest.mark.parametrize("language", ["uk", "en"])
def test_no_status_reads_as_a_button(language):
    with translation.override(language):
        buttons = {gettext(word) for word in button_words()}
        clashes = [(where, str(label)) for where, label in status_labels() if str(label) in buttons]

    assert len(buttons) > 20
    assert clashes == [] or (
        language == "en"
        and all(
            # English has one word for both; what matters is that each has its own msgid.
            label in {"Open", "Closed"}
            for _where, label in clashes
        )
    ), clashes


def test_the_case_states_agree_with_the_case_in_ukrainian():
    from officers.models import Incident

    with translation.override("uk"):
        assert str(Incident.Case.OPEN.label) == "Відкрита"
        assert str(Incident.Case.CLOSED.label) == "Закрита"
        assert gettext("Open") == "Відкрити"
        assert str(Incident.Case.OPEN.label) != gettext("Open")
