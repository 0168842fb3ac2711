"""The campaign report's results as an Excel workbook (.xlsx), the operators' spreadsheet export.

A CSV has no types: Excel guesses them when it opens one, and turns the département "01" into 1 and the
dossier "0000042" into 42. In a workbook each cell says what it is: the number, the département and the
words are text cells (never a formula, whatever they hold), the amounts numbers that add up. Written by
XlsxWriter (maintained, pure Python, write-only); constant_memory keeps one row in memory at a time, so
a campaign of a million households does not fill the worker (docs/campaigns.md, "The report's exports").
"""

import io

import xlsxwriter
from django.utils.translation import gettext as _

from benefits.campaigns.models import Campaign
from benefits.campaigns.report import Report

# The amounts' format in every locale: Excel shows "1 234,56" in French, "1,234.56" in English.
AMOUNT_FORMAT = "#,##0.00"


def report_xlsx(*, campaign: Campaign) -> bytes:
    report = Report(campaign)
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(_("Résultats"))
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    # "@" is Excel's Text format: a value typed later into these columns stays text too.
    text = workbook.add_format({"num_format": "@"})
    amount = workbook.add_format({"num_format": AMOUNT_FORMAT})
    for column, (title, is_text) in enumerate(report.headers):
        sheet.set_column(column, column, 14 if is_text else 16, text if is_text else amount)
        sheet.write_string(0, column, title, header)
    sheet.freeze_panes(1, 0)
    row_number = 0
    for row_number, row in enumerate(report.rows(), start=1):
        for column, value in enumerate(row):
            if report.headers[column][1]:
                sheet.write_string(row_number, column, value, text)
            elif value is not None:
                sheet.write_number(row_number, column, float(value), amount)
    sheet.autofilter(0, 0, row_number, len(report.headers) - 1)
    workbook.close()
    return output.getvalue()
