from accounts import two_factor
from accounts.roles import Role, user_role
from policing.navigation import sections_for


def navigation(request) -> dict:
    """The navigation and the person's role, for the base layout."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    role = user_role(request.user)
    # Until the second step is passed, the pages behind the menu are out of reach.
    waiting = not request.user.is_verified() and two_factor.required_for_request(request)
    return {
        "nav_sections": [] if waiting else sections_for(request),
        "user_role_label": Role(role).label if role else "",
    }
