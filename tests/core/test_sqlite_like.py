"""Case-insensitive search in any alphabet, also on SQLite."""

import pytest

from core.sqlite import unicode_like
from stations.models import Village
from tests import factories


@pytest.mark.parametrize(
    ("pattern", "value", "expected"),
    [
        ("%тимоф%", "Тимофєєв", True),
        ("%ЄЄВ", "Тимофєєв", True),
        ("тимоф", "Тимофєєв", False),
        ("_имофєєв", "Тимофєєв", True),
        (r"%50\%%", "знижка 50% сьогодні", True),
        (r"%50\%%", "знижка 50 сьогодні", False),
    ],
)
def test_like_matches_like_sql_but_folds_every_alphabet(pattern, value, expected):
    assert unicode_like(pattern, value, "\\") is expected


def test_like_of_null_is_null():
    assert unicode_like("%a%", None) is None


@pytest.mark.django_db
def test_icontains_finds_cyrillic_in_another_case():
    village = factories.make_village(name="Бердянське")

    assert list(Village.objects.filter(name__icontains="БЕРДЯН")) == [village]
    assert list(Village.objects.filter(name__icontains="бердян")) == [village]
