"""Each cited article links to its own Légifrance page when its id is known (issue 17, E)."""

from benefits.rules.explain import legifrance_url


def test_an_article_links_to_its_own_page():
    assert legifrance_url("CSS L842-3, D843-1, D843-2") == (
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037994814"
    )
    assert legifrance_url("CCH R822-15").endswith("/article_lc/LEGIARTI000038878973")


def test_an_unknown_article_links_to_its_code_and_no_code_to_nothing():
    assert (
        legifrance_url("CSS L999-99") == "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189"
    )
    assert legifrance_url("ordonnance 96-50") is None
