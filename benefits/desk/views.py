"""The desk: search a file, its 360° view, record a mandate, act under it, end it. Staff + second factor."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.claims.models import AllocataireFile
from benefits.desk import file_view, mandates, search
from benefits.desk.access import MANDATE_KEY, agent_required, office_of
from benefits.desk.forms import MandateForm, SearchForm
from benefits.desk.models import Mandate
from portal.channels import AGENT
from portal.posted import posted


@agent_required()
def search_page(request):
    form = SearchForm(request.GET or None)
    results, limited = None, False
    if form.is_bound and form.is_valid():
        try:
            results = search.file_search(
                agent=request.user,
                number=form.cleaned_data["number"],
                nir=form.cleaned_data["nir"],
                family_name=form.cleaned_data["family_name"],
                birth_date=form.cleaned_data["birth_date"],
            )
        except search.TooManySearches:
            limited = True
    status = 429 if limited else 200
    context = {
        "form": form,
        "results": results,
        "limited": limited,
        # The public forms' error summary: it takes the focus and links each message to its field.
        "has_errors": bool(form.errors),
        "forms_with_errors": [form],
    }
    return render(request, "benefits/desk/search.html", context, status=status)


@agent_required()
def file_page(request, number):
    file = get_object_or_404(AllocataireFile, number=number)
    file_view.file_open(file=file, agent=request.user, office=office_of(request.user))
    context = file_view.file_360(file=file, agent=request.user)
    return render(request, "benefits/desk/file.html", context)


@agent_required("benefits.act_for_person")
def mandate_new(request, number):
    file = get_object_or_404(AllocataireFile, number=number)
    form = MandateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        mandate = mandates.mandate_create(
            file=file,
            agent=request.user,
            office=office_of(request.user),
            kinds=form.cleaned_data["kinds"],
            identity_check=form.cleaned_data["identity_check"],
            consent=form.cleaned_data["consent"],
            duration=form.cleaned_data["duration"],
        )
        request.session[MANDATE_KEY] = mandate.pk
        messages.success(
            request, _("Mandat enregistré : vous pouvez faire les démarches couvertes pour la personne.")
        )
        return redirect("desk:file", number=file.number)
    return render(request, "benefits/desk/mandate.html", {"file": file, "form": form})


@agent_required("benefits.act_for_person")
@require_POST
def mandate_use(request, pk):
    """Acts under one of the agent's own valid mandates (one file at a time)."""
    mandate = get_object_or_404(Mandate.objects.valid(), pk=pk, agent=request.user)
    request.session[MANDATE_KEY] = mandate.pk
    return redirect("claims:index")


@agent_required("benefits.act_for_person")
@require_POST
def mandate_end(request, pk):
    mandate = get_object_or_404(Mandate, pk=pk, agent=request.user)
    mandates.mandate_revoke(mandate=mandate, by=request.user, channel=AGENT, who="agent")
    request.session.pop(MANDATE_KEY, None)
    # The band that held the button is gone: the notice takes the focus (layout/base.html), so that
    # keyboard and screen-reader users hear that the mandate ended.
    messages.success(request, _("Mandat terminé."), extra_tags="focus")
    return redirect("desk:file", number=mandate.file.number)


mandate_use.not_a_page = True
mandate_end.not_a_page = True
