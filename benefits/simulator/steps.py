"""Where a person is in the questionnaire: the month computed, the step numbers, the way back."""

import re

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from benefits.rules import SUPPORTED_MONTHS
from benefits.simulator.state import SimulationState

STEPS = (
    "simulator:household",
    "simulator:persons",
    "simulator:family",
    "simulator:housing",
    "simulator:incomes",
    "simulator:check",
)


def current_month() -> str:
    month = timezone.localdate().strftime("%Y-%m")
    return min(max(month, SUPPORTED_MONTHS[0]), SUPPORTED_MONTHS[-1])


def state_for(request) -> SimulationState:
    state = SimulationState(request.session)
    if not state.month:
        state.set_month(current_month())
    return state


def next_url(request, default: str) -> str:
    """Back to check-your-answers after a "Modifier" link; only that one known place, never a free URL."""
    if request.GET.get("retour") == "verifier":
        return reverse("simulator:check")
    return reverse(default)


def step_names(request) -> list[str]:
    """The pages this person goes through, in order. "Votre famille" is left out once the persons page
    is answered and none of its questions applies (family_step.applies): "Étape 3 sur 5" follows
    "Étape 2", not "Étape 4 sur 6". Before that page is answered nobody knows, so it counts."""
    names = [name.removeprefix("simulator:") for name in STEPS]
    if "applicant" in state_for(request).answers and not family_applies(request):
        names.remove("family")
    return names


def person_heading(prefix: str | None) -> str:
    """Whose form it is, from its prefix: the error summary names the person, since "Date de naissance :
    Indiquez la date de naissance." three times (you, your partner, a child) said nothing of where."""
    if prefix == "demandeur":
        return _("Vous")
    if prefix == "conjoint":
        return _("Votre conjoint ou conjointe")
    child = re.fullmatch(r"enfant(\d+)", prefix or "")
    return _("Enfant %(n)s") % {"n": child[1]} if child else ""


def step_context(request, state, step: str, forms_shown=(), **context) -> dict:
    with_errors = [f for f in forms_shown if f is not None and f.is_bound and f.errors]
    for form in with_errors:
        form.error_heading = person_heading(form.prefix)
    names = step_names(request)
    return {
        "state": state,
        "step": step,
        "step_number": names.index(step) + 1,
        "step_count": len(names),
        "returning": request.GET.get("retour") == "verifier",
        "forms_with_errors": with_errors,
        "has_errors": bool(with_errors),
        "query": "?retour=verifier" if request.GET.get("retour") == "verifier" else "",
        "back_url": back_url(request, step),
        **context,
    }


def back_url(request, step: str) -> str:
    """The "Retour" link: the previous question, or the check page for someone who came from it."""
    if request.GET.get("retour") == "verifier":
        return reverse("simulator:check")
    index = STEPS.index(f"simulator:{step}")
    previous = STEPS[index - 1] if index else "simulator:start"
    if previous == "simulator:family" and not family_applies(request):
        previous = "simulator:persons"
    return reverse(previous)


def family_applies(request) -> bool:
    from benefits.simulator.family_step import applies

    state = state_for(request)
    return applies(state.answers, state.month)
