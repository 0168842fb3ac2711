"""The stored result: show it, try "et si…" on it, replay it, or reopen its answers to change one.

The result URL serves the whole page; with htmx, the same URL answers the result region only, so
an "et si…" edit refreshes the numbers in place (and pushes the new simulation's address).
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from benefits.rules import HouseholdInputError
from benefits.simulator import result_forms, result_page, services
from benefits.simulator.models import Simulation
from benefits.simulator.result_pdf import result_pdf as render_result_pdf
from benefits.simulator.state import SimulationState
from portal.channels import KIOSK

TEMPLATE = "benefits/simulator/result.html"


def what_if_form(simulation, data=None):
    answers = simulation.answers
    salary = ((answers.get("incomes") or {}).get("applicant") or {}).get("salary") or "0"
    housing = answers.get("housing") or {}
    rent = housing.get("rent") or ""
    return result_forms.WhatIfForm(
        data,
        initial={"salary": salary, "rent": rent},
        with_rent=rent != "",
        housing_status=housing.get("status") or "",
    )


@login_not_required
def result(request, token):
    simulation = get_object_or_404(Simulation.objects.alive(), token=token)
    form = what_if_form(simulation, request.POST if request.method == "POST" else None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            new = services.simulation_what_if(
                simulation=simulation, salary=form.cleaned_data["salary"], rent=form.cleaned_data.get("rent")
            )
        except HouseholdInputError as exc:
            error = exc.errors
        else:
            if not request.htmx:
                return redirect("simulator:result", token=new.token)
            context = result_page.result_context(new, request)
            response = render(request, f"{TEMPLATE}#result", context)
            # The "et si…" form too, out of band: without it a message of a previous refused try stayed
            # beside the amount just accepted, and the form kept posting to the previous simulation.
            context.update(what_if=what_if_form(new), what_if_errors=None, what_if_out_of_band=True)
            response.content += render(request, f"{TEMPLATE}#what-if", context).content
            response["HX-Push-Url"] = reverse("simulator:result", args=[new.token])
            return response
    context = result_page.result_context(simulation, request)
    context.update(what_if=form, what_if_errors=error, has_errors=bool(form.errors), forms_with_errors=[form])
    if request.htmx and request.method == "POST":
        # The errors belong next to the fields: swap the "et si…" form, not the result.
        response = render(request, f"{TEMPLATE}#what-if", context)
        response["HX-Retarget"] = "#et-si"
        response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, f"{TEMPLATE}#result" if request.htmx else TEMPLATE, context)


@login_not_required
def replay(request, token):
    simulation = get_object_or_404(Simulation.objects.alive(), token=token)
    context = result_page.result_context(simulation, request)
    context.update(
        replay=services.simulation_replay(simulation=simulation),
        what_if=what_if_form(simulation),
        what_if_errors=None,
        has_errors=False,
        forms_with_errors=[],
    )
    return render(request, TEMPLATE, context)


@login_not_required
def result_pdf(request, token):
    """The stored result as a PDF to download (the same figures as the page, laid out for paper)."""
    simulation = get_object_or_404(Simulation.objects.alive(), token=token)
    if request.channel == KIOSK:
        # A file saved to the shared PC's disk is beyond Clear-Site-Data: on a kiosk the page is printed.
        return redirect("simulator:result", token=simulation.token)
    pdf = render_result_pdf(context=result_page.result_context(simulation, request), request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="estimation-{simulation.month}.pdf"'
    return response


@require_POST
@login_not_required
def resume(request, token):
    """Loads a stored simulation's answers back into the questionnaire, to change an answer."""
    simulation = get_object_or_404(Simulation.objects.alive(), token=token)
    SimulationState(request.session).replace(simulation.answers, simulation.month)
    return redirect("simulator:check")


resume.not_a_page = True
result_pdf.not_a_page = True
