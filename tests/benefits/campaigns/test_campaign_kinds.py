"""The three kinds of campaign on a small generated file, checked against the core's own amounts."""

from decimal import Decimal

import pytest

from benefits.campaigns.households import current_rights, feed_window, incomes_by_nir, neutral_household
from benefits.campaigns.models import CampaignResult, Outcome, PaymentOrder
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.claims.models import AllocataireFile
from benefits.letters.completion import completed_context
from benefits.letters.models import Letter
from benefits.rules import ENGINE_VERSION, compute, parse_household
from benefits.rules.aide_exceptionnelle import aide_exceptionnelle

MONTH = "2026-12"
pytestmark = pytest.mark.django_db


def run(kind, operator, capture, threshold=10, chunk_size=25):
    campaign = campaign_create(
        kind=kind, month=MONTH, threshold=Decimal(threshold), by=operator, chunk_size=chunk_size
    )
    with capture(execute=True):
        campaign_launch(campaign=campaign, by=operator)
    campaign.refresh_from_db()
    return campaign


def core_amounts(file: AllocataireFile) -> dict:
    """What the core says for the file, computed here on its own (not through the campaign code)."""
    nirs = [m["nir"] for m in file.adults]
    row = {"pk": file.pk, "members": file.members, "housing": file.housing}
    household = neutral_household(row, MONTH, incomes_by_nir(nirs, feed_window(MONTH)))
    result = compute(parse_household(household, MONTH), explain=False)
    return {name: result.benefits[name].amount for name in ("ppa", "rsa", "aide_logement")}


def test_non_recours_notifies_the_households_without_rights_whose_estimate_passes_the_threshold(
    demo_file, operator, django_capture_on_commit_callbacks
):
    campaign = run("non_recours", operator, django_capture_on_commit_callbacks, threshold=10)
    assert campaign.status == "terminee"
    files = AllocataireFile.objects.all()
    assert campaign.results.count() == files.count() == campaign.total
    notified = 0
    for file in files:
        result = campaign.results.get(file=file)
        receives = any(
            v > 0 for k, v in current_rights(file.rights).items() if k in ("ppa", "rsa", "aide_logement")
        )
        if receives:
            assert result.outcome == Outcome.NOT_CONCERNED
            continue
        expected = {k: v for k, v in core_amounts(file).items() if v > 0}
        assert {k: Decimal(v) for k, v in result.new_amounts.items()} == expected
        assert result.outcome == (
            Outcome.NOTIFIED if expected and sum(expected.values()) >= 10 else Outcome.UNCHANGED
        )
        if result.outcome == Outcome.NOTIFIED:
            notified += 1
            assert result.explanation == {}  # the chunk does not explain: the letter does, from its input
            letter = completed_context(Letter.objects.get(pk=result.letter_id).context)
            assert {line["name"]: Decimal(line["amount"]) for line in letter["benefits"]} == expected
            assert all(line["steps"] for line in letter["benefits"])
    assert notified >= 5


def test_quarterly_recalculation_records_the_new_right_when_it_changes_by_more_than_one_euro(
    demo_file, operator, django_capture_on_commit_callbacks
):
    before = {f.pk: current_rights(f.rights) for f in AllocataireFile.objects.all()}
    campaign = run("recalcul", operator, django_capture_on_commit_callbacks)
    changed = campaign.results.filter(outcome=Outcome.NOTIFIED)
    assert changed.exists()
    for result in changed:
        file = AllocataireFile.objects.get(pk=result.file_id)
        expected = {k: v for k, v in core_amounts(file).items() if v > 0}
        assert {k: Decimal(v) for k, v in result.new_amounts.items()} == expected
        assert {k: Decimal(v) for k, v in result.old_amounts.items()} == {
            k: v for k, v in before[file.pk].items() if k in ("ppa", "rsa", "aide_logement") and v > 0
        }
        assert {k: v for k, v in current_rights(file.rights).items() if k in expected} == expected
        assert result.engine_version == ENGINE_VERSION and result.parameters_version
        assert Letter.objects.get(pk=result.letter_id).subject == "Vos droits ont été recalculés"
        letter = completed_context(Letter.objects.get(pk=result.letter_id).context)
        assert {c["name"]: Decimal(c["new"]) for c in letter["changes"]} == {
            name: expected.get(name, Decimal(0)) for name in set(expected) | set(result.old_amounts)
        }
        assert {line["name"] for line in letter["benefits"]} == {c["name"] for c in letter["changes"]}
    for result in campaign.results.filter(outcome=Outcome.UNCHANGED):
        file = AllocataireFile.objects.get(pk=result.file_id)
        assert current_rights(file.rights) == before[file.pk]


def test_exceptional_aid_records_one_payment_per_eligible_household_with_the_module_amount(
    demo_file, operator, django_capture_on_commit_callbacks
):
    campaign = run("aide_exceptionnelle", operator, django_capture_on_commit_callbacks)
    payments = {p.file_id: p.amount for p in PaymentOrder.objects.filter(campaign=campaign)}
    assert payments
    for file in AllocataireFile.objects.all():
        household = parse_household(neutral_household({"pk": file.pk, **file.__dict__}, MONTH, {}), MONTH)
        expected = aide_exceptionnelle(household, MONTH, current_rights(file.rights)).amount
        assert payments.get(file.pk, Decimal(0)) == expected
    assert CampaignResult.objects.filter(campaign=campaign, outcome=Outcome.NOTIFIED).count() == len(payments)
    assert all(p.due_on.day == 5 for p in PaymentOrder.objects.all())


def test_the_exceptional_aid_has_its_own_letter_with_the_amount_the_day_and_the_decree(
    demo_file, operator, django_capture_on_commit_callbacks
):
    from django.utils import translation

    from benefits.letters.documents import letter_html
    from benefits.letters.models import LetterKind

    campaign = run("aide_exceptionnelle", operator, django_capture_on_commit_callbacks)
    payment = PaymentOrder.objects.filter(campaign=campaign).first()
    result = CampaignResult.objects.get(campaign=campaign, file=payment.file)
    letter = Letter.objects.get(pk=result.letter_id)
    assert letter.kind == LetterKind.EXCEPTIONAL_AID
    assert letter.subject == "Une aide exceptionnelle vous sera versée"  # not the operator's label
    assert Letter.objects.filter(kind=LetterKind.EXCEPTIONAL_AID).count() == PaymentOrder.objects.count()
    amount = f"{payment.amount:.2f}".replace(".", ",")
    french = letter_html(letter)
    assert "aide exceptionnelle de solidarité" in french and "décret n° 2020-519 du 5 mai 2020" in french
    assert amount in french.replace("\u202f", " ").replace("\xa0", " ")
    assert "art. 2" in french  # the module's explanation lines cite the decree's articles
    letter.language = "en"
    with translation.override("en"):
        english = letter_html(letter)
    assert "exceptional solidarity aid" in english.lower() and "decree no. 2020-519" in english
