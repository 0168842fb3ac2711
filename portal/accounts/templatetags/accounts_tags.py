from django import template

from portal.accounts.fcplus.session import login_level

register = template.Library()


@register.simple_tag(takes_context=True)
def fcplus_login_level(context) -> str | None:
    """The eIDAS level of the current FranceConnect+ login ("eidas2", "eidas3"), or None."""
    request = context.get("request")
    return login_level(request) if request is not None else None
