"""A NIR (numéro de sécurité sociale) as an agent types it: 13 characters and the 2-digit key, spaces
allowed, 2A or 2B for a person born in Corsica. The key is checked before any search (mod 97)."""

import re

from benefits.campaigns.feed import nir_key_is_valid

# Sex (1 or 2; 3, 4, 7 and 8 for numbers given before a person's registration), year, month,
# department (2 digits, or 2A/2B), commune, order number, then the key.
NIR_RE = re.compile(r"[1-478]\d{4}(?:\d{2}|2[AB])\d{6}\d{2}")
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
    if len(nir) == 13 and NIR_RE.fullmatch(nir + "00"):
        raise NirInvalid("length")
    if not NIR_RE.fullmatch(nir):
        raise NirInvalid("format")
    if not nir_key_is_valid(nir):
        raise NirInvalid("key")
    return nir
