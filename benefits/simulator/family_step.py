"""The "Votre famille" step: the questions of the PAJE, the CMG and the AEEH, asked only when they apply.

Which questions a household sees is decided on the server from the answers already given (ages of
the adults and the children, couple or not), so it works the same with or without JavaScript:
- "Attendez-vous un enfant ?" with the expected date of birth: when an adult is under 55;
- the childcare (assistante maternelle or home care, cost and hours, monenfant.fr): a child under 6,
  or under 12 for a single parent (CMG since 2025-09);
- for each child under 20: a disability recognised by the CDAPH and, optionally, the AEEH complement's
  category.
A household with none of these (a person of 70 living alone) skips the page. The MVA and the ASPA
need no new question: the core computes them from the answers of the other pages.
"""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from benefits.rules.ages import age_years
from benefits.rules.months import first_day, month_index
from benefits.simulator.forms import YES_NO, euros

PREGNANCY_AGE_LIMIT = 55  # above it the question is not asked
CMG_AGE = 6
CMG_AGE_SINGLE_PARENT = 12  # CSS L531-5 since the reform of 2025-09
AEEH_AGE = 20
MAX_DUE_MONTHS = 9
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]
CHILD_DISABILITY = [
    ("none", _("Non")),
    ("50", _("Oui, taux de 50 à 79 %, avec un établissement ou des soins spécialisés")),
    ("80", _("Oui, taux d’au moins 80 %")),
]
AEEH_CATEGORIES = [("", _("Pas de complément, ou je ne sais pas"))] + [
    (str(n), _("Catégorie %(n)s") % {"n": n}) for n in range(1, 7)
]
CHILDCARE_MODES = [
    ("none", _("Non")),
    ("assistante_maternelle", _("Oui, une assistante maternelle agréée")),
    ("home_care", _("Oui, une garde à domicile")),
]


def _age(birth: str, month: str) -> int | None:
    try:
        return age_years(date.fromisoformat(birth), first_day(month_index(month)))
    except (TypeError, ValueError):
        return None


def asks_pregnancy(answers: dict, month: str) -> bool:
    adults = [answers.get("applicant"), answers.get("partner") if answers.get("couple") else None]
    ages = [_age(a.get("birth_date", ""), month) for a in adults if a]
    return any(age is not None and age < PREGNANCY_AGE_LIMIT for age in ages)


def aeeh_children(answers: dict, month: str) -> list[int]:
    """Numbers (from 1) of the children of an age to open the AEEH."""
    out = []
    for number, child in enumerate(answers.get("children", []), start=1):
        age = _age(child.get("birth_date", ""), month)
        if age is not None and 0 <= age < AEEH_AGE:
            out.append(number)
    return out


def asks_childcare(answers: dict, month: str) -> bool:
    limit = CMG_AGE if answers.get("couple") else CMG_AGE_SINGLE_PARENT
    ages = [_age(c.get("birth_date", ""), month) for c in answers.get("children", [])]
    return any(age is not None and 0 <= age < limit for age in ages)


def applies(answers: dict, month: str) -> bool:
    return (
        asks_pregnancy(answers, month)
        or bool(aeeh_children(answers, month))
        or asks_childcare(answers, month)
    )


class PregnancyForm(forms.Form):
    expecting = forms.ChoiceField(
        label=_("Attendez-vous un enfant ?"),
        help_text=_(
            "Vous, ou votre conjoint ou conjointe. Pour la prime à la naissance et l’allocation de base de la PAJE."
        ),
        choices=YES_NO,
        initial="non",
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez si vous attendez un enfant.")},
    )
    due_date = forms.DateField(
        label=_("Si oui : date prévue de naissance"),
        help_text=_("Format JJ/MM/AAAA, celle du certificat de grossesse."),
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={
            "invalid": _("Indiquez une date réelle au format JJ/MM/AAAA, par exemple 15/09/2027.")
        },
    )

    def __init__(self, *args, month: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.month = month_index(month)

    def clean(self):
        data = super().clean()
        due = data.get("due_date")
        if data.get("expecting") != "oui":
            data["due_date"] = None
        elif due is None and "due_date" not in self.errors:
            self.add_error("due_date", _("Indiquez la date prévue de naissance."))
        elif due is not None:
            ahead = due.year * 12 + due.month - 1 - self.month
            if ahead <= 0:
                self.add_error(
                    "due_date",
                    _("La date prévue doit être après le mois estimé ; un enfant né se déclare à l’étape 2."),
                )
            elif ahead > MAX_DUE_MONTHS:
                self.add_error("due_date", _("La date prévue doit être dans les neuf mois qui viennent."))
        return data


class ChildDisabilityForm(forms.Form):
    disability = forms.ChoiceField(
        label=_("Un handicap est-il reconnu par la CDAPH (MDPH) ?"),
        choices=CHILD_DISABILITY,
        initial="none",
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez si un handicap est reconnu.")},
    )
    category = forms.ChoiceField(
        label=_("Si la CDAPH a accordé un complément d’AEEH : sa catégorie"),
        help_text=_("Elle figure sur la notification de la CDAPH (catégories 1 à 6)."),
        choices=AEEH_CATEGORIES,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("disability") == "none":
            data["category"] = ""
        return data


class ChildcareForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Faites-vous garder un enfant par une personne que vous employez ?"),
        help_text=_("Pour trouver une assistante maternelle ou une crèche près de chez vous : monenfant.fr."),
        choices=CHILDCARE_MODES,
        initial="none",
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez si vous faites garder un enfant.")},
    )
    cost = euros(_("Si oui : salaire net versé par mois pour la garde"))
    hours = forms.DecimalField(
        label=_("Si oui : nombre d’heures de garde par mois"),
        required=False,
        min_value=0,
        max_value=744,
        decimal_places=1,
        error_messages={
            "invalid": _("Indiquez un nombre d’heures, par exemple 120."),
            "min_value": _("Le nombre d’heures ne peut pas être négatif."),
            "max_value": _("Un mois compte au plus 744 heures."),
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("mode") in (None, "none"):
            data["cost"] = data["hours"] = None
            return data
        if data.get("cost") is None and "cost" not in self.errors:
            self.add_error("cost", _("Indiquez ce que vous versez par mois (0 si rien)."))
        if data.get("hours") is None and "hours" not in self.errors:
            self.add_error("hours", _("Indiquez le nombre d’heures de garde par mois."))
        return data


def summary_rows(answers: dict) -> list[dict]:
    """Rows of the check-your-answers page for this step (nothing when it was skipped)."""
    from django.urls import reverse

    from benefits.simulator.formatting import day
    from benefits.simulator.formatting import euros as euros_text

    family = answers.get("family") or {}
    edit = reverse("simulator:family") + "?retour=verifier"
    rows = []
    if family.get("due_date"):
        rows.append({"label": _("Naissance attendue le"), "value": day(family["due_date"]), "edit": edit})
    for number, child in sorted((family.get("children") or {}).items()):
        if child.get("disability", "none") != "none":
            value = str(dict(CHILD_DISABILITY)[child["disability"]])
            if child.get("category"):
                value += " — " + str(_("complément de catégorie %(n)s") % {"n": child["category"]})
            rows.append(
                {"label": _("Enfant %(n)s : handicap reconnu") % {"n": number}, "value": value, "edit": edit}
            )
    care = family.get("childcare") or {}
    if care.get("mode") not in (None, "none"):
        rows.append(
            {
                "label": _("Garde d’enfant"),
                "value": f"{dict(CHILDCARE_MODES)[care['mode']]} — {euros_text(care.get('cost') or 0)}, "
                f"{care.get('hours') or 0} h",
                "edit": edit,
            }
        )
    return rows
