from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo community (``seed_demo``), carried on up to today."""

    name = "demo"
    verbose_name = _("Demo community")

    def ready(self) -> None:
        from accounts import two_factor
        from demo.community import USERS

        # On a demo site (settings.DEMO) the demo's logins sign in without a code.
        two_factor.DEMO_USERNAMES.update(username for username, *_rest in USERS)
