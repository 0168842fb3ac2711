"""The data a form is bound with: what was posted, or nothing on a GET."""


def posted(request):
    """`request.POST or None` left a form sent empty unbound (an empty QueryDict is false): the page
    came back as if it had never been sent, without a word on what was missing. Bound on every POST,
    an empty one is refused with each field's own message."""
    return request.POST if request.method == "POST" else None
