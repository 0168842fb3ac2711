"""`{% rendered_once name var… %}…{% endrendered_once %}`: a block of the layout that is the same on every
page for a given language (the footer, the DSFR stylesheets and icons) is rendered once per process
and then served from memory.

Profiled on the result page (docs/capacity.md): these parts cost ~0.7 ms of DTL per page, mostly
`{% static %}` lookups and `{% url %}` reversals whose answers only change with a deploy (a new
process). A dictionary in the process, not the cache: a Redis round trip would cost as much as the
rendering. Only blocks without per-request content (no CSRF token, nonce, user, path) may use it.
"""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver

register = template.Library()
_rendered: dict[tuple, str] = {}


@receiver(setting_changed)
def _forget(**kwargs):
    """A test that overrides a setting (static storage, URLs…) must not see a block of before."""
    _rendered.clear()


class RenderedOnceNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        key = (self.name, *(variable.resolve(context) for variable in self.vary_on))
        html = _rendered.get(key)
        if html is None:
            html = _rendered[key] = self.nodelist.render(context)
        return html


@register.tag
def rendered_once(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("rendered_once needs a name, then the variables it varies on.")
    nodelist = parser.parse(("endrendered_once",))
    parser.delete_first_token()
    return RenderedOnceNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
