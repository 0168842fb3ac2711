"""A complete answer set for the questionnaire, posted page by page like a browser without JavaScript."""

SINGLE_PARENT = {
    "household": {"couple": "non", "children": "1"},
    "persons": {
        "demandeur-birth_date": "10/03/1990",
        "demandeur-activity": "employed",
        "demandeur-disability": "none",
        "demandeur-nationality": "fr",
        "enfant1-birth_date": "01/09/2019",
        "isolement-maintenance": "non",
    },
    "housing": {"status": "tenant_private", "rent": "650", "commune": "Lyon", "zone": ""},
    "incomes": {"demandeur-salary": "1100", "demandeur-alimony": "0", "demandeur-taxable_n2": "12000"},
}


def answer_steps(client, answers=SINGLE_PARENT):
    """Posts every step of the questionnaire, up to the check page."""
    for step, url in (
        ("household", "/simulateur/foyer/"),
        ("persons", "/simulateur/personnes/"),
        ("housing", "/simulateur/logement/"),
        ("incomes", "/simulateur/revenus/"),
    ):
        response = client.post(url, answers[step])
        assert response.status_code == 302, (step, response.content.decode()[:3000])


def walk(client, answers=SINGLE_PARENT):
    """Posts every step and returns the response of the result page."""
    answer_steps(client, answers)
    response = client.post("/simulateur/verifier/")
    assert response.status_code == 302, response.content.decode()[:3000]
    return client.get(response["Location"])
