"""A refusal that tells the person why, on the 403 page.

A plain ``PermissionDenied`` says only "your role does not allow this"; a ``Refused``
carries a translated reason meant for the person (nobody reviews their own work, say).
"""

from django.core.exceptions import PermissionDenied


class Refused(PermissionDenied):
    """403 with a reason for the person: ``Refused(_("…"))``."""

    @property
    def reason(self) -> str:
        return str(self.args[0]) if self.args else ""
