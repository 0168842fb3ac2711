"""What the declaration pages show: French months and amounts, the source of each figure, the estimate."""

from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from benefits.claims import declaration
from benefits.simulator.formatting import euros, month_name
from portal.dates import long_date

PREFILL_MESSAGES = {
    "timeout": _("Le service qui transmet les salaires déclarés par les employeurs ne répond pas."),
    "server_error": _("Le service qui transmet les salaires déclarés par les employeurs est indisponible."),
    "no_data": _("Aucun salaire déclaré par un employeur n’a été trouvé pour cette personne."),
    "invalid_response": _("Les salaires transmis par le service sont illisibles."),
    "refused": _("Le service qui transmet les salaires a refusé la demande du portail."),
    "not_configured": _("Le préremplissage des salaires n’est pas disponible sur ce portail."),
}
# The typed salary's label: alone in a month without employer data, or beside the employers' lines.
SALARY_LABELS = {
    False: _("Salaire net de ce mois (montant net social, sur votre bulletin de paie), en euros"),
    True: _("Autre salaire de ce mois, non listé ci-dessus (montant net social), en euros"),
}
# Estimates shown for a declaration or a claim: the two benefits the quarterly declaration is for.
ESTIMATED_BENEFITS = ("rsa", "ppa")


def language() -> str:
    return "en" if get_language() == "en" else "fr"


def person_name(member: dict) -> str:
    return f"{member.get('given_names', '')} {member.get('family_name', '')}".strip()


def quarter_text(month: str) -> str:
    """The period a declaration covers: "août à octobre 2026" (or "décembre 2025 à février 2026")."""
    first, *_middle, last = declaration.quarter(month)
    if first[:4] == last[:4]:
        return _("%(first)s à %(last)s") % {
            "first": date_format(date(int(first[:4]), int(first[5:]), 1), "F"),
            "last": month_name(last),
        }
    return _("%(first)s à %(last)s") % {"first": month_name(first), "last": month_name(last)}


def session_seconds(request) -> int:
    """How long this session may stay idle: the cookie's age, but an agent's session ends after
    AGENT_IDLE_SECONDS and a kiosk's visit after KIOSK_IDLE_SECONDS (their middlewares), so the page
    must not promise them the 30 minutes of a person at home."""
    seconds = settings.SESSION_COOKIE_AGE
    if request.user.is_staff:
        seconds = min(seconds, settings.AGENT_IDLE_SECONDS)
    if getattr(request, "kiosk_office", None):
        seconds = min(seconds, settings.KIOSK_IDLE_SECONDS)
    return seconds


def session_expiry(request):
    """Sessions are extended at each request (SESSION_SAVE_EVERY_REQUEST): it ends that long after this page."""
    return timezone.localtime(timezone.now() + timezone.timedelta(seconds=session_seconds(request)))


def day_text(iso: str) -> str:
    """ "2026-09-05" → "5 septembre 2026", "2026-09-01" → "1er septembre 2026"; anything else as it came."""
    try:
        return long_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def amount_text(typed) -> str:
    value = declaration.to_amount(typed)
    return euros(value) if value is not None else str(typed or "")


def edit_people(draft, problems: dict) -> list[dict]:
    """One block per adult, one fieldset per month: the prefilled lines and the other incomes."""
    people = []
    data = draft.data
    for adult in draft.file.adults:
        person = adult["id"]
        rows = []
        for month in declaration.quarter(draft.month):
            lines = []
            for position, line in enumerate(data.get("figures", {}).get(person, {}).get(month, [])):
                name = f"{person}-{month}-{position}"
                error = problems.get(f"{name}-choice") or problems.get(f"{name}-typed")
                lines.append(
                    dict(
                        line,
                        name=name,
                        error=error,
                        error_field=f"{name}-choice" if problems.get(f"{name}-choice") else f"{name}-typed",
                        prefilled_text=amount_text(line["prefilled"]),
                        declared_text=day_text(line.get("declared_on", "")),
                    )
                )
            others = [
                {
                    "name": f"{person}-{month}-{kind}",
                    "label": label,
                    "value": declaration.other_typed(data, person, month, kind),
                    "error": problems.get(f"{person}-{month}-{kind}"),
                }
                for kind, label in declaration.OTHER_INCOMES.items()
            ]
            # The salary the person types is always in sight: it is the one to fill when no employer
            # reported anything (before, it did not exist and such a quarter was filed with 0 €).
            salary = others.pop(0)
            salary["label"] = SALARY_LABELS[bool(lines)]
            rows.append(
                {
                    "id": f"{person}-{month}",
                    "month": month,
                    "month_name": month_name(month),
                    "lines": lines,
                    "salary": salary,
                    "others": others,
                    "others_open": any(o["value"] or o["error"] for o in others),
                    "missing": month in data.get("missing", {}).get(person, []),
                }
            )
        status = data.get("prefill", {}).get(person, "ok")
        people.append(
            {
                "member": adult,
                "name": person_name(adult),
                "rows": rows,
                "prefill_message": PREFILL_MESSAGES.get(status),
            }
        )
    return people


def error_summary(people: list[dict]) -> list[tuple[str, str]]:
    """(field id, text) once per field in error, naming the person, the month and the payer, in page order."""
    summary = []
    for person in people:
        for row in person["rows"]:
            for line in row["lines"]:
                if line["error"]:
                    field = line["error_field"]
                    payer = format_lazy(_("salaire versé par {employer}"), employer=line["employer"])
                    summary.append(
                        (field, f"{person['name']}, {row['month_name']}, {payer} : {line['error']}")
                    )
            for other in [row["salary"], *row["others"]]:
                if other["error"]:
                    summary.append(
                        (
                            other["name"],
                            f"{person['name']}, {row['month_name']}, {other['label']} : {other['error']}",
                        )
                    )
    return summary


def figure_lines(figures: list[dict], file) -> list[dict]:
    """The declared figures (declaration.figure_rows) for the check page and the claim page."""
    names = {m["id"]: person_name(m) for m in file.adults}
    labels = dict(declaration.OTHER_INCOMES, salary=_("Salaire (montant net social)"))
    return [
        dict(
            row,
            person_name=names.get(row["person"], row["person"]),
            month_name=month_name(row["month"]),
            label=labels.get(row["type"], row["type"]),
            declared_text=euros(row["declared"]),
            prefilled_text=euros(row["prefilled"]) if row.get("prefilled") else "",
            anchor=figure_anchor(row, figures[:position]),
        )
        for position, row in enumerate(figures)
    ]


def figure_anchor(row: dict, before: list[dict]) -> str:
    """The id of the field a "Modifier" link lands on: the line's choice, or the typed amount.

    Employer lines are listed in the order of their positions, so the k-th one of a person's month is
    the draft's line k."""
    if row["source"] != "employer":
        return f"{row['person']}-{row['month']}-{row['type']}"
    position = sum(
        1
        for r in before
        if r["source"] == "employer" and (r["person"], r["month"]) == (row["person"], row["month"])
    )
    return f"{row['person']}-{row['month']}-{position}-choice"


def estimate_lines(estimate: dict) -> list[dict]:
    """RSA and prime d'activité of the core's result (SimulationResult.to_dict), explained step by step."""
    lang = language()
    shown = []
    for name in ESTIMATED_BENEFITS:
        detail = estimate.get("explanation", {}).get(name)
        if detail is None:
            continue
        steps = []
        for step in detail["steps"]:
            amount = step.get("amount")
            if amount is None:
                value = ""
            elif step.get("op") == "×":
                value = f"× {amount}".replace(".", ",")
            else:
                value = f"{step.get('op') or ''} {euros(amount)}".strip()
            steps.append(dict(step, text=step["label"][lang], value=value))
        shown.append(
            {
                "name": name,
                "label": detail["label"][lang],
                "amount": detail["amount"],
                "amount_text": euros(detail["amount"]),
                "reason": (detail.get("blocking_reason") or {}).get(lang),
                "steps": steps,
            }
        )
    return shown
