"""Two-factor sign-in: who needs a time-based code besides the password.

Officers, supervisors and administrators always do (settings.TWO_FACTOR_ROLES; a
setting extends it to everyone); council staff may turn it on for themselves, and
whoever has a phone enrolled must use it. Only demo mode (DJANGO_DEMO=true, which
refuses to start without DEBUG) lets the demo community's users in with a password.
The answer is worked out afresh on every request of a session that has not passed the
second factor (two queries), never kept from sign-in: a person given a role that needs
it while signed in must pass it on their next click.
"""

import base64
import io

from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from accounts.roles import user_role

DEVICE_NAME = "phone"

# The demo's logins, which sign in without a code on a demo site (``settings.DEMO``);
# the app that seeds the demo names them when it starts.
DEMO_USERNAMES: set[str] = set()


def is_required(user) -> bool:
    if user_has_device(user):
        return True
    if settings.DEMO and user.username in DEMO_USERNAMES:
        return False
    if settings.TWO_FACTOR_FOR_EVERYONE or user.is_superuser or user.is_staff:
        return True
    return user_role(user) in settings.TWO_FACTOR_ROLES


def required_for_request(request) -> bool:
    """Whether this signed-in person must pass the second factor (once per request)."""
    if not hasattr(request, "two_factor_required"):
        request.two_factor_required = is_required(request.user)
    return request.two_factor_required


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The phone being enrolled: one unconfirmed device, kept until its first code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm(device: TOTPDevice) -> None:
    """Make the enrolled phone the person's only one."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def qr_data_uri(device: TOTPDevice) -> str:
    """The enrolment QR code as an SVG data URI (no inline markup, no extra request)."""
    out = io.BytesIO()
    write_qrcode_image(device.config_url, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for an app that cannot scan."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
