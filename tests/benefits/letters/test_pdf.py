"""Each kind of letter is a tagged PDF/UA-1 whose text carries the reference, the date and the core's
amounts for the same inputs; fonts are embedded; the decision letter says how to appeal."""

import re

import pytest
from django.utils import translation

from benefits.letters.documents import letter_pdf
from benefits.letters.models import LetterKind
from benefits.letters.presenters import day_text
from benefits.letters.samples import SAMPLE_MONTH, sample_letter
from benefits.rules import compute, parse_household
from benefits.simulator.formatting import euros
from tests.benefits.letters.pdf_checks import fonts, page_text, pdf_structure, text

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """One PDF of each kind (French), rendered once for the module."""
    with django_db_blocker.unblock():
        letters = {kind: sample_letter(kind) for kind in LetterKind.values}
    return {kind: (letter, *letter_pdf(letter)) for kind, letter in letters.items()}


@pytest.mark.parametrize("kind", LetterKind.values)
def test_letter_is_tagged_pdf_ua_with_title_and_language(rendered, kind):
    letter, pdf, pages = rendered[kind]
    structure = pdf_structure(pdf)
    assert structure["struct_tree"] and structure["marked"]
    assert structure["lang"] == "fr"
    assert structure["display_doc_title"]
    assert structure["pdfua_part"] == "1"
    assert structure["title"] == f"{letter.subject} — {letter.reference}"
    assert structure["author"] == "Caisse d’allocations familiales"
    assert structure["pages"] == pages >= 1


@pytest.mark.parametrize("kind", LetterKind.values)
def test_every_font_is_embedded_and_marianne_is_used(rendered, kind):
    found = fonts(rendered[kind][1])
    assert found and all(font["embedded"] for font in found), found
    assert any("Marianne" in font["name"] for font in found)


@pytest.mark.parametrize("kind", LetterKind.values)
def test_text_has_the_reference_and_the_date(rendered, kind):
    letter, pdf, _pages = rendered[kind]
    content = text(pdf)
    assert letter.reference in content
    with translation.override("fr"):
        assert day_text(letter.context["issued_on"]) in content


@pytest.mark.parametrize("kind", LetterKind.values)
def test_the_last_page_holds_more_than_the_footer_notice(rendered, kind):
    """The footer notice (« Référence du courrier : … ») stays with the letter's last lines: the receipt
    and the decision used to end on a page of their own holding only it."""
    letter, pdf, pages = rendered[kind]
    last = page_text(pdf, pages)
    before_notice = last.split("Référence du courrier")[0]
    assert len(before_notice.split()) >= 10, (pages, last)


def test_receipt_and_decision_amounts_equal_the_cores_output(rendered):
    receipt, receipt_pdf, _ = rendered[LetterKind.RECEIPT]
    decision, decision_pdf, _ = rendered[LetterKind.DECISION]
    # The sample declaration's household, computed again by the core, independently of the letters.
    from benefits.claims import declaration
    from benefits.letters.samples import demo_file, prefilled_data, rolled_back

    with rolled_back():
        file = demo_file()
        data = prefilled_data(file, declaration.quarter(SAMPLE_MONTH))
        household = declaration.household(file, data, SAMPLE_MONTH)
    result = compute(parse_household(household, SAMPLE_MONTH), SAMPLE_MONTH, explain=True)
    receipt_text, decision_text = text(receipt_pdf), text(decision_pdf)
    for name in ("rsa", "ppa"):
        amount = euros(result.benefits[name].amount).replace("\u00a0", " ")
        if result.benefits[name].amount > 0:
            assert amount in receipt_text, (name, amount)
            # One row per month of the quarter of rights.
            assert decision_text.count(amount) >= 3, (name, amount)
    assert result.benefits["ppa"].amount > 0  # the sample has a right to show


def test_receipt_lists_each_declared_figure_with_its_source(rendered):
    letter, pdf, _ = rendered[LetterKind.RECEIPT]
    content = text(pdf)
    assert "700,00 €" in content and "corrigé par vous" in content  # the corrected line
    assert "Prérempli : salaire déclaré par Intérim Plus Agence Lyon-Est" in content
    assert "déposée le" in content


def test_decision_has_payment_days_and_the_recourse_paragraph(rendered):
    _letter, pdf, _ = rendered[LetterKind.DECISION]
    content = text(pdf)
    assert "Voies et délais de recours" in content
    for citation in ("CASF L262-47", "R262-88", "CSS L845-2", "R142-1", "CRPA L231-4", "CSS L217-7-1"):
        assert citation in content, citation
    # Rights of November 2026 are paid on Friday 4 December (the 5th is a Saturday).
    assert "4 décembre 2026 *" in content
    assert "Arrêté du 29 juin 1994 modifié" in content


def test_recalculation_shows_old_and_new_amounts(rendered):
    letter, pdf, _ = rendered[LetterKind.RECALCULATION]
    content = text(pdf)
    assert "212,40 €" in content  # the old prime d'activité
    new_ppa = next(c for c in letter.context["changes"] if c["name"] == "ppa")["new"]
    assert euros(new_ppa).replace("\u00a0", " ") in content
    assert "742,18 €" in content and "700,00 €" in content


def test_eligibility_says_how_to_get_each_unclaimed_right(rendered):
    letter, pdf, _ = rendered[LetterKind.ELIGIBILITY]
    assert letter.context["benefits"], "the sample household has an unclaimed right"
    content = text(pdf)
    assert "Versées sans demande" in content  # its allocations familiales: no claim to prefill
    assert "préremplie" not in content


def test_english_letter_is_in_english():
    letter = sample_letter(LetterKind.DECISION, language="en")
    pdf, _pages = letter_pdf(letter)
    assert pdf_structure(pdf)["lang"] == "en"
    assert "Appeals and time limits" in text(pdf)


@pytest.mark.parametrize(
    ("names", "written_to"),
    [
        (
            ("rsa", "ppa"),
            "Écrivez au président du conseil départemental pour le revenu de solidarité active, à votre CAF "
            "pour les autres prestations, en expliquant pourquoi, et joignez une copie de ce courrier.",
        ),
        (("ppa",), "Écrivez à votre CAF en expliquant pourquoi, et joignez une copie de ce courrier."),
        (
            ("rsa",),
            "Écrivez au président du conseil départemental en expliquant pourquoi, et joignez une copie de ce "
            "courrier.",
        ),
    ],
)
def test_the_decision_says_to_whom_to_write_to_contest_it(names, written_to):
    """« Écrivez en expliquant pourquoi » said to no one: the RSA's prior appeal goes to the président du
    conseil départemental (CASF R262-88), the other benefits' to the CAF (CSS R142-1)."""
    from benefits.letters.documents import letter_html

    letter = sample_letter(LetterKind.DECISION)
    letter.context["benefits"] = [line for line in letter.context["benefits"] if line["name"] in names]
    assert [line["name"] for line in letter.context["benefits"]] == list(names)
    assert written_to in re.sub(r"[ \n]+", " ", letter_html(letter))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_housing_aid_has_its_own_recourse_paragraph(language):
    """A letter about the aides au logement names their prior appeal to the CAF and its basis (CCH)."""
    from django.template.loader import render_to_string

    with translation.override(language):
        with_housing = render_to_string(
            "benefits/letters/includes/recourse.html",
            {"d": {"benefit_keys": ["ppa", "aide_logement"], "recourse_to": "caf"}},
        )
        without = render_to_string(
            "benefits/letters/includes/recourse.html", {"d": {"benefit_keys": ["ppa"], "recourse_to": "caf"}}
        )
    assert "CCH L825-1" in with_housing and "CCH L825-1" not in without
    assert with_housing.count("<h3>") == without.count("<h3>") + 1


def test_eligibility_says_which_claims_are_prefilled_and_sends_housing_aid_to_caf_fr():
    from benefits.letters.documents import letter_html

    letter = sample_letter(LetterKind.ELIGIBILITY)
    line = letter.context["benefits"][0]
    housing = {**line, "name": "aide_logement", "label": {"fr": "Aide au logement", "en": "Housing aid"}}
    letter.context["benefits"] = [housing]
    html = letter_html(letter)
    assert "déjà préremplie" not in html  # the portal takes no housing aid claim
    assert "Aide au logement\u00a0: Faites la demande à la CAF avec votre bail" in html
    assert 'href="https://www.caf.fr/allocataires/' in html
    letter.context["benefits"] = [{**line, "name": "ppa", "label": {"fr": "Prime d’activité", "en": "x"}}]
    html = letter_html(letter)
    assert "déjà préremplie sur le portail" in html and "pour\u00a0: Prime d’activité" in html
    assert 'href="https://portail.example.fr/mon-espace/demarches/"' in html and "caf.fr" not in html


def test_a_reference_is_never_cut_at_its_hyphen_in_the_pdf():
    """Wherever a line ends, the urgent aid's short reference (read out on the phone) stays whole:
    WeasyPrint may break a line after « 7K3M- ». The paragraphs are narrowed to move the line ends."""
    from benefits.letters.documents import letter_html
    from benefits.letters.rendering import LETTER_STYLESHEET, render_pdf
    from tests.benefits.letters.pdf_checks import pdf_tool

    letter = sample_letter(LetterKind.CONFIDENTIAL_RECEIPT)
    letter.context["claim_reference"] = "7K3M-Q9"
    html = letter_html(letter)
    cut = []
    for width in range(20, 180, 8):
        narrowed = html.replace("</head>", f"<style>main p {{ width: {width}mm }}</style></head>")
        pdf, _pages = render_pdf(html=narrowed, stylesheets=(LETTER_STYLESHEET,))
        if "7K3M-Q9" not in pdf_tool("pdftotext", pdf, "-enc", "UTF-8"):
            cut.append(width)
    assert cut == []
