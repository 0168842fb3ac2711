"""The exceptional aid's letter (LetterKind.EXCEPTIONAL_AID), declared like any other kind of
benefits/letters: this frozen context, its presenter (benefits/letters/presenters.py) and its body
template (templates/benefits/letters/body/exceptional_aid.html), French first, English in locale/.
"""

from django.utils import timezone

from benefits.letters.contexts import addressee, benefit_lines, money_text
from benefits.rules.aide_exceptionnelle import BASIS

NAME = "aide_exceptionnelle"


def exceptional_aid_context(
    *, file, month: str, amount, payment_day, explanation: dict, versions: dict
) -> dict:
    """`explanation`: {"aide_exceptionnelle": the module's result as_dict(explain=True)};
    `payment_day`: the date the payment order is due on."""
    return {
        "kind": "exceptional_aid",
        "issued_on": timezone.localdate().isoformat(),
        "addressee": addressee(file),
        "month": month,
        "amount": money_text(amount),
        "payment_day": payment_day.isoformat(),
        "legal_basis": {"fr": BASIS[0].lower() + BASIS[1:], "en": "decree no. 2020-519 of 5 May 2020"},
        "benefits": benefit_lines({"explanation": explanation}, names=(NAME,)),
        **versions,
    }
