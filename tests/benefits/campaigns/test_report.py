"""The campaign report, its CSV (for programs and French Excel: `;`, decimal comma, UTF-8 with a BOM,
headers and labels in words, values as they are, formulas defused) and its XLSX (text cells keep "01"
and "0000042"); an unknown département said in words."""

import csv
import io
import re
import zipfile
from xml.etree import ElementTree

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
    notified = make_file(number="0000042", nir="185037512345641")
    unchanged = make_file(number="0000043", nir="285037512345688")
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
        "0000042",
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
    assert rows[2][:3] == ["0000043", "69", "Sans changement"] and rows[2][-1] == "Non"
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
            file=make_file(number=number, nir=f"185037512{number[-4:]}"),
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


SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def xlsx_cells(content: bytes) -> dict[str, tuple[str, str]]:
    """{"A2": (type, text)} of the workbook's first sheet, read from its XML as Excel would: "s" is a
    shared string, "inlineStr" an inline one, "n" a number, "f" a formula."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            shared = [
                "".join(si.itertext()) for si in ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            ]
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for cell in sheet.iter(f"{SHEET}c"):
        if cell.find(f"{SHEET}f") is not None:
            cells[cell.get("r")] = ("f", cell.find(f"{SHEET}f").text)
        elif cell.get("t") == "s":
            cells[cell.get("r")] = ("s", shared[int(cell.find(f"{SHEET}v").text)])
        elif cell.get("t") == "inlineStr":
            cells[cell.get("r")] = ("s", "".join(cell.find(f"{SHEET}is").itertext()))
        elif cell.find(f"{SHEET}v") is not None:
            cells[cell.get("r")] = ("n", cell.find(f"{SHEET}v").text)
    return cells


def departements_campaign():
    campaign = Campaign.objects.create(kind="non_recours", month="2026-12", status="terminee")
    for number, departement in (
        ("0000061", "01"),
        ("0000062", "2A"),
        ("0000063", "=A1"),
        ("0000064", "@A1"),
    ):
        CampaignResult.objects.create(
            campaign=campaign,
            file=make_file(number=number, nir=f"185037512{number[-4:]}"),
            outcome=Outcome.NOTIFIED,
            departement=departement,
            new_amounts={"ppa": "-12.5"},
            total="1234.5",
            engine_version="t",
            parameters_version="t",
        )
    return campaign


def test_the_xlsx_keeps_numbers_and_departements_as_text_and_amounts_as_numbers(operator_client):
    campaign = departements_campaign()
    response = operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="campagne-{campaign.pk}.xlsx"'
    cells = xlsx_cells(response.content)
    assert cells["A1"] == ("s", "N° de dossier") and cells["B1"] == ("s", "Département")
    assert [cells[f"A{row}"] for row in range(2, 6)] == [("s", f"000006{n}") for n in range(1, 5)]
    assert [cells[f"B{row}"] for row in range(2, 6)] == [
        ("s", "01"),
        ("s", "2A"),
        ("s", "=A1"),
        ("s", "@A1"),
    ]
    assert cells["C2"] == ("s", "Notifié") and cells["D2"] == ("n", "-12.5")
    total = [column for column in "DEFGH" if cells[f"{column}1"][1] == "Total (€ par mois)"][0]
    assert cells[f"{total}2"] == ("n", "1234.5")
    assert not [ref for ref, (kind, _text) in cells.items() if kind == "f"]  # never a formula


def test_the_csv_writes_values_as_they_are_and_defuses_formulas(operator_client):
    campaign = departements_campaign()
    raw = b"".join(operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport.csv").streaming_content)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [row[:2] for row in rows[1:]] == [
        ["0000061", "01"],
        ["0000062", "2A"],
        ["0000063", "'=A1"],
        ["0000064", "'@A1"],
    ]
    # Our amounts are numbers, not text: a negative one keeps its sign (no "'" in front).
    assert rows[1][3] == "-12,50" and not any(re.match(r"[=+@]", cell) for row in rows for cell in row)


def test_the_report_page_offers_both_exports(operator_client):
    campaign = departements_campaign()
    html = operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport").content.decode()
    assert f"/operateur/campagnes/{campaign.pk}/rapport.xlsx" in html
    assert f"/operateur/campagnes/{campaign.pk}/rapport.csv" in html
