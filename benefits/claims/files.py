"""Finding the allocataire file of the person who logged in.

1. A file already linked to the user is theirs.
2. Otherwise a file carrying the person's FranceConnect+ `sub` (demo data, or an earlier link made from
   another account) is linked to the user.
3. Otherwise, at the first login, the pivot identity FC+ certified (birth name, every given name, birth
   date, commune of birth) is compared with the holder's identity on the unlinked files, as the CNAF
   reconciles an identity with its register: names compared without accents, case, hyphens or
   apostrophes. Only a single exact match links; no match or several matches link nothing and the
   person is told to contact the CAF (a wrong link would show someone else's incomes).
Every link is recorded in the journal with the way it was made.
"""

import re
import unicodedata

from allauth.socialaccount.models import SocialAccount
from django.db import IntegrityError, transaction

from benefits.claims.models import AllocataireFile
from portal.accounts.fcplus.config import PROVIDER_ID
from portal.channels import AGENT
from portal.journal import journal_record

LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def normalized_name(name: str) -> str:
    """ "Dupont-Durand" and "DUPONT DURAND" compare equal; "Éloïse" and "ELOISE" too; "Cœur" and "COEUR" too."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Ligatures do not decompose (NFKD leaves œ and æ as they are), and a keyboard rarely types them.
    letters = letters.translate(LIGATURES)
    for separator in "-'’":
        letters = letters.replace(separator, " ")
    return " ".join(letters.upper().split())


NUMBER_DIGITS = 7
# What a person reads out or types between the digits: "000 00 03", "0000-003", "0000.003".
NUMBER_SEPARATORS = re.compile(r"[\s.\-/_]+")


def normalized_number(typed: str) -> str | None:
    """The stored form of a numéro allocataire typed at the counter, or None if it cannot be one.

    Numbers are stored with their 7 digits ("0000003"); a person says "3" or "000 00 03". Padding here
    keeps the search an exact match on the unique index of AllocataireFile.number (no LIKE scan).
    """
    digits = NUMBER_SEPARATORS.sub("", typed)
    if not digits.isascii() or not digits.isdigit() or len(digits) > NUMBER_DIGITS:
        return None
    return digits.zfill(NUMBER_DIGITS)


def pivot_matches(file: AllocataireFile, user) -> bool:
    return (
        normalized_name(file.family_name) == normalized_name(user.last_name)
        and normalized_name(file.given_names) == normalized_name(user.first_name)
        and file.birth_date == user.birth_date
        and file.birthplace == (user.birthplace or "")
    )


def allocataire_file_for_user(*, user, channel: str) -> AllocataireFile | None:
    """The file of a logged-in person, linking it on first sight (see the module's docstring)."""
    linked = AllocataireFile.objects.filter(user=user).first()
    if linked is not None or not user.is_authenticated:
        return linked
    subs = list(SocialAccount.objects.filter(user=user, provider=PROVIDER_ID).values_list("uid", flat=True))
    found = AllocataireFile.objects.filter(fcplus_sub__in=subs, user__isnull=True).first() if subs else None
    how = "sub"
    if found is None and user.birth_date and user.last_name:
        candidates = AllocataireFile.objects.filter(
            user__isnull=True, fcplus_sub__isnull=True, birth_date=user.birth_date
        )
        matches = [file for file in candidates if pivot_matches(file, user)]
        found = matches[0] if len(matches) == 1 else None
        how = "pivot"
    if found is None:
        return None
    return link(file=found, user=user, sub=subs[0] if subs else None, how=how, channel=channel)


def link(*, file: AllocataireFile, user, sub: str | None, how: str, channel: str) -> AllocataireFile | None:
    try:
        with transaction.atomic():
            updated = AllocataireFile.objects.filter(pk=file.pk, user__isnull=True).update(
                user=user, fcplus_sub=file.fcplus_sub or sub
            )
            if updated:
                journal_record(
                    action="file_linked",
                    target=f"file:{file.pk}",
                    by=user,
                    channel=channel,
                    details={"how": how},
                )
    except IntegrityError:
        # The same person's first page in two tabs: the other request made the link.
        pass
    return AllocataireFile.objects.filter(user=user).first()


def file_in_scope(request) -> AllocataireFile | None:
    """The file this request works on: the person's own, or for an agent the file of the mandate in
    force (set by benefits.desk's middleware). A mandate on one file never opens another."""
    if request.channel == AGENT:
        mandate = getattr(request, "mandate", None)
        return mandate.file if mandate is not None else None
    return allocataire_file_for_user(user=request.user, channel=request.channel)
