"""Ukrainian number plates and VINs: one spelling for every way of typing them.

Ukrainian plates use only the twelve Cyrillic letters that look like Latin ones
(А В Е І К М Н О Р С Т Х), so "АЕ1234КР" typed in Cyrillic and "AE1234KP" typed in
Latin are the same plate. Plates are stored in Cyrillic, upper case, without spaces.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LATIN_TO_CYRILLIC = str.maketrans("ABEIKMHOPCTX", "АВЕІКМНОРСТХ")
PLATE_LETTERS = "АВЕІКМНОРСТХ"
PLATE_PATTERN = re.compile(rf"^[{PLATE_LETTERS}]{{2}}\d{{4}}[{PLATE_LETTERS}]{{2}}$")
VIN_PATTERN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")


def normalize_plate(value: str) -> str:
    """Upper case, no spaces or dashes, Latin look-alikes turned into Cyrillic."""
    return re.sub(r"[\s\-]", "", value or "").upper().translate(LATIN_TO_CYRILLIC)


def validate_plate(value: str) -> None:
    if not PLATE_PATTERN.match(normalize_plate(value)):
        raise ValidationError(
            _("Enter a plate like АЕ 1234 КР: two letters, four digits, two letters."),
            code="invalid_plate",
        )


def normalize_vin(value: str) -> str:
    return re.sub(r"[\s\-]", "", value or "").upper()


def validate_vin(value: str) -> None:
    if not VIN_PATTERN.match(normalize_vin(value)):
        raise ValidationError(
            _("A VIN has 17 characters: digits and Latin letters except I, O and Q."),
            code="invalid_vin",
        )
