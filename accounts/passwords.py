"""A password check Django does not have: enough different characters.

"aaaaaaaaaaaa" and "abababababab" pass the length, common-password and numeric checks,
and fall to the first guesses of any attack.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


class DistinctCharactersValidator:
    def __init__(self, min_distinct: int = 5):
        self.min_distinct = min_distinct

    def validate(self, password: str, user=None) -> None:
        if len(set(password.casefold())) < self.min_distinct:
            raise ValidationError(
                self._message(), code="password_too_uniform", params={"n": self.min_distinct}
            )

    def get_help_text(self) -> str:
        return self._message() % {"n": self.min_distinct}

    def _message(self) -> str:
        return ngettext(
            "Your password must use at least %(n)d different character.",
            "Your password must use at least %(n)d different characters.",
            self.min_distinct,
        )
