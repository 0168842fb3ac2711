"""What a page says after a draft save that could not keep everything posted (conflicts, bad characters)."""

import re

from django.utils.translation import gettext as _

from benefits.claims import declaration
from benefits.claims.presenters import amount_text, person_name
from benefits.simulator.formatting import month_name

FIELD = re.compile(r"(?P<person>[a-z0-9]+)-(?P<month>[0-9]{4}-[0-9]{2})-(?P<rest>.+)")
CHOICE_TEXT = {"confirm": "C’est exact", "correct": "Je corrige ce montant", "": "—"}


def field_label(draft, name: str) -> str:
    """ "a-2026-09-0-typed" → "Montant corrigé (Camille Martin, septembre 2026)"."""
    match = FIELD.fullmatch(name)
    if not match:
        return name
    member = next((m for m in draft.file.members if m["id"] == match["person"]), {"given_names": name})
    where = f"{person_name(member)}, {month_name(match['month'])}"
    rest = match["rest"]
    if rest.endswith("-typed"):
        what = _("Montant corrigé")
    elif rest.endswith("-choice"):
        what = _("Confirmation du montant de l’employeur")
    else:
        what = str(declaration.OTHER_INCOMES.get(rest, rest))
    return f"{what} ({where})"


def value_text(name: str, value: str) -> str:
    if name.endswith("-choice"):
        return _(CHOICE_TEXT.get(value, value))
    return amount_text(value) if value else _("vide")


def save_messages(draft) -> list[str]:
    """One French sentence per posted value that was not saved, naming the field."""
    lines = [
        _(
            "« %(field)s » a été modifié entre-temps dans un autre onglet : la valeur enregistrée est "
            "« %(saved)s » ; votre saisie « %(posted)s » n’a pas été enregistrée. Vérifiez ce champ."
        )
        % {
            "field": field_label(draft, conflict.field),
            "saved": value_text(conflict.field, conflict.saved),
            "posted": value_text(conflict.field, conflict.posted),
        }
        for conflict in getattr(draft, "conflicts", [])
    ]
    lines += [
        _("« %(field)s » contient un caractère interdit : cette saisie n’a pas été enregistrée.")
        % {"field": field_label(draft, name)}
        for name in getattr(draft, "refused", [])
    ]
    return lines


def amount_messages(draft, problems: dict) -> list[str]:
    """After an autosave, the typed amounts that are not amounts, each named: the page's status region
    says it at once, naming the field (the field's own error region is swapped at once too)."""
    return [
        _("« %(field)s » : %(message)s Votre saisie est gardée dans le brouillon.")
        % {"field": field_label(draft, name), "message": message}
        for name, message in problems.items()
    ]
