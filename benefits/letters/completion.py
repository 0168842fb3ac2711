"""Letters whose context is completed when they are rendered, not when they are requested.

A feature that asks for many letters at once (a campaign chunk: a thousand households in a second)
freezes only what it decided and from what, marked `"complete_with": <name>`; the costly part of the
context (an explained computation, the letter's lines) is built on the letters queue, just before the
first rendering, by the completer registered under that name, from the frozen context alone. The
completed context replaces the frozen one on the row, once (in the rendering's locked transaction):
from then on the letter is frozen like any other, and a redelivered render finds it complete.
"""

from django.utils.module_loading import import_string

# name → dotted path of `complete(context: dict) -> dict` (imported when first needed: the letters
# feature does not import the features that ask for letters).
COMPLETERS = {"campaign": "benefits.campaigns.letter_complete.complete"}


def is_complete(context: dict) -> bool:
    return "complete_with" not in context


def completed_context(context: dict) -> dict:
    """The letter's full context: `context` itself when it is already complete."""
    if is_complete(context):
        return context
    return import_string(COMPLETERS[context["complete_with"]])(context)


def letter_complete(letter) -> bool:
    """Completes the letter's context on the row (call under the row's lock); True when it changed."""
    if is_complete(letter.context):
        return False
    letter.context = completed_context(letter.context)
    letter.save(update_fields=["context"])
    return True
