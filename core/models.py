"""What core keeps in the database: the one-time keys of create forms."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentForm(models.Model):
    """A create form's one-time key, and the record its first arrival created.

    A form carries a random key from the moment it is shown. A POST that comes again
    with it (a reload, a double tap, a retry queued offline, two at once) finds the
    record made the first time instead of making a second: the database holds one row
    per person and key.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    key = models.UUIDField(_("form key"))
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("sent form")
        verbose_name_plural = _("sent forms")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="core_one_record_per_form_key")
        ]

    def __str__(self) -> str:
        return str(self.key)
