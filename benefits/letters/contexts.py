"""The frozen contexts of the four kinds of letters: plain JSON, both languages for every label.

A context is built once, when the letter is requested, from the claim (or the campaign's result): a
letter rendered again in a year says exactly the same thing, whatever the rules or the file became.
Amounts are decimal strings ("612.40"); labels are {"fr": ..., "en": ...}; dates are ISO strings.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone, translation

from benefits.claims import declaration
from benefits.letters.payment import payment_day
from benefits.rules.months import month_index, month_label

# The two benefits of a quarterly declaration and of the claims filed on the portal.
CLAIM_BENEFITS = ("rsa", "ppa")
# RSA and prime d'activité are fixed for the three months after a declaration, then reviewed on the
# next one (prime d'activité: CSS L843-4; RSA: the same quarterly review, see law-facts §1).
RIGHTS_MONTHS = 3


def both(text) -> dict:
    """A lazy or plain gettext string in French and English."""
    out = {}
    for language in ("fr", "en"):
        with translation.override(language):
            out[language] = str(text)
    return out


def money_text(value) -> str | None:
    return None if value is None else f"{float(value):.2f}"


def person_names(file) -> dict:
    return {m["id"]: f"{m.get('given_names', '')} {m.get('family_name', '')}".strip() for m in file.members}


def addressee(file) -> dict:
    holder = next((m for m in file.members if m.get("role") == "applicant"), None)
    name = f"{holder.get('given_names', '')} {holder.get('family_name', '')}" if holder else ""
    return {
        "name": name.strip() or f"{file.given_names} {file.family_name}",
        "file_number": file.number,
        "address": file.housing.get("address", "") if isinstance(file.housing, dict) else "",
    }


def monthly_total(estimate: dict, amounts: dict) -> str | None:
    """The total per month of `amounts` ({benefit: amount}): the yearly aids (the allocation de rentrée
    scolaire) left out, as in the simulator's and Mon espace's totals."""
    explanation = estimate.get("explanation", {})
    return money_text(
        sum(
            float(amount)
            for name, amount in amounts.items()
            if (explanation.get(name) or {}).get("period", "month") == "month"
        )
    )


def benefit_lines(estimate: dict, names=CLAIM_BENEFITS) -> list[dict]:
    """The core's explained result (SimulationResult.to_dict(explain=True)) for the letter."""
    lines = []
    for name in names:
        detail = estimate.get("explanation", {}).get(name)
        if detail is None:
            continue
        lines.append(
            {
                "name": name,
                "label": detail["label"],
                "amount": money_text(detail["amount"]),
                "eligible": detail["eligible"],
                "period": detail.get("period", "month"),
                "reason": detail.get("blocking_reason"),
                "steps": [
                    {
                        "label": step["label"],
                        "op": step["op"],
                        "amount": None if step["amount"] is None else str(step["amount"]),
                        "legal_basis": step["legal_basis"],
                    }
                    for step in detail["steps"]
                ],
            }
        )
    return lines


def figure_lines(claim) -> list[dict]:
    names = person_names(claim.file)
    labels = {kind: both(label) for kind, label in declaration.OTHER_INCOMES.items()}
    labels["salary"] = {"fr": "Salaire (montant net social)", "en": "Salary (net social amount)"}
    return [
        {
            "person": names.get(row["person"], row["person"]),
            "month": row["month"],
            "label": labels.get(row["type"], {"fr": row["type"], "en": row["type"]}),
            "employer": row.get("employer", ""),
            "declared": money_text(row["declared"]),
            "prefilled": money_text(row["prefilled"]) if row.get("prefilled") not in (None, "") else None,
            "source": row["source"],
            "corrected": bool(row.get("corrected")),
        }
        for row in claim.figures
    ]


def filing_channel(claim) -> str:
    """The channel the claim was filed through: the claim's own field once the channels feature adds it,
    else the first status change's."""
    channel = getattr(claim, "channel", "")
    if channel:
        return channel
    first = claim.history.order_by("at", "pk").first()
    return first.channel if first else ""


def receipt_context(*, claim) -> dict:
    """Accusé de réception of a filed claim or quarterly declaration. `helper` (who helped, when filed
    with an agent) is None here; the agent's side fills it in before requesting the letter."""
    filed_at = timezone.localtime(claim.filed_at)
    return {
        "kind": "receipt",
        "issued_on": timezone.localdate().isoformat(),
        "addressee": addressee(claim.file),
        "claim": {
            "id": claim.pk,
            "kind": claim.kind,
            "kind_label": both(claim.get_kind_display()),
            "month": claim.month,
            "filed_at": filed_at.isoformat(),
        },
        "quarter": declaration.quarter(claim.month),
        "figures": figure_lines(claim),
        "benefits": benefit_lines(claim.estimate),
        # Filed without the portal's estimate (a place the core does not cover: overseas); the key is
        # absent, so false, in the letters frozen before it.
        "not_estimated": not claim.estimate,
        "payment_day": payment_day(claim.month)["day"].isoformat(),
        "channel": filing_channel(claim),
        "helper": None,
        "engine_version": claim.engine_version,
        "parameters_version": claim.parameters_version,
    }


def rights_months(month: str, count: int = RIGHTS_MONTHS) -> list[str]:
    start = month_index(month)
    return [month_label(start + offset) for offset in range(count)]


def decision_context(*, claim) -> dict:
    """Notification de décision once a claim is accepted or refused: amounts per benefit and month, the
    payment days, the explanation and the voies et délais de recours (in the template)."""
    decided = claim.history.filter(status=claim.status).order_by("-at", "-pk").first()
    decided_at = timezone.localtime(decided.at if decided else timezone.now())
    accepted = claim.status == "acceptee"
    months = rights_months(claim.month)
    benefits = benefit_lines(claim.estimate)
    schedule = []
    for month in months:
        due = payment_day(month)
        schedule.append(
            {
                "month": month,
                "payment_day": due["day"].isoformat(),
                "moved": due["moved"],
                "amounts": {b["name"]: (b["amount"] if accepted else "0.00") for b in benefits},
            }
        )
    return {
        "kind": "decision",
        "issued_on": timezone.localdate().isoformat(),
        "addressee": addressee(claim.file),
        "claim": {
            "id": claim.pk,
            "kind": claim.kind,
            "kind_label": both(claim.get_kind_display()),
            "month": claim.month,
            "filed_at": timezone.localtime(claim.filed_at).isoformat(),
        },
        "accepted": accepted,
        "not_estimated": not claim.estimate,
        "decided_at": decided_at.isoformat(),
        "benefits": benefits,
        "schedule": schedule,
        "engine_version": claim.engine_version,
        "parameters_version": claim.parameters_version,
    }


def recalculation_context(
    *, file, month: str, old_amounts: dict, new_amounts: dict, changed_incomes: list, explanation
) -> dict:
    """Nouveau calcul: old → new amount per benefit, and which incomes changed.

    `changed_incomes`: [{"person": name, "month": "YYYY-MM", "label": str or {fr, en}, "old": amount,
    "new": amount}]; `explanation`: the core's explained result (SimulationResult or its to_dict)."""
    estimate = explanation.to_dict(explain=True) if hasattr(explanation, "to_dict") else dict(explanation)
    names = sorted(set(old_amounts) | set(new_amounts))
    return {
        "kind": "recalculation",
        "issued_on": timezone.localdate().isoformat(),
        "addressee": addressee(file),
        "month": month,
        "changes": [
            {
                "name": name,
                "label": (estimate.get("explanation", {}).get(name) or {}).get(
                    "label", {"fr": name, "en": name}
                ),
                "old": money_text(old_amounts.get(name, 0)),
                "new": money_text(new_amounts.get(name, 0)),
            }
            for name in names
        ],
        "incomes": [
            {
                "person": income.get("person", ""),
                "month": income.get("month", ""),
                "label": income["label"]
                if isinstance(income.get("label"), dict)
                else both(income.get("label", "")),
                "old": money_text(income.get("old")),
                "new": money_text(income.get("new")),
            }
            for income in changed_incomes
        ],
        "benefits": benefit_lines(estimate, names=tuple(names)),
        # The totals per month, the new one as Mon espace says it (campaigns: letter_complete.py).
        "old_total": monthly_total(estimate, old_amounts),
        "total": monthly_total(estimate, new_amounts),
        "payment_day": payment_day(month)["day"].isoformat(),
        "engine_version": estimate.get("engine_version", ""),
        "parameters_version": estimate.get("parameters_version", ""),
    }


def eligibility_context(*, file, month: str, result, claim_url: str) -> dict:
    """« Vous pourriez avoir droit »: the estimated rights the file does not claim yet, explained, with a
    link to the prefilled claim. `result` is the core's SimulationResult (or its to_dict)."""
    estimate = result.to_dict(explain=True) if hasattr(result, "to_dict") else dict(result)
    # A right recorded at 0 € is not received (as kinds.receives decides which files a non-recours
    # campaign estimates): its estimate is listed, as the total counts it.
    claimed = {
        right.get("benefit") for right in (file.rights or []) if Decimal(str(right.get("amount") or 0)) > 0
    }
    names = tuple(
        name
        for name, amount in estimate.get("benefits", {}).items()
        if amount and name not in claimed and name in estimate.get("explanation", {})
    )
    return {
        "kind": "eligibility",
        "issued_on": timezone.localdate().isoformat(),
        "addressee": addressee(file),
        "month": month,
        "benefits": benefit_lines(estimate, names=names),
        "total": monthly_total(estimate, {name: estimate["benefits"][name] for name in names}),
        "claim_url": claim_url,
        "answer_by": (date.today() + timedelta(days=60)).isoformat(),
        "engine_version": estimate.get("engine_version", ""),
        "parameters_version": estimate.get("parameters_version", ""),
    }
