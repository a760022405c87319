from accounts import two_factor
from accounts.roles import Role, user_role
from policing.navigation import administration_for, sections_for


def navigation(request) -> dict:
    """The navigation and the person's role, for the base layout."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    role = user_role(request.user)
    # Until the second step is passed, the pages behind the menu are out of reach.
    waiting = not request.user.is_verified() and two_factor.required_for_request(request)
    sections = [] if waiting else sections_for(request)
    # The Administration menu shows before the second step too, as it always has; its
    # pages ask for the step like any other.
    administration = administration_for(request)
    if administration is not None:
        sections = [*sections, administration]
    return {
        "nav_sections": sections,
        "user_role_label": Role(role).label if role else "",
    }
