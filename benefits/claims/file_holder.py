"""The file's holder is its applicant: one person, read in two places.

The file's own identity (family_name, given_names, birth_date: the holder's pivot identity) is what the
first login compares with FranceConnect+'s (files.py) and what the desk's search by name and birth date
reads; the member whose role is "applicant" is the person the core computes for and whom the letters
address (letters/contexts.py). Both must be the same person, or a person would log in to a file whose
letters and rights are someone else's. Names are compared as the first login compares them
(files.normalized_name: no accents, case, hyphens or apostrophes).
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from benefits.claims.file_dates import birth_date_of, iso_date
from benefits.claims.files import normalized_name

HOLDER_FIELDS = ("family_name", "given_names", "birth_date")


def holder_identity(file) -> dict:
    """The holder's identity of an AllocataireFile (saved or not), as file_checks.file_problems reads it."""
    return {field: getattr(file, field) for field in HOLDER_FIELDS}


def holder_date(value) -> date | None:
    """The file's birth date as the model holds it: a date, or its ISO text before the form's cleaning."""
    return value if isinstance(value, date) else iso_date(value)


def holder_problems(holder: dict, members: list) -> dict[str, list[str]]:
    """{field: [messages]} where the holder's identity is not the applicant's; nothing to say when there is
    not exactly one applicant (the core says so)."""
    applicants = [(n, m) for n, m in enumerate(members, start=1) if m["role"] == "applicant"]
    if len(applicants) != 1:
        return {}
    position, applicant = applicants[0]
    problems: dict[str, list[str]] = {}
    for field in ("family_name", "given_names"):  # the same keys in the file and in a member
        own, theirs = holder.get(field) or "", applicant.get(field)
        if not isinstance(theirs, str) or not theirs.strip():
            problems.setdefault("members", []).append(
                _(
                    "Personne n° %(position)d, « %(key)s » : obligatoire pour le demandeur, le titulaire du dossier."
                )
                % {"position": position, "key": field}
            )
        elif own and normalized_name(own) != normalized_name(theirs):
            message = {
                "family_name": _(
                    "Le nom de naissance du titulaire doit être celui du demandeur (personne n° %(position)d) : « %(value)s »."
                ),
                "given_names": _(
                    "Les prénoms du titulaire doivent être ceux du demandeur (personne n° %(position)d) : « %(value)s »."
                ),
            }[field]
            problems.setdefault(field, []).append(message % {"position": position, "value": theirs})
    own_birth, born = holder_date(holder.get("birth_date")), birth_date_of(applicant)
    if own_birth is not None and born is not None and own_birth != born:
        problems.setdefault("birth_date", []).append(
            _(
                "La date de naissance du titulaire doit être celle du demandeur (personne n° %(position)d) : %(date)s."
            )
            % {"position": position, "date": date_format(born, "SHORT_DATE_FORMAT")}
        )
    return problems
