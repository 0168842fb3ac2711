"""One check of an allocataire file's data, for every writer: the /gestion/ form (through the model's
clean()) and the demo loaders (benefits/claims/demo.py, benefits/campaigns/demo_load.py).

A stored file is read at once by the NIR index (benefits/campaigns/nir_index.py), the desk and the
person's own space, which read `members` as a list of people each with an id and a role, a NIR of 13
characters or of 15 with its right key, `housing` as an object and `rights` as a list of
{benefit, amount}: anything else is refused with its reason (a NIR or an id too long for the index's
columns is a server error on PostgreSQL). Then the file is given to the calculation core the one way
the campaigns give it (households.household_of) and the core's refusals are the file's, in the
field they come from: a campaign cannot compute what the core refuses. Last, what the core cannot see:
the birth dates against today (file_dates.py), and the file's holder being its applicant (file_holder.py).

One refusal is not kept: an overseas commune (OVERSEAS_FR). The core does not cover the overseas
departments yet; that is a limit of the simulator, not bad data, and an overseas allocataire's file
must be storable (a campaign marks it "Dossier incomplet" with the core's reason).
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from benefits.campaigns.feed import NIR_RE, nir_key_is_valid
from benefits.campaigns.households import household_of
from benefits.claims.file_dates import dates_problems
from benefits.claims.file_holder import holder_problems
from benefits.rules import HouseholdInputError, parse_household
from benefits.rules.input_values import OVERSEAS_FR, OVERSEAS_PREFIX
from benefits.rules.parsing import FIRST_SUPPORTED

ROLES = ("applicant", "partner", "child")
MEMBER_ID_LENGTH = 8  # PersonNir.member
# The year the taxable income "taxable_n2" is given for: any year checks its amount the same way.
YEAR_N2 = str(FIRST_SUPPORTED // 12 - 2)
PERSON_PATH = re.compile(r"^persons\[(\d+)\](?:\.([^.\[]+))?")
# The file's name of what the core reads from a member under another name (households.household_of).
FILE_KEYS = {"yearly_taxable_income": "taxable_n2"}


def member_problem(member) -> str | None:
    if not isinstance(member, dict):
        return _("chaque personne doit être un objet JSON ({…})")
    member_id, role, nir = member.get("id"), member.get("role"), member.get("nir")
    if not isinstance(member_id, str) or not 0 < len(member_id) <= MEMBER_ID_LENGTH:
        return _("l’identifiant « id » doit être un texte de 1 à 8 caractères")
    if role not in ROLES:
        return _("le rôle « role » doit être applicant, partner ou child")
    if nir in (None, ""):
        return None
    if not isinstance(nir, str) or not NIR_RE.match(nir):
        return _("le NIR doit avoir 13 caractères, ou 15 avec sa clé (2A ou 2B pour la Corse)")
    if not nir_key_is_valid(nir):
        return _("la clé du NIR est incorrecte")
    return None


def members_problem(members) -> str | None:
    if not isinstance(members, list):
        return _("Les membres doivent être une liste JSON ([…]) de personnes.")
    for position, member in enumerate(members, start=1):
        if (problem := member_problem(member)) is not None:
            return _("Personne n° %(position)d : %(problem)s.") % {"position": position, "problem": problem}
    ids = [member["id"] for member in members]
    if len(set(ids)) != len(ids):
        return _("Deux personnes ont le même identifiant « id ».")
    nirs = [member["nir"] for member in members if member.get("nir")]
    if len(set(nirs)) != len(nirs):
        return _("Deux personnes ont le même NIR.")
    return None


def right_is_valid(right) -> bool:
    """{benefit, amount} as the campaigns read it (households.current_rights): a name and euros."""
    if not isinstance(right, dict) or not isinstance(right.get("benefit"), str) or not right["benefit"]:
        return False
    amount = right.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (str, int, float)):
        return False
    try:
        return Decimal(str(amount)).is_finite()
    except InvalidOperation:
        return False


def is_overseas(error, housing) -> bool:
    """The core's refusal of an overseas commune, and only that one (see the module's docstring)."""
    commune = housing.get("commune_insee")
    return (
        error.path == "housing.commune_insee"
        and isinstance(commune, str)
        and commune.startswith(OVERSEAS_PREFIX)
        and OVERSEAS_FR in error.message_fr
    )


def core_problems(members: list, housing: dict) -> dict[str, list[str]]:
    """The core's refusals of the file's household, by the file's field (members or housing)."""
    # A member without a birth date is given to the core without one: the core says it is missing.
    row = {"pk": 0, "members": [{"birth_date": None, **member} for member in members], "housing": housing}
    # No month: a file is checked whatever the month it is computed for (a month's own checks, a birth
    # after it, belong to that month's campaign), and without the feed's incomes (not the file's data).
    try:
        parse_household(household_of(row, None, {}, YEAR_N2))
    except HouseholdInputError as refused:
        errors = [error for error in refused.errors if not is_overseas(error, housing)]
    else:
        return {}
    english = (get_language() or "").startswith("en")
    problems: dict[str, list[str]] = {}
    for error in errors:
        message = error.message_en if english else error.message_fr
        if error.path.startswith("housing"):
            key = error.path.partition(".")[2]
            if key:
                message = _("« %(key)s » : %(problem)s") % {"key": key, "problem": message}
            problems.setdefault("housing", []).append(message)
            continue
        person = PERSON_PATH.match(error.path)
        if person:
            position, key = int(person[1]) + 1, person[2]
            if key:
                message = _("Personne n° %(position)d, « %(key)s » : %(problem)s") % {
                    "position": position,
                    "key": FILE_KEYS.get(key, key),
                    "problem": message,
                }
            else:
                message = _("Personne n° %(position)d : %(problem)s") % {
                    "position": position,
                    "problem": message,
                }
        problems.setdefault("members", []).append(message)
    return problems


def file_problems(*, members, housing, rights, holder: dict | None = None) -> dict[str, list[str]]:
    """{field: [French messages]} of what is wrong in a file's members, housing and rights ({} if nothing);
    with `holder`, the file's own identity {family_name, given_names, birth_date}, that it is the
    applicant's."""
    problems: dict[str, list[str]] = {}
    unreadable = members_problem(members)
    if unreadable is not None:
        problems["members"] = [unreadable]
    if not isinstance(housing, dict):
        problems["housing"] = [_("Le logement doit être un objet JSON ({…}).")]
    if not isinstance(rights, list) or not all(map(right_is_valid, rights)):
        problems["rights"] = [
            _(
                "Les droits doivent être une liste JSON ([…]) d’objets {benefit, amount} (un montant en euros)."
            )
        ]
    if not problems.keys() & {"members", "housing"}:
        problems.update(core_problems(members, housing))
    if unreadable is not None:
        return problems  # the members cannot be read as people
    if dates := dates_problems(members, timezone.localdate()):
        problems.setdefault("members", []).extend(dates)
    if holder is not None:
        for field, messages in holder_problems(holder, members).items():
            problems.setdefault(field, []).extend(messages)
    return problems


def file_check(*, members, housing, rights, holder: dict | None = None, number: str = "") -> None:
    """Raises ValidationError({field: messages}) when file_problems finds anything; with the file's
    `number` (a loader, which stores many files), each message says which file."""
    problems = file_problems(members=members, housing=housing, rights=rights, holder=holder)
    if problems and number:
        problems = {
            field: [
                _("Dossier %(number)s : %(problem)s") % {"number": number, "problem": message}
                for message in messages
            ]
            for field, messages in problems.items()
        }
    if problems:
        raise ValidationError(problems)
