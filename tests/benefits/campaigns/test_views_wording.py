"""What the operator screens say in the states a newcomer's walk met: a campaign just launched (no
chunks yet), one or no household done, a refused action, a finished campaign's payment calendar."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from benefits.campaigns.models import Campaign, CampaignChunk, ChunkStatus
from tests.agents import sign_in

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


@pytest.fixture
def operator_client(operator):
    client = Client()
    assert sign_in(client, operator).status_code == 302
    return client


def started(operator, **fields) -> Campaign:
    now = timezone.now()
    values = {"kind": "recalcul", "month": "2026-12", "status": "en_cours", "started_at": now}
    return Campaign.objects.create(created_by=operator, **(values | fields))


def progress(client, campaign) -> str:
    return client.get(f"/operateur/campagnes/{campaign.pk}/", headers={"HX-Request": "true"}).content.decode()


def test_just_launched_the_progress_says_the_chunks_are_being_prepared_not_0_of_0(operator_client, operator):
    campaign = started(operator)  # launched: its dispatcher has not counted the file yet
    html = progress(operator_client, campaign)
    assert "0 foyers traités sur 0" not in html and "0 foyer traité sur 0" not in html
    assert f"Préparation des lots{NBSP}: le nombre de foyers à traiter s’affichera dans un instant." in html
    Campaign.objects.filter(pk=campaign.pk).update(total=5007)
    assert "0 foyer traité sur 5" in progress(operator_client, campaign)  # French: 0 and 1 are singular
    CampaignChunk.objects.create(
        campaign=campaign, first_pk=1, last_pk=1, status=ChunkStatus.DONE, households=1
    )
    assert "1 foyer traité sur 5" in progress(operator_client, campaign)
    CampaignChunk.objects.create(
        campaign=campaign, first_pk=2, last_pk=1001, status=ChunkStatus.DONE, households=1000
    )
    assert f"1{NBSP}001 foyers traités sur 5{NBSP}007 (20 %)" in progress(operator_client, campaign)


def test_the_index_writes_the_households_with_french_thousands(operator_client, operator):
    started(operator, status="terminee", total=5007, finished_at=timezone.now())
    html = operator_client.get("/operateur/campagnes/").content.decode()
    # Under its column's name on a phone (the stacked table's aria-hidden label).
    assert re.search(rf'aria-hidden="true">Foyers</span>\s*5{NBSP}007\s*</td>', html)


def test_two_campaigns_of_the_same_kind_and_month_read_apart_by_their_number(operator_client, operator):
    first, second = (started(operator, status="terminee", finished_at=timezone.now()) for _ in range(2))
    html = operator_client.get("/operateur/campagnes/").content.decode()
    for campaign in (first, second):
        link = rf'<a href="/operateur/campagnes/{campaign.pk}/">\s*Recalcul trimestriel des droits, n°{NBSP}{campaign.pk}\s*</a>'
        assert re.search(link, html), campaign.pk


def test_a_refused_action_says_the_state_the_campaign_is_in_now(operator_client, operator):
    campaign = started(operator, status="terminee", finished_at=timezone.now())  # finished meanwhile
    response = operator_client.post(f"/operateur/campagnes/{campaign.pk}/pause/", follow=True)
    html = response.content.decode()
    assert (
        f"Cette action n’est plus possible{NBSP}: la campagne est maintenant «{NBSP}Terminée{NBSP}»." in html
    )


def test_a_finished_campaign_s_calendar_speaks_in_the_past(operator_client, operator):
    campaign = started(operator, kind="aide_exceptionnelle", status="terminee", finished_at=timezone.now())
    html = operator_client.get(f"/operateur/campagnes/{campaign.pk}/").content.decode()
    assert "La campagne s’est terminée avant la date limite" in html
    assert "La campagne se termine avant" not in html


def test_before_any_household_is_done_the_rate_is_not_yet_measured(operator_client, operator):
    campaign = started(operator, total=5007)
    html = progress(operator_client, campaign)
    assert f"Débit{NBSP}: pas encore mesuré" in html and "0 foyers par seconde" not in html


def test_the_creation_form_s_errors_are_summed_up_focused_with_a_link_to_each_field(operator_client):
    html = operator_client.post("/operateur/campagnes/", {"kind": "", "threshold": "abc"}).content.decode()
    summary = html[html.index('id="erreurs"') - 80 : html.index("</ul>", html.index('id="erreurs"'))]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary and "autofocus" in summary
    assert 'href="#id_kind"' in summary and 'href="#id_threshold"' in summary
    assert 'id="id_kind"' in html and 'id="id_threshold"' in html  # the links' targets


def test_in_english_a_dry_run_example_s_benefit_has_no_space_before_its_colon(
    demo_file, operator_client, operator
):
    from django.conf import settings

    from benefits.campaigns.dry_run import campaign_dry_run

    campaign = Campaign.objects.create(kind="non_recours", month="2026-12", threshold=10, created_by=operator)
    campaign_dry_run(campaign=campaign)
    operator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = operator_client.get(f"/operateur/campagnes/{campaign.pk}/").content.decode()
    assert "Example households" in html
    strong = re.findall(r"<strong>([^<]+)</strong>", html[html.index("Example households") :])
    labels = [text for text in strong if ":" in text]  # "Housing aid (APL, ALF or ALS): 309,00 €"
    assert labels and not any(re.search(r"\s:", label) for label in labels), labels


def test_cancelling_a_draft_speaks_of_nothing_written_nor_of_a_pause(operator_client, operator):
    campaign = Campaign.objects.create(kind="recalcul", month="2026-11", created_by=operator)
    question = operator_client.get(f"/operateur/campagnes/{campaign.pk}/annulation/").content.decode()
    assert "Rien n’a encore été écrit ni envoyé." in question
    assert "mettez plutôt la campagne en pause" not in question and "déjà écrits restent" not in question
    done = operator_client.post(
        f"/operateur/campagnes/{campaign.pk}/cancel/", {"confirmer": "oui"}, follow=True
    ).content.decode()
    assert "Campagne annulée." in done and "les résultats déjà écrits restent" not in done
    running = started(operator)  # launched: its results stay, and a pause is the other way
    question = operator_client.get(f"/operateur/campagnes/{running.pk}/annulation/").content.decode()
    assert "mettez plutôt la campagne en pause" in question
    done = operator_client.post(
        f"/operateur/campagnes/{running.pk}/cancel/", {"confirmer": "oui"}, follow=True
    ).content.decode()
    assert f"Campagne annulée{NBSP}: les résultats déjà écrits restent." in done


def test_the_payment_badge_keeps_a_margin_above_the_refresh_link(operator_client, operator):
    """At 360 px the DSFR badge (no margin of its own) touched « Actualiser la progression » (now shown
    only while the campaign runs or is paused: the margin stays for whatever follows)."""
    campaign = started(operator, kind="aide_exceptionnelle", status="terminee", finished_at=timezone.now())
    html = operator_client.get(f"/operateur/campagnes/{campaign.pk}/").content.decode()
    badges = re.findall(r'<p class="(fr-badge[^"]*)"', html)
    assert badges and all("fr-mb-2w" in classes.split() for classes in badges), badges


def test_in_english_the_progress_reads_as_english(operator_client, operator):
    from django.conf import settings

    campaign = started(operator, total=5007)
    CampaignChunk.objects.create(
        campaign=campaign, first_pk=1, last_pk=1, status=ChunkStatus.DONE, households=1
    )
    operator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert f"1 household processed out of 5{NBSP}007 (0%)" in progress(operator_client, campaign)
