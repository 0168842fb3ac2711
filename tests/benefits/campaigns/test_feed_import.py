"""The income feed import: idempotent, refusals by line, strict mode, JSON lines, event recalculation."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from benefits.campaigns.feed import nir_key_is_valid
from benefits.campaigns.feed_import import income_feed_import
from benefits.campaigns.models import Campaign, IncomeFeedImport, IncomeRecord, PersonNir
from tests.benefits.campaigns.helpers import make_file

pytestmark = pytest.mark.django_db
NIR = "285037512010148"  # a valid key: 97 - 2850375120101 % 97 = 48
HEADER = "nir,month,payer,kind,amount\n"


def test_nir_key():
    assert nir_key_is_valid(NIR)
    assert not nir_key_is_valid(NIR[:13] + "49")


def test_same_file_twice_changes_nothing():
    data = (
        HEADER + f"{NIR},2026-10,Mairie,salary,1432.67\n{NIR},2026-10,France Travail,chomage,210,50\n"
    ).encode()
    first = income_feed_import(data=data, name="drm.csv")
    assert (first.feed.lines, first.feed.stored, first.feed.refused) == (2, 2, 0)
    second = income_feed_import(data=data, name="drm-copy.csv")
    assert second.already_imported and second.feed.pk == first.feed.pk
    assert IncomeRecord.objects.count() == 2 and IncomeFeedImport.objects.count() == 1
    kinds = dict(IncomeRecord.objects.values_list("payer", "kind"))
    assert kinds == {"Mairie": "salary", "France Travail": "unemployment_benefit"}


def test_a_line_seen_again_in_another_file_is_stored_once_and_a_correction_replaces_it():
    income_feed_import(data=(HEADER + f"{NIR},2026-10,Mairie,salary,1432.67\n").encode(), name="a.csv")
    again = income_feed_import(
        data=(HEADER + f"{NIR},2026-10,Mairie,salary,1432.67\n{NIR},2026-11,Mairie,salary,1500\n").encode(),
        name="b.csv",
    )
    assert (again.feed.stored, again.feed.unchanged) == (1, 1)
    income_feed_import(data=(HEADER + f"{NIR},2026-10,Mairie,salary,1400.00\n").encode(), name="c.csv")
    corrected = IncomeRecord.objects.get(month="2026-10")
    assert (corrected.amount, corrected.previous_amount) == (1400, Decimal("1432.67"))
    assert IncomeRecord.objects.count() == 2


def test_bad_lines_refuse_only_themselves_with_their_number_and_reason():
    data = (
        HEADER
        + f"{NIR},2026-10,Mairie,salary,1432.67\n"
        + "12345,2026-10,Mairie,salary,10\n"
        + f"{NIR[:13]}49,2026-10,Mairie,salary,10\n"
        + f"{NIR},2026-13,Mairie,salary,10\n"
        + f"{NIR},2026-10,Mairie,loterie,10\n"
        + f"{NIR},2026-10,Mairie,salary,-3\n"
        + f"{NIR},2026-10,Mairie,salary,1432.67\n"
    ).encode()
    feed = income_feed_import(data=data, name="drm.csv").feed
    assert feed.stored == 1 and feed.refused == 6
    assert [(r["line"], r["reason"].split(" ")[0]) for r in feed.refusals] == [
        (3, "NIR"),
        (4, "clé"),
        (5, "mois"),
        (6, "nature"),
        (7, "montant"),
        (8, "même"),
    ]
    assert "ligne 2" in feed.refusals[-1]["reason"]


def test_strict_refuses_the_whole_file_and_stores_nothing():
    data = (HEADER + f"{NIR},2026-10,Mairie,salary,1432.67\n{NIR},2026-10,X,salary,abc\n").encode()
    report = income_feed_import(data=data, name="drm.csv", strict=True)
    assert "ligne 3" in report.refused_file
    assert not IncomeRecord.objects.exists() and not IncomeFeedImport.objects.exists()


def test_a_wrong_header_or_encoding_refuses_the_file():
    assert "en-tête" in income_feed_import(data=b"nir;mois;montant\n1;2;3\n", name="x.csv").refused_file
    assert "UTF-8" in income_feed_import(data=b"nir,month\xff", name="x.csv").refused_file


def test_json_lines():
    rows = [
        {"nir": NIR, "month": "2026-10", "payer": "CPAM", "kind": "ijss", "amount": "120.30"},
        {"nir": NIR, "month": "2026-10", "payer": "CNAV", "kind": "pension", "amount": 900},
    ]
    data = ("\n".join(json.dumps(r) for r in rows) + "\nnot json\n").encode()
    feed = income_feed_import(data=data, name="drm.jsonl").feed
    assert feed.stored == 2 and feed.refusals == [{"line": 3, "reason": "la ligne n’est pas un objet JSON"}]


def test_changed_incomes_enqueue_one_recalculation_of_those_households(django_capture_on_commit_callbacks):
    changed = make_file(number="0000101", nir=NIR, rights=[{"benefit": "ppa", "amount": "50.00"}])
    make_file(number="0000102", nir="178116912310357", rights=[{"benefit": "ppa", "amount": "50.00"}])
    PersonNir.objects.create(nir=NIR, file=changed, member="a")
    lines = "".join(
        f"{NIR},2026-{m:02d},Mairie,salary,900\n{NIR},2026-{m:02d},Cantine,salary,200\n" for m in (8, 9, 10)
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = income_feed_import(data=(HEADER + lines).encode(), name="drm.csv")
    assert report.changed_files == {changed.pk}
    campaign = Campaign.objects.get(feed=report.feed)
    assert (campaign.kind, campaign.month, campaign.status) == ("recalcul", "2026-11", "terminee")
    assert list(campaign.results.values_list("file_id", flat=True)) == [changed.pk]
    again = income_feed_import(data=(HEADER + lines + "\n").encode(), name="drm2.csv")
    assert again.changed_files == set() and Campaign.objects.count() == 1


def test_the_command_prints_refusals_and_says_when_a_file_was_already_imported(tmp_path, capsys):
    path = tmp_path / "drm.csv"
    path.write_text(HEADER + f"{NIR},2026-10,Mairie,salary,1432.67\n{NIR},2026-10,Mairie,salary,x\n")
    call_command("income_feed_import", str(path))
    out, err = capsys.readouterr()
    assert "1 enregistrée(s)" in out and "ligne 3 refusée : montant « x » illisible" in err
    call_command("income_feed_import", str(path))
    assert "déjà importé" in capsys.readouterr().out
    with pytest.raises(CommandError, match="refusé"):
        path.write_text("a,b\n")
        call_command("income_feed_import", str(path))


def test_a_file_the_command_cannot_read_is_explained_in_french(tmp_path):
    with pytest.raises(CommandError, match="fichier introuvable"):
        call_command("income_feed_import", str(tmp_path / "drm-absent.csv"))
    with pytest.raises(CommandError, match="c’est un dossier, pas un fichier"):
        call_command("income_feed_import", str(tmp_path))
    assert not IncomeFeedImport.objects.exists()
