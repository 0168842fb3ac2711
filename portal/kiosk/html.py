"""What a kiosk changes in every HTML page it is sent, whichever template made it.

Done on the response so that a form or a link added later by any feature is covered too:
- forms get autocomplete="off": the browser keeps nothing one visitor typed for the next;
- links to other sites go through the exit page, which says that they leave the kiosk.
"""

import re
from urllib.parse import quote

from django.urls import reverse

FORM_TAG = re.compile(rb"<form\b(?![^>]*\bautocomplete=)", re.IGNORECASE)
EXTERNAL_HREF = re.compile(rb'(<a\b[^>]*?\shref=")(https?://[^"]+)(")', re.IGNORECASE)


def kiosk_html(content: bytes, *, own_origin: str) -> bytes:
    exit_url = reverse("kiosk:exit").encode()
    origin = own_origin.encode()

    def to_exit_page(match):
        href = match.group(2)
        if href.startswith(origin):
            return match.group(0)
        # The href is HTML-escaped in the page: unescape &amp; before quoting it as a parameter.
        target = quote(href.replace(b"&amp;", b"&"), safe=b"")
        return match.group(1) + exit_url + b"?vers=" + target.encode() + match.group(3)

    content = FORM_TAG.sub(b'<form autocomplete="off"', content)
    return EXTERNAL_HREF.sub(to_exit_page, content)
