"""A NIR (numéro de sécurité sociale) as an agent types it: 13 characters and the 2-digit key, spaces
allowed, 2A or 2B for a person born in Corsica. The key is checked before any search (mod 97)."""

import re

# The income feed's own reading of a NIR (its 13 characters, the key optional) and of its key: one
# rule for the feed and the desk.
from benefits.campaigns.feed import NIR_RE, nir_key_is_valid

# What people put between the groups as they read them off a card: spaces, dots, dashes.
SEPARATORS = re.compile(r"[\s.\-]+")


class NirInvalid(ValueError):
    """Why what was typed is not a NIR: "length", "format" or "key"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def nir_parse(typed: str) -> str:
    """The 15 characters of the NIR typed ("2 85 03 75 120 101 66", "1 85 05 2A 123 456 78"), or
    NirInvalid saying what is wrong: the key missing, characters that cannot be a NIR, the wrong key."""
    nir = SEPARATORS.sub("", typed).upper()
    if not NIR_RE.match(nir):
        raise NirInvalid("format")
    if len(nir) == 13:
        raise NirInvalid("length")
    if not nir_key_is_valid(nir):
        raise NirInvalid("key")
    return nir
