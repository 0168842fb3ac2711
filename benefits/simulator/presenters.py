"""What the questionnaire pages show: answers summarised for checking, checks across forms."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from benefits.simulator import family_step
from benefits.simulator import forms as simulator_forms
from benefits.simulator.communes import commune_retained
from benefits.simulator.formatting import day, euros, month_name
from benefits.simulator.household_builder import taxable_year


def month_typed(month: str | None) -> str:
    """ "2026-03" → "03/2026", as the person types it."""
    return f"{month[5:7]}/{month[:4]}" if month else ""


def person_answers(form) -> dict:
    data = form.cleaned_data
    return {
        "birth_date": data["birth_date"].isoformat(),
        "activity": data["activity"],
        "disability": data["disability"],
        "rsdae": bool(data.get("rsdae")),
        "nationality": data["nationality"],
        "permit_years": data.get("permit_years") or 0,
        "unemployed_since": data["unemployed_since"].isoformat() if data.get("unemployed_since") else "",
    }


def check_ages(applicant, partner, children) -> bool:
    """Refuses impossible households with a reason next to the field: a child older than a parent."""
    adults = [f.cleaned_data["birth_date"] for f in (applicant, partner) if f is not None]
    ok = True
    for child in children:
        if child.cleaned_data["birth_date"] <= min(adults):
            child.add_error(
                "birth_date", _("Un enfant ne peut pas être plus âgé que ses parents : vérifiez les dates.")
            )
            ok = False
    return ok


def income_initial(saved: dict | None, months: list[str]) -> dict:
    saved = saved or {}
    initial = {key: value for key, value in saved.items() if key != "salary_by_month" and value != ""}
    for month, value in (saved.get("salary_by_month") or {}).items():
        if value != "" and month in months:
            initial[f"salary_{month}"] = value
    return initial


def is_complete(answers: dict) -> bool:
    return all(key in answers for key in ("couple", "applicant", "housing", "incomes"))


def first_missing_step(answers: dict) -> str:
    for key, step in (
        ("couple", "simulator:household"),
        ("applicant", "simulator:persons"),
        ("housing", "simulator:housing"),
        ("incomes", "simulator:incomes"),
    ):
        if key not in answers:
            return step
    return "simulator:check"


def _choice(choices, value) -> str:
    return str(dict(choices).get(value, value))


def _euros(value) -> str:
    return euros(value) if value not in ("", None) else _("aucun")


def conditions_rows(person: dict, title: str, edit: str) -> list[dict]:
    """The answers the AAH (restriction d’accès à l’emploi) and the RSA (nationality, years of residence
    permit) read: asked on the persons' page, they were missing here, so a wrong click went unseen."""
    rows = []
    if person.get("disability") == "50":
        rows.append(
            {
                "label": _("%(who)s : restriction d’accès à l’emploi reconnue") % {"who": title},
                "value": _("Oui") if person.get("rsdae") else _("Non"),
                "edit": edit,
            }
        )
    rows.append(
        {
            "label": _("%(who)s : nationalité") % {"who": title},
            "value": _choice(simulator_forms.NATIONALITY, person.get("nationality", "fr")),
            "edit": edit,
        }
    )
    if person.get("nationality", "fr") != "fr":
        years = int(person.get("permit_years") or 0)
        rows.append(
            {
                "label": _("%(who)s : titre de séjour depuis") % {"who": title},
                "value": ngettext("%(n)s an", "%(n)s ans", years) % {"n": years},
                "edit": edit,
            }
        )
    return rows


def summary(answers: dict, month: str = "") -> list[dict]:
    """Sections of the check-your-answers page, each row with its "Modifier" link."""
    edit = {
        name: reverse(f"simulator:{name}") + "?retour=verifier"
        for name in ("household", "persons", "housing", "incomes")
    }
    rows = [
        {
            "label": _("En couple"),
            "value": _("Oui") if answers.get("couple") else _("Non"),
            "edit": edit["household"],
        },
        {
            "label": _("Enfants à charge"),
            "value": str(len(answers.get("children", []))),
            "edit": edit["household"],
        },
    ]
    for role, title in (("applicant", _("Vous")), ("partner", _("Votre conjoint ou conjointe"))):
        person = answers.get(role)
        if not person:
            continue
        rows.append(
            {
                "label": _("%(who)s : date de naissance") % {"who": title},
                "value": day(person["birth_date"]),
                "edit": edit["persons"],
            }
        )
        rows.append(
            {
                "label": _("%(who)s : situation") % {"who": title},
                "value": _choice(simulator_forms.ACTIVITIES, person["activity"]),
                "edit": edit["persons"],
            }
        )
        if person.get("unemployed_since"):
            rows.append(
                {
                    "label": _("%(who)s : au chômage depuis le") % {"who": title},
                    "value": day(person["unemployed_since"]),
                    "edit": edit["persons"],
                }
            )
        rows.append(
            {
                "label": _("%(who)s : handicap reconnu") % {"who": title},
                "value": _choice(simulator_forms.DISABILITY, person["disability"]),
                "edit": edit["persons"],
            }
        )
        rows += conditions_rows(person, title, edit["persons"])
    for number, child in enumerate(answers.get("children", []), start=1):
        rows.append(
            {
                "label": _("Enfant %(n)s : date de naissance") % {"n": number},
                "value": day(child.get("birth_date")),
                "edit": edit["persons"],
            }
        )
    if answers.get("single_parent_since"):
        rows.append(
            {
                "label": _("Seule ou seul avec vos enfants depuis"),
                "value": month_name(answers["single_parent_since"]),
                "edit": edit["persons"],
            }
        )
    if answers.get("other_parent_maintenance") in ("oui", "non"):
        rows.append(
            {
                "label": _("L’autre parent verse une pension alimentaire"),
                "value": _choice(simulator_forms.YES_NO, answers["other_parent_maintenance"]),
                "edit": edit["persons"],
            }
        )
    rows += family_step.summary_rows(answers)
    housing = answers.get("housing") or {}
    rows.append(
        {
            "label": _("Logement"),
            "value": _choice(simulator_forms.HOUSING, housing.get("status")),
            "edit": edit["housing"],
        }
    )
    if housing.get("rent"):
        rows.append(
            {
                "label": _("Mensualité d’emprunt")
                if housing.get("status") == "owner_with_loan"
                else _("Loyer hors charges"),
                "value": _euros(housing["rent"]),
                "edit": edit["housing"],
            }
        )
    if housing.get("commune") or housing.get("zone"):
        place = (
            commune_retained(housing["commune"], housing.get("commune_label", ""))
            if housing.get("commune")
            else _choice(simulator_forms.ZONES, housing.get("zone"))
        )
        rows.append(
            {"label": _("Commune"), "value": place or housing.get("commune"), "edit": edit["housing"]}
        )
    for role, title in (("applicant", _("Vous")), ("partner", _("Votre conjoint ou conjointe"))):
        income = (answers.get("incomes") or {}).get(role)
        if not income:
            continue
        rows.append(
            {
                "label": _("%(who)s : montant net social mensuel") % {"who": title},
                "value": _euros(income.get("salary")),
                "edit": edit["incomes"],
            }
        )
        for detail_month, value in sorted((income.get("salary_by_month") or {}).items()):
            if value not in ("", None):
                rows.append(
                    {
                        "label": _("%(who)s : montant net social en %(month)s")
                        % {"who": title, "month": month_name(detail_month)},
                        "value": _euros(value),
                        "edit": edit["incomes"],
                    }
                )
        for key, label in (
            ("unemployment", _("chômage")),
            ("pension", _("retraite")),
            ("invalidity", _("pension d’invalidité")),
            ("alimony", _("pension alimentaire")),
            ("self_employment", _("chiffre d’affaires")),
            (
                "taxable_n2",
                _("revenu net imposable de %(year)s") % {"year": taxable_year(month)}
                if month
                else _("revenu net imposable N-2"),
            ),
        ):
            if income.get(key):
                rows.append(
                    {
                        # Translated: the English row reads "You: unemployment", not French's spaced colon.
                        "label": _("%(who)s : %(what)s") % {"who": title, "what": label},
                        "value": _euros(income[key]),
                        "edit": edit["incomes"],
                    }
                )
    return rows
