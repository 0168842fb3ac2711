"""The result's table of benefits: its "Total par mois" row is inside the table's border, at both widths."""

import pytest

from tests.benefits.simulator.test_result_paper import ANSWERS

# DSFR's fr-table draws its border with ::after boxes over the head and the body: the bordered region.
BORDERED = """table => {
  const boxes = [table.tHead, ...table.tBodies].filter(Boolean).map(part => part.getBoundingClientRect());
  return {top: Math.min(...boxes.map(b => b.top)), bottom: Math.max(...boxes.map(b => b.bottom)),
          left: Math.min(...boxes.map(b => b.left)), right: Math.max(...boxes.map(b => b.right))};
}"""


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.django_db(transaction=True)
def test_the_total_row_is_drawn_inside_the_tables_border(new_context, live_server, width):
    from benefits.simulator.services import simulation_save

    simulation = simulation_save(answers=ANSWERS, month="2026-11")
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{live_server.url}/simulateur/resultat/{simulation.token}/")
    total = page.locator("tr", has=page.get_by_role("rowheader", name="Total par mois"))
    assert total.count() == 1
    row = total.evaluate("row => row.getBoundingClientRect().toJSON()")
    bordered = total.evaluate(f"row => ({BORDERED})(row.closest('table'))")
    assert bordered["top"] <= row["top"] and row["bottom"] <= bordered["bottom"] + 0.5, (row, bordered)
    assert bordered["left"] <= row["left"] and row["right"] <= bordered["right"] + 0.5, (row, bordered)
