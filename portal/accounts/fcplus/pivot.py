"""The pivot identity FC+ sends in userinfo, checked against FC's published formats.

Formats (docs.partenaires.franceconnect.gouv.fr, "Comment utiliser les scopes OpenID Connect"):
given_name holds the given names separated by spaces; family_name is the birth name; birthdate is
YYYY-MM-DD, a presumed part being written 01; birthplace is the 5-character INSEE code of the
commune (2A/2B in Corsica), an empty string for a person born abroad; birthcountry is the 5-digit
INSEE code of the country, 99100 for France. FC+ forwards what the identity provider says,
without RNIPP correction, so the portal checks it.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from portal.accounts.fcplus.errors import FCPlusError

FRANCE = "99100"
BIRTHPLACE_PATTERN = re.compile(r"(?:\d{5}|2[AB]\d{3})")
BIRTHCOUNTRY_PATTERN = re.compile(r"99\d{3}")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_NAME_CHARS = 255
# Scopes that carry each claim the portal keeps (the aliases included).
CLAIM_SCOPES = {
    "given_name": {"given_name", "profile", "identite_pivot"},
    "family_name": {"family_name", "profile", "identite_pivot"},
    "birthdate": {"birthdate", "profile", "identite_pivot"},
    "birthplace": {"birthplace", "birth", "identite_pivot"},
    "birthcountry": {"birthcountry", "birth", "identite_pivot"},
    "email": {"email"},
}


@dataclass(frozen=True)
class PivotIdentity:
    given_names: str = ""
    family_name: str = ""
    birth_date: datetime.date | None = None
    birthplace: str = ""
    birth_country: str = ""
    email: str = ""


def pivot_identity(claims: dict, *, scopes: tuple[str, ...]) -> PivotIdentity:
    """Every claim the portal asked for must be there and well formed."""
    requested = {claim for claim, carriers in CLAIM_SCOPES.items() if carriers & set(scopes)}
    values = {}
    for claim in requested:
        if claim not in claims:
            raise FCPlusError("userinfo_pivot_invalid", detail=f"{claim}_missing")
        values[claim] = claims[claim]
    fields = {}
    for claim, field, parse in (
        ("given_name", "given_names", parse_name),
        ("family_name", "family_name", parse_name),
        ("birthdate", "birth_date", parse_birthdate),
        ("birthplace", "birthplace", parse_birthplace),
        ("birthcountry", "birth_country", parse_birthcountry),
        ("email", "email", parse_email),
    ):
        if claim in values:
            try:
                fields[field] = parse(values[claim])
            except (ValueError, TypeError, ValidationError):
                raise FCPlusError("userinfo_pivot_invalid", detail=claim) from None
    # Born in France: a commune code; born abroad: FC+ sends an empty birthplace.
    both = "birthplace" in fields and "birth_country" in fields
    if both and (fields["birth_country"] == FRANCE) != bool(fields["birthplace"]):
        raise FCPlusError("userinfo_pivot_invalid", detail="birthplace_country")
    return PivotIdentity(**fields)


def parse_name(value) -> str:
    if not isinstance(value, str):
        raise TypeError
    name = " ".join(value.split())
    if not name or len(name) > MAX_NAME_CHARS:
        raise ValueError
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise ValueError
    return name


def parse_birthdate(value) -> datetime.date:
    if not isinstance(value, str) or not DATE_PATTERN.fullmatch(value):
        raise ValueError
    date = datetime.date.fromisoformat(value)
    if date > datetime.date.today() or date.year < 1850:
        raise ValueError
    return date


def parse_birthplace(value) -> str:
    if not isinstance(value, str) or (value and not BIRTHPLACE_PATTERN.fullmatch(value)):
        raise ValueError
    return value


def parse_birthcountry(value) -> str:
    if not isinstance(value, str) or not BIRTHCOUNTRY_PATTERN.fullmatch(value):
        raise ValueError
    return value


def parse_email(value) -> str:
    if not isinstance(value, str) or len(value) > 254:
        raise ValueError
    validate_email(value)
    return value
