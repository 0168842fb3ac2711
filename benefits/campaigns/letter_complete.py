"""A campaign letter's full context, completed from what its chunk froze (letter_freeze.py).

Called by benefits/letters/completion.py when the letter is rendered (letters queue), never in the
chunk: the explained computation and the letter's lines cost more than the campaign's decision itself.
Everything comes from the frozen input — the household the core read (its incomes frozen as the feed
gave them, month M added again by frozen_household as the chunk did), the month, the amounts
decided, the addressee, the changed incomes — so the same letter is completed identically whenever it
is rendered. The amounts recomputed with the explanation must be the ones the chunk decided: if the
rules changed in between (another engine or parameters version), the letter fails loudly (shown to
staff, rerendered with the engine that decided) instead of explaining another amount.
"""

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from benefits.campaigns import kinds
from benefits.campaigns.aid_letter import exceptional_aid_context
from benefits.campaigns.evaluate import aid_result, explained
from benefits.campaigns.households import month_filled
from benefits.letters.contexts import eligibility_context, recalculation_context
from benefits.rules import ENGINE_VERSION, parameters_version

ANSWER_DAYS = 60  # the « vous pourriez avoir droit » letter's answer-by date, after its issue


class ExplanationMismatch(ValueError):
    """The explained computation does not give the amounts the campaign decided."""


def as_file(context: dict) -> SimpleNamespace:
    """A stand-in for the file with exactly the frozen addressee and rights (for the letters' builders)."""
    addressee, frozen = context["addressee"], context["campaign"]
    return SimpleNamespace(
        members=[{"role": "applicant", "given_names": addressee["name"], "family_name": ""}],
        given_names="",
        family_name="",
        number=addressee["file_number"],
        housing={"address": addressee["address"]},
        rights=[{"benefit": name, "amount": amount} for name, amount in frozen["rights"].items()],
    )


def frozen_household(frozen: dict, month: str) -> dict:
    """The household the chunk's core read, from the frozen context: `household_as_read` (since session
    9) is that household with each adult's incomes as the feed gave them, to which month_filled (on a
    copy: the frozen context stays as it was) adds month M as the chunk did; a context frozen before
    holds the household itself."""
    if "household" in frozen:
        return frozen["household"]
    household = frozen["household_as_read"]
    persons = []
    for person in household["persons"]:
        series = person.get("incomes")
        if series is not None:
            own = {kind: dict(values) for kind, values in series.items()}
            person = {**person, "incomes": month_filled({"": own}, month)[""]}
        persons.append(person)
    return {**household, "persons": persons}


def check(decided: dict, computed: dict, context: dict) -> None:
    if decided != computed:
        raise ExplanationMismatch(
            f"the explained computation gives {computed}, the campaign decided {decided} "
            f"(decided with engine {context['engine_version']}, parameters {context['parameters_version']}; "
            f"now {ENGINE_VERSION}, {parameters_version()})"
        )


def complete(context: dict) -> dict:
    """The frozen context → the full context of its letter kind (the frozen input kept in it)."""
    frozen, month = context["campaign"], context["month"]
    versions = {
        "engine_version": context["engine_version"],
        "parameters_version": context["parameters_version"],
    }
    file = as_file(context)
    household = frozen_household(frozen, month)
    if frozen["kind"] == "aide_exceptionnelle":
        rights = {name: Decimal(amount) for name, amount in frozen["rights"].items()}
        result = aid_result(household, month, rights)
        amount = Decimal(frozen["payment"])
        check({"aide_exceptionnelle": amount}, {"aide_exceptionnelle": Decimal(result.amount)}, context)
        explanation = {"aide_exceptionnelle": result.as_dict(explain=True)}
        full = exceptional_aid_context(
            file=file,
            month=month,
            amount=amount,
            payment_day=date.fromisoformat(frozen["payment_day"]),
            explanation=explanation,
            versions=versions,
        )
    else:
        result = explained(household, month)
        check(frozen["new"], kinds.amounts(result["benefits"]), context)
        estimate = {**result, **versions}
        if frozen["kind"] == "non_recours":
            full = eligibility_context(file=file, month=month, result=estimate, claim_url=frozen["claim_url"])
            full["answer_by"] = (
                date.fromisoformat(context["issued_on"]) + timedelta(days=ANSWER_DAYS)
            ).isoformat()
        else:
            full = recalculation_context(
                file=file,
                month=month,
                old_amounts=frozen["old"],
                new_amounts=frozen["new"],
                changed_incomes=frozen["changed_incomes"],
                explanation=estimate,
            )
        # The total per month is the one Mon espace announces (CampaignResult.total, the decision's).
        full["total"] = str(decided_total(frozen["new"]))
    return {**full, "issued_on": context["issued_on"], "addressee": context["addressee"], "campaign": frozen}


def decided_total(new: dict) -> Decimal:
    """The sum of the amounts decided, as kinds.decide_* totals them for Mon espace's message."""
    return sum((Decimal(amount) for amount in new.values()), Decimal(0))
