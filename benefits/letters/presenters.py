"""A letter's frozen context as display values, in the letter's language (call under
translation.override(letter.language)): French amounts and dates, each label in one language."""

from datetime import date, datetime

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from benefits.claims.first_claim import FIRST_CLAIMS
from benefits.labels import benefit_calculation_caption
from benefits.letters.completion import completed_context
from benefits.letters.payment import PAYMENT_BASIS
from benefits.simulator.formatting import euros, month_name
from benefits.simulator.result_page import NEXT_STEPS

FAMILY_BENEFITS = ("af", "cf", "asf", "ars")


def pick(text) -> str:
    """{"fr": ..., "en": ...} → the active language's text (French when the other is missing)."""
    if isinstance(text, dict):
        return text.get(get_language() or "fr") or text.get("fr") or ""
    return text or ""


def day_text(iso: str) -> str:
    """ "2026-12-01" → "1er décembre 2026" (French ordinal for the first day), "1 December 2026" in English."""
    if not iso:
        return ""
    day = date.fromisoformat(iso[:10])
    text = date_format(day, "j F Y")
    return ("1er" + text[1:]) if day.day == 1 and get_language() != "en" else text


def moment_text(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    return _("%(day)s à %(time)s") % {
        "day": day_text(iso),
        "time": date_format(moment, "H:i"),
    }


def money(value) -> str:
    return euros(value) if value not in (None, "") else ""


def steps(benefit: dict) -> list[dict]:
    shown = []
    for step in benefit["steps"]:
        amount = step.get("amount")
        if amount is None:
            value = ""
        elif step["op"] == "×":
            value = f"× {amount}".replace(".", ",")
        else:
            value = f"{'' if step['op'] in ('=', 'i') else step['op'] + ' '}{euros(amount)}"
        shown.append({"text": pick(step["label"]), "value": value, "legal_basis": step["legal_basis"]})
    return shown


def benefits(lines: list[dict]) -> list[dict]:
    return [
        {
            "name": line["name"],
            "label": pick(line["label"]),
            "caption": benefit_calculation_caption(line["name"], pick(line["label"])),
            "amount": money(line["amount"]),
            "eligible": line["eligible"],
            "yearly": line.get("period") == "year",  # letters frozen before 2026-12 have no period
            "reason": pick(line.get("reason")) if line.get("reason") else "",
            "steps": steps(line),
        }
        for line in lines
    ]


def figure_source(row: dict) -> str:
    if row["source"] == "employer":
        if row["corrected"]:
            return _("Prérempli (%(employer)s : %(amount)s), corrigé par vous") % {
                "employer": row["employer"] or _("employeur"),
                "amount": money(row["prefilled"]),
            }
        return _("Prérempli : salaire déclaré par %(employer)s") % {
            "employer": row["employer"] or _("l’employeur")
        }
    return _("Déclaré par vous")


def common(letter, ctx: dict) -> dict:
    return {
        "reference": letter.reference,
        "subject": letter.subject,
        "issued_on": day_text(ctx.get("issued_on") or letter.created_at.date().isoformat()),
        "addressee": ctx.get("addressee", {}),
        "engine_version": letter.engine_version,
        "parameters_version": letter.parameters_version,
    }


def receipt(ctx: dict) -> dict:
    claim = ctx["claim"]
    helper = ctx.get("helper") or {}
    return {
        "kind_label": pick(claim["kind_label"]),
        "is_declaration": claim["kind"] == "dtr",
        "filed_at": moment_text(claim["filed_at"]),
        "rights_month": month_name(claim["month"]),
        "quarter": ", ".join(month_name(m) for m in ctx.get("quarter", [])),
        "figures": [
            {
                "person": row["person"],
                "month": month_name(row["month"]),
                "label": pick(row["label"]),
                "declared": money(row["declared"]),
                "source": figure_source(row),
            }
            for row in ctx["figures"]
        ],
        # No total: the receipt gives each estimate as the claim's page does (receipts frozen before
        # 2026-12-02 still hold an unused "total").
        "benefits": benefits(ctx["benefits"]),
        # Filed without the portal's estimate (overseas: benefits/claims/filing.py); absent before.
        "not_estimated": ctx.get("not_estimated", False),
        "payment_day": day_text(ctx.get("payment_day", "")),
        "channel": ctx.get("channel", ""),
        "helper": {"name": helper.get("name", ""), "organisation": helper.get("organisation", "")}
        if helper
        else None,
    }


def decision(ctx: dict) -> dict:
    shown = benefits(ctx["benefits"])
    names = [(b["name"], b["label"]) for b in shown]
    return {
        "kind_label": pick(ctx["claim"]["kind_label"]),
        "accepted": ctx["accepted"],
        "not_estimated": ctx.get("not_estimated", False),
        "decided_at": day_text(ctx["decided_at"]),
        "filed_at": day_text(ctx["claim"]["filed_at"]),
        "benefits": shown,
        "benefit_names": [label for _name, label in names],
        "schedule": [
            {
                "month": month_name(row["month"]),
                "payment_day": day_text(row["payment_day"]),
                "moved": row["moved"],
                "amounts": [money(row["amounts"].get(name, "0")) for name, _label in names],
            }
            for row in ctx["schedule"]
        ],
        "any_moved": any(row["moved"] for row in ctx["schedule"]),
        "payment_basis": PAYMENT_BASIS,
        "benefit_keys": [name for name, _label in names],
        "other_benefits": other_benefits(names),
        "recourse_to": recourse_to(names),
    }


def other_benefits(names) -> bool:
    """Family benefits, whose recourse is the commission de recours amiable alone (CSS R142-1)."""
    return any(name in FAMILY_BENEFITS for name, _label in names)


def recourse_to(names) -> str:
    """Whom the person writes to contest the letter: the président du conseil départemental for the RSA
    (CASF L262-47, R262-88), their CAF for the other benefits (CSS L845-2, R142-1; CCH L825-1)."""
    keys = {name for name, _label in names}
    if "rsa" not in keys:
        return "caf"
    return "department_and_caf" if keys - {"rsa"} else "department"


def recalculation(ctx: dict) -> dict:
    names = [(c["name"], pick(c["label"])) for c in ctx["changes"]]
    return {
        "benefit_keys": [name for name, _label in names],
        "other_benefits": other_benefits(names),
        "recourse_to": recourse_to(names),
        "month": month_name(ctx["month"]),
        "changes": [
            {"label": pick(c["label"]), "old": money(c["old"]), "new": money(c["new"])}
            for c in ctx["changes"]
        ],
        "incomes": [
            {
                "person": i["person"],
                "month": month_name(i["month"]) if i["month"] else "",
                "label": pick(i["label"]),
                "old": money(i["old"]),
                "new": money(i["new"]),
            }
            for i in ctx["incomes"]
        ],
        "benefits": benefits(ctx["benefits"]),
        "old_total": money(ctx.get("old_total")),  # letters frozen before 2026-12 have no totals
        "total": money(ctx.get("total")),
        "payment_day": day_text(ctx["payment_day"]),
    }


def elsewhere(line: dict) -> dict:
    advice, _link, target = NEXT_STEPS.get(line["name"], ("", None, None))
    url = target if target and target.startswith("https://") else ""
    return {"label": line["label"], "advice": str(advice), "url": url}


def eligibility(ctx: dict) -> dict:
    """Which claims the portal has prefilled (prime d'activité, RSA), and how to get the other rights."""
    lines = benefits(ctx["benefits"])
    return {
        "month": month_name(ctx["month"]),
        "benefits": lines,
        "total": money(ctx.get("total")),  # letters frozen before 2026-12 have none
        "claim_url": ctx["claim_url"],
        "prefilled": ", ".join(line["label"] for line in lines if line["name"] in FIRST_CLAIMS),
        "elsewhere": [elsewhere(line) for line in lines if line["name"] not in FIRST_CLAIMS],
    }


def confidential_receipt(ctx: dict) -> dict:
    """The aide universelle d'urgence's receipt (benefits/auu/letters.py): nothing names the aid."""
    return {
        "filed_at": moment_text(ctx["filed_at"]),
        "due_by": day_text(ctx["due_by"]),
        "amount": money(ctx["amount"]),
        "loan": ctx["form"] == "loan",
        "claim_reference": ctx.get("claim_reference", ""),  # receipts before 2026-12 have none
    }


def exceptional_aid(ctx: dict) -> dict:
    """The one-off aid a campaign pays (benefits/campaigns/aid_letter.py)."""
    return {
        "month": month_name(ctx["month"]),
        "amount": money(ctx["amount"]),
        "payment_day": day_text(ctx["payment_day"]),
        "legal_basis": pick(ctx["legal_basis"]),
        "benefits": benefits(ctx["benefits"]),
    }


PRESENTERS = {
    "receipt": receipt,
    "decision": decision,
    "recalculation": recalculation,
    "eligibility": eligibility,
    "confidential_receipt": confidential_receipt,
    "exceptional_aid": exceptional_aid,
}


def letter_display(letter) -> dict:
    """Everything the letter's templates print (a context still to complete is completed in memory:
    the rendering stores it, completion.py)."""
    ctx = completed_context(letter.context)
    return {**common(letter, ctx), **PRESENTERS[letter.kind](ctx)}
