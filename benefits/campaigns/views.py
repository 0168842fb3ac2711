"""Operator screens: staff with the campaigns permission create, dry-run, launch, follow and stop
campaigns, and read their report. Every button is a plain form; htmx only refreshes the progress."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.campaigns import services
from benefits.campaigns.dry_run import campaign_dry_run
from benefits.campaigns.forms import CampaignForm
from benefits.campaigns.models import Campaign, CampaignStatus
from benefits.campaigns.progress import campaign_progress
from benefits.campaigns.report import campaign_report, report_rows
from benefits.campaigns.report_xlsx import report_xlsx
from benefits.desk.access import agent_required
from portal.posted import posted

PERMISSION = "benefits.operate_campaign"


def operator_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_staff and request.user.has_perm(PERMISSION)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    # Signed out, an operator is sent to the agents' login (username, password, TOTP), never to the
    # people's FranceConnect+ page, which refuses staff accounts: agent_required redirects there.
    guarded = agent_required(PERMISSION)(wrapper)

    @wraps(view)
    def entry(request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_staff:
            raise PermissionDenied
        return guarded(request, *args, **kwargs)

    return login_not_required(entry)


@operator_required
def index(request):
    form = CampaignForm(posted(request))
    if request.method == "POST" and form.is_valid():
        campaign = services.campaign_create(**form.cleaned_data, by=request.user)
        messages.success(request, _("Campagne créée : faites un essai avant de la lancer."))
        return redirect("campaigns:detail", pk=campaign.pk)
    campaigns = Campaign.objects.select_related("feed")[:50]
    context = {"form": form, "campaigns": campaigns, "forms_with_errors": [form]}
    return render(request, "benefits/campaigns/index.html", context)


@operator_required
def detail(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    template = "benefits/campaigns/detail.html"
    context = campaign_progress(campaign=campaign)
    if request.htmx:
        # The poll says which status its page shows: once the campaign has moved on (paused, resumed,
        # finished, cancelled), its buttons, status and report link are stale.
        if request.GET.get("etat", campaign.status) != campaign.status:
            return status_changed(request, template, context)
        # The progress only: its messages, unread, wait for the next whole page.
        return render(request, f"{template}#progress", context)
    # An action refused (launch before a dry run…) comes back here as an error message: the title
    # says so first, as on every page with an error (RGAA 8.6). Reading the messages here does not
    # use them up before the layout shows them in this response.
    context["has_errors"] = any(m.level == messages.ERROR for m in messages.get_messages(request))
    return render(request, template, context)


def status_changed(request, template, context):
    """The whole <main> in place of the progress (htmx's HX-Retarget/HX-Reselect): a reload
    (HX-Refresh) put focus and reading back at the top of the page, and a redirect to "#progression"
    on the page's own URL is only a jump within it, not a reload. The progress says what changed,
    and portal.js moves focus there after the swap, so a screen reader reads it."""
    context["status_changed"] = True
    response = render(request, template, context)
    response["HX-Retarget"] = response["HX-Reselect"] = "#contenu"
    response["HX-Reswap"] = "outerHTML"
    return response


@require_POST
@operator_required
def dry_run(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk, status=CampaignStatus.DRAFT)
    campaign_dry_run(campaign=campaign)
    messages.success(request, _("Essai terminé : rien n’a été écrit ni envoyé."))
    return redirect("campaigns:detail", pk=pk)


ACTIONS = {
    "launch": (services.campaign_launch, _("Campagne lancée.")),
    "pause": (services.campaign_pause, _("Campagne mise en pause : les lots en cours se terminent.")),
    "resume": (services.campaign_resume, _("Campagne reprise.")),
    "cancel": (services.campaign_cancel, _("Campagne annulée : les résultats déjà écrits restent.")),
}


@require_POST
@operator_required
def action(request, pk, name):
    campaign = get_object_or_404(Campaign, pk=pk)
    if name not in ACTIONS:
        raise PermissionDenied
    service, done = ACTIONS[name]
    if name == "cancel" and request.POST.get("confirmer") != "oui":
        return redirect("campaigns:cancel_confirm", pk=pk)  # cancelling cannot be undone: asked first
    if name == "launch" and not campaign.dry_run:
        messages.error(request, _("Faites d’abord un essai sur un échantillon."))
    elif service(campaign=campaign, by=request.user):
        # A draft cancelled had written nothing: no « résultats déjà écrits » to speak of.
        never_started = name == "cancel" and not campaign.started_at
        messages.success(request, _("Campagne annulée.") if never_started else done)
    else:
        # Said with the state it is in now: another operator or the campaign's own end moved it on.
        campaign.refresh_from_db(fields=["status"])
        messages.error(
            request,
            _("Cette action n’est plus possible : la campagne est maintenant « %(status)s ».")
            % {"status": campaign.get_status_display()},
        )
    return redirect("campaigns:detail", pk=pk)


@operator_required
def cancel_confirm(request, pk):
    """The question before a cancellation, which cannot be undone (a page, so it works without JavaScript)."""
    campaign = get_object_or_404(Campaign, pk=pk)
    if campaign.status not in services.ACTIVE:
        return redirect("campaigns:detail", pk=pk)
    return render(request, "benefits/campaigns/cancel_confirm.html", {"campaign": campaign})


@operator_required
def report(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    return render(request, "benefits/campaigns/report.html", campaign_report(campaign=campaign))


@operator_required
def report_csv(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    response = StreamingHttpResponse(report_rows(campaign=campaign), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="campagne-{campaign.pk}.csv"'
    return response


report_csv.not_a_page = True

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@operator_required
def report_xlsx_download(request, pk):
    """The spreadsheet export (the CSV is for programs): text cells keep "01" and "0000042" as they are."""
    campaign = get_object_or_404(Campaign, pk=pk)
    response = HttpResponse(report_xlsx(campaign=campaign), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="campagne-{campaign.pk}.xlsx"'
    return response


report_xlsx_download.not_a_page = True
