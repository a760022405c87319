"""``{% form_key %}``: the hidden one-time key of a create form (core.once)."""

import uuid

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core import once

register = template.Library()


@register.simple_tag(takes_context=True)
def form_key(context: template.Context, reuse: bool = True) -> SafeString:
    """The key the form was sent with when it is shown again, else a new one. A page of
    several forms passes ``reuse=False`` to all but the one that was sent."""
    request = context.get("request")
    key = (
        once.key_of(request) if reuse and request is not None and request.method == "POST" else None
    )
    return format_html(
        '<input type="hidden" name="{}" value="{}">', once.FIELD, key or uuid.uuid4()
    )
