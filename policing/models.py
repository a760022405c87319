import rules
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. The role is the user's group (see accounts.roles)."""

    must_change_password = models.BooleanField(
        _("must change password"),
        default=False,
        help_text=_("Set when an administrator gives an initial password; cleared on change."),
    )

    def has_perm(self, perm, obj=None) -> bool:
        """Django lets a superuser do anything; an object rule holds for them too, so that
        an administrator does not review their own shift or confirm another's act."""
        if obj is not None and rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    # django-stubs 5.2.9 leaves out AbstractUser.Meta (typeddjango/django-stubs#2112)
    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]
