"""The campaign report and its CSV, for French Excel: `;`, decimal comma, UTF-8 with a BOM, headers and
labels in words, the dossier number as the portal writes it; an unknown département said in words."""

import csv
import io

import pytest
from django.test import Client

from benefits.campaigns.models import Campaign, CampaignResult, Outcome
from tests.agents import sign_in
from tests.benefits.campaigns.helpers import make_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(operator):
    client = Client()
    assert sign_in(client, operator).status_code == 302
    return client


def recalculation():
    campaign = Campaign.objects.create(kind="recalcul", month="2026-12", status="terminee")
    notified = make_file(number="0000042", nir="185037512345678")
    unchanged = make_file(number="0000043", nir="285037512345678")
    for file, outcome, old, new, departement, letter in (
        (notified, Outcome.NOTIFIED, {"ppa": "180.5"}, {"ppa": "1234.56", "aide_logement": "230"}, "", 7),
        (unchanged, Outcome.UNCHANGED, {"rsa": "600"}, {"rsa": "600"}, "69", None),
    ):
        CampaignResult.objects.create(
            campaign=campaign,
            file=file,
            outcome=outcome,
            departement=departement,
            old_amounts=old,
            new_amounts=new,
            total=sum(float(v) for v in new.values()),
            engine_version="t",
            parameters_version="t",
            letter_id=letter,
        )
    return campaign


def test_the_csv_opens_in_french_excel(operator_client):
    campaign = recalculation()
    response = operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8, not Windows-1252
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "N° de dossier",
        "Département",
        "Résultat",
        "Prime d’activité, avant (€ par mois)",
        "Prime d’activité, après (€ par mois)",
        "Revenu de solidarité active (RSA), avant (€ par mois)",
        "Revenu de solidarité active (RSA), après (€ par mois)",
        "Aide au logement (APL, ALF ou ALS), avant (€ par mois)",
        "Aide au logement (APL, ALF ou ALS), après (€ par mois)",
        "Total (€ par mois)",
        "Courrier envoyé",
    ]
    assert rows[1] == [
        '="0000042"',
        "Département inconnu",
        "Notifié",
        "180,50",
        "1234,56",
        "",
        "",
        "",
        "230,00",
        "1464,56",
        "Oui",
    ]
    assert rows[2][:3] == ['="0000043"', "69", "Sans changement"] and rows[2][-1] == "Non"
    assert len(rows) == 3


def test_the_exceptional_aids_csv_has_its_one_amount():
    from benefits.campaigns.report import benefit_columns

    assert [header for _side, _name, header in benefit_columns("aide_exceptionnelle")] == [
        "Aide exceptionnelle de solidarité (€)"
    ]
    assert [header for _side, _name, header in benefit_columns("non_recours")][0] == (
        "Prime d’activité, estimation (€ par mois)"
    )


def test_the_report_page_says_unknown_departement_and_names_parked_files_by_their_number(operator_client):
    from benefits.campaigns.models import CampaignChunk
    from benefits.claims.models import AllocataireFile

    campaign = recalculation()
    first, last = AllocataireFile.objects.order_by("pk")
    CampaignChunk.objects.create(
        campaign=campaign, first_pk=first.pk, last_pk=last.pk, status="parked", attempts=3, error="boom"
    )
    html = operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport").content.decode()
    assert "<td>Département inconnu</td>" in html and "<td>?</td>" not in html
    assert "Dossiers 0000042 à 0000043 : 3 essais, boom" in " ".join(html.split())


def test_the_table_by_departement_puts_the_unknown_departement_last(operator_client):
    from benefits.campaigns.report import campaign_report

    campaign = Campaign.objects.create(kind="non_recours", month="2026-12", status="terminee")
    for number, departement in (("0000051", "75"), ("0000052", ""), ("0000053", "13"), ("0000054", "2A")):
        CampaignResult.objects.create(
            campaign=campaign,
            file=make_file(number=number, nir=f"18503751{number[-4:]}78"),
            outcome=Outcome.NOTIFIED,
            departement=departement,
            new_amounts={"ppa": "100"},
            total=100,
            engine_version="t",
            parameters_version="t",
        )
    rows = campaign_report(campaign=campaign)["by_departement"]
    assert [str(row["departement"]) for row in rows] == ["13", "2A", "75", "Département inconnu"]
    assert [row["count"] for row in rows] == [1, 1, 1, 1]
    html = " ".join(
        operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport").content.decode().split()
    )
    cells = [html.index(f"<td>{name}</td>") for name in ("13", "2A", "75", "Département inconnu")]
    assert cells == sorted(cells)
