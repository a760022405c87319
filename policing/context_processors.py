from policing.navigation import sections_for
from policing.roles import Role, user_role


def navigation(request) -> dict:
    """The navigation and the person's role, for the base layout."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    role = user_role(request.user)
    return {
        "nav_sections": sections_for(request),
        "user_role_label": Role(role).label if role else "",
    }
